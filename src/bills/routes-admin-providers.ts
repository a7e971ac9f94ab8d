/** Operators: provider health and, in sandbox, the simulators' knobs. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { listOf, bearerSecurity } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, recordAudit, STAFF } from '../identity/index.js';
import { PROVIDER_STATS_HOURS, type RecordedCallStats, recordedCallStats } from './provider-stats.js';
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
                    recordedCalls: { type: 'integer' },
                    recentCalls: { type: 'integer' },
                    recentSuccessRate: { type: ['number', 'null'] },
                    recentP50Ms: { type: ['number', 'null'] },
                    windowCalls: { type: 'integer' },
                    consecutiveFailures: { type: 'integer' },
                  },
                },
              },
              sandbox: { type: 'boolean' },
              since: { type: 'string', format: 'date-time' },
              recentSince: { type: 'string', format: 'date-time' },
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
      ...(await providerHealthRows(ctx)),
      sandbox: ctx.providers?.sandbox ?? false,
      knobs: ctx.providers?.sims[0]?.knobs() ?? null,
      sims: ctx.providers?.sims.map((s) => ({ name: s.name, url: s.url, knobs: s.knobs() })) ?? [],
    }),
  );
}

/** Minutes the "recent" figures cover: long enough to see a knob change take effect on new payments. */
const RECENT_MINUTES = 15;

/**
 * Each provider's breaker state with success rate and latency from the calls
 * recorded over the last day, and the same over the last few minutes.
 */
async function providerHealthRows(ctx: AppContext) {
  const now = Date.now();
  const since = new Date(now - PROVIDER_STATS_HOURS * 3_600_000);
  const recentSince = new Date(now - RECENT_MINUTES * 60_000);
  const [day, recent] = await Promise.all([
    recordedCallStats(ctx.db, since),
    recordedCallStats(ctx.db, recentSince),
  ]);
  const byName = (list: RecordedCallStats[]) => new Map(list.map((s) => [s.provider, s]));
  const dayOf = byName(day);
  const recentOf = byName(recent);
  const live = ctx.providers?.router.health() ?? [];
  const names = [...new Set([...live.map((h) => h.name), ...day.map((s) => s.provider)])];
  const data = names.map((name) => {
    const h = live.find((l) => l.name === name);
    const d = dayOf.get(name);
    const r = recentOf.get(name);
    return {
      name,
      state: h?.state ?? 'closed',
      successRate: d?.successRate ?? null,
      p50Ms: d?.p50Ms ?? null,
      p95Ms: d?.p95Ms ?? null,
      calls: h?.calls ?? 0,
      windowCalls: h?.windowCalls ?? 0,
      consecutiveFailures: h?.consecutiveFailures ?? 0,
      recordedCalls: d?.calls ?? 0,
      recentCalls: r?.calls ?? 0,
      recentSuccessRate: r?.successRate ?? null,
      recentP50Ms: r?.p50Ms ?? null,
    };
  });
  return { data, since: since.toISOString(), recentSince: recentSince.toISOString() };
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
