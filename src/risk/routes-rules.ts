/** Staff: the risk rules, every version; admins add versions. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { listOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, bearerOrApiKeySecurity, STAFF } from '../identity/index.js';
import { listRules, setRules } from './rules.js';
import { authErrors, ruleSchema, rulesBody } from './schemas.js';

export async function ruleRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerRuleList(app, ctx);
  registerRuleSet(app, ctx);
}

/** GET /v1/admin/risk/rules: every version by key, newest first; inForce marks those that apply now. */
function registerRuleList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/risk/rules',
    {
      onRequest: access({ roles: STAFF, scope: 'risk:read' }),
      schema: {
        tags: ['admin', 'risk'],
        summary: 'Risk rules: every version by key, newest first (inForce: applies now)',
        security: bearerOrApiKeySecurity,
        response: { 200: listOf(ruleSchema), ...errorResponses(authErrors) },
      },
    },
    async () => ({ data: await listRules(ctx.db) }),
  );
}

/** PUT /v1/admin/risk/rules: a new version of one or more rules (admin only, audited). */
function registerRuleSet(app: FastifyInstance, ctx: AppContext): void {
  typed(app).put(
    '/v1/admin/risk/rules',
    {
      onRequest: access({ roles: ['admin'], scope: 'risk:write' }),
      schema: {
        tags: ['admin', 'risk'],
        summary:
          'Add a version of one or more risk rules, effective from a time (default now; admin only, audited)',
        description:
          'Older versions are never changed. A key keeps its type; disable a rule with enabled: false. ' +
          'Actions: flag (a case, the debit goes through), hold (a case, the money waits for a decision), ' +
          'block (a case, the debit is refused with 403 risk_blocked).',
        security: bearerOrApiKeySecurity,
        body: rulesBody,
        response: {
          200: listOf(ruleSchema),
          ...errorResponses(authErrors, { 400: ['validation_failed', 'unknown_field', 'invalid_risk_rule'] }),
        },
      },
    },
    async (request) => {
      const { body } = request;
      const added = await ctx.db.transaction((tx) =>
        setRules(
          tx,
          { auth: authOf(request), requestId: request.id },
          {
            rules: body.rules.map((r) => ({
              key: r.key,
              type: r.type,
              params: r.params,
              action: r.action,
              enabled: r.enabled ?? true,
              appliesTo: [...r.appliesTo],
              currency: r.currency ?? 'NGN',
            })),
            effectiveFrom: body.effectiveFrom === undefined ? undefined : new Date(body.effectiveFrom),
            reason: body.reason,
          },
        ),
      );
      return { data: added.map((r) => ({ ...r, inForce: r.effectiveFrom.getTime() <= Date.now() })) };
    },
  );
}
