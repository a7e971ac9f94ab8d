/** Operators: provider health and, in sandbox, the simulators' knobs. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { listOf, bearerSecurity } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, recordAudit, STAFF } from '../identity/index.js';
import { KNOBS } from './schemas-providers.js';

export async function adminProviderRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerProviderHealth(app, ctx);
  // The simulators' knobs route exists only when the simulators do (never with real providers).
  if (ctx.providers?.sandbox) registerProviderKnobs(app, ctx);
}

/** GET /v1/admin/providers: provider health and the sandbox knobs. */
function registerProviderHealth(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/providers',
    {
      onRequest: access({ roles: STAFF, scope: 'providers:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Provider health: breaker state, success rate, latency; sandbox knobs',
        security: bearerSecurity,
        response: {
          200: {
            type: 'object',
            properties: {
              data: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    name: { type: 'string' },
                    state: { type: 'string' },
                    successRate: { type: ['number', 'null'] },
                    p50Ms: { type: ['number', 'null'] },
                    p95Ms: { type: ['number', 'null'] },
                    calls: { type: 'integer' },
                    windowCalls: { type: 'integer' },
                    consecutiveFailures: { type: 'integer' },
                  },
                },
              },
              sandbox: { type: 'boolean' },
              knobs: { anyOf: [KNOBS, { type: 'null' }] },
              sims: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { name: { type: 'string' }, url: { type: 'string' }, knobs: KNOBS },
                },
              },
            },
          },
        },
      },
    },
    async () => ({
      data: ctx.providers?.router.health() ?? [],
      sandbox: ctx.providers?.sandbox ?? false,
      knobs: ctx.providers?.sims[0]?.knobs() ?? null,
      sims: ctx.providers?.sims.map((s) => ({ name: s.name, url: s.url, knobs: s.knobs() })) ?? [],
    }),
  );
}

/** POST /v1/admin/providers/knobs: change the simulators' knobs (sandbox only). */
function registerProviderKnobs(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/providers/knobs',
    {
      onRequest: access({ roles: STAFF, scope: 'providers:write' }),
      schema: {
        tags: ['admin'],
        summary:
          "Sandbox only: change the simulators' knobs (latency, failure, pending and lost-response rates)",
        security: bearerSecurity,
        body: {
          type: 'object',
          properties: {
            provider: { type: 'string', maxLength: 32 },
            latencyMs: { type: 'integer', minimum: 0, maximum: 120_000 },
            failureRate: { type: 'number', minimum: 0, maximum: 1 },
            pendingRate: { type: 'number', minimum: 0, maximum: 1 },
            lostResponseRate: { type: 'number', minimum: 0, maximum: 1 },
            // Float and commission: the simulator's commission rule, its books drifting from ours, 018 on low float.
            commissionBps: { type: ['integer', 'null'], minimum: 0, maximum: 10_000 },
            commissionFlatMinor: { type: ['integer', 'null'], minimum: 0, maximum: 1_000_000_000_000 },
            balanceDriftMinor: { type: 'integer', minimum: -1_000_000_000_000, maximum: 1_000_000_000_000 },
            floatEnforced: { type: 'boolean' },
          },
          additionalProperties: false,
        },
        response: {
          200: listOf({ type: 'object', properties: { name: { type: 'string' }, knobs: KNOBS } }),
          ...errorResponses({ 409: ['not_sandbox'] }),
        },
      },
    },
    async (request) => {
      const sims = ctx.providers?.sims ?? [];
      if (!ctx.providers?.sandbox || sims.length === 0)
        throw new AppError('not_sandbox', 'Knobs exist only in sandbox mode');
      const { provider, ...knobs } = request.body;
      const targets = sims.filter((s) => !provider || s.name === provider);
      if (targets.length === 0) throw notFound('Provider');
      const before = targets.map((s) => ({ name: s.name, knobs: s.knobs() }));
      const after = targets.map((s) => ({ name: s.name, knobs: s.setKnobs(knobs) }));
      await ctx.db.transaction((tx) =>
        recordAudit(tx, {
          actorId: authOf(request).userId,
          action: 'provider.knobs',
          targetType: 'provider',
          targetId: provider ?? 'all',
          before,
          after,
        }),
      );
      return { data: after };
    },
  );
}
