/** Staff: the matching rules; admins add and change them (audited). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { bearerSecurity, listOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { type Actor, access, authOf, STAFF } from '../identity/index.js';
import { createMatchRule, listMatchRules, type RuleInput, updateMatchRule } from './rules.js';
import { readErrors, ruleCreateBody, ruleErrors, ruleParams, ruleSchema, ruleUpdateBody } from './schemas.js';

const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

export async function ruleRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/reconciliation-rules',
    {
      onRequest: access({ roles: STAFF, scope: 'reconciliation:read' }),
      schema: {
        tags: ['admin', 'reconciliation'],
        summary: 'Matching rules, in the order they are tried (lowest priority first)',
        security: bearerSecurity,
        response: { 200: listOf(ruleSchema), ...readErrors },
      },
    },
    async () => ({ data: await listMatchRules(ctx.db) }),
  );
  typed(app).post(
    '/v1/admin/reconciliation-rules',
    {
      onRequest: access({ roles: ['admin'], scope: 'reconciliation:write' }),
      schema: {
        tags: ['admin', 'reconciliation'],
        summary:
          'Add a matching rule (admin only, audited); runs already started keep the rules they began with',
        description:
          'Criteria: reference equals|contains, amount equals | within {driftMinor, driftBps}, date within ' +
          '{windowSeconds}, currency equals. With a reference criterion the amount decides matched or ' +
          'amount_mismatch; without one, items pair on the amount.',
        security: bearerSecurity,
        body: ruleCreateBody,
        response: { 201: ruleSchema, ...ruleErrors },
      },
    },
    async (request, reply) => {
      const { reason, ...rule } = request.body;
      const created = await ctx.db.transaction((tx) =>
        createMatchRule(tx, actorOf(request), { ...(rule as RuleInput), reason }),
      );
      return reply.code(201).send(created);
    },
  );
  typed(app).patch(
    '/v1/admin/reconciliation-rules/:id',
    {
      onRequest: access({ roles: ['admin'], scope: 'reconciliation:write' }),
      schema: {
        tags: ['admin', 'reconciliation'],
        summary: 'Change a matching rule (admin only, audited with before and after)',
        security: bearerSecurity,
        params: ruleParams,
        body: ruleUpdateBody,
        response: { 200: ruleSchema, ...ruleErrors },
      },
    },
    async (request) => {
      const { reason, ...change } = request.body;
      return ctx.db.transaction((tx) =>
        updateMatchRule(tx, actorOf(request), request.params.id, {
          ...(change as Partial<RuleInput>),
          reason,
        }),
      );
    },
  );
}
