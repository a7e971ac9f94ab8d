/** Admin: the tier rules, every version, and adding a version; the tier settings. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { listOf, toMinor } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, bearerOrApiKeySecurity, STAFF } from '../identity/index.js';
import { forgetTierRules } from './limit-holder.js';
import { listTierRules, setTierRules, type Tier } from './rules.js';
import { authErrors, tierRuleBody, tierRuleSchema } from './schemas.js';
import { listTierSettings, setTierSettings } from './tier-settings.js';

export async function tierRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerTierList(app, ctx);
  registerTierCreate(app, ctx);
  registerTierSettings(app, ctx);
}

const tierSettingsSchema = {
  type: 'object',
  properties: {
    tier: { type: 'integer', enum: [1, 2, 3] },
    requiresVerifiedPhone: {
      type: 'boolean',
      description: 'Moving a person up to this tier needs their phone verified by a one-time code',
    },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: ['string', 'null'] },
  },
  required: ['tier', 'requiresVerifiedPhone', 'updatedAt', 'updatedBy'],
} as const;

/** GET and PUT /v1/admin/kyc/tier-settings: what reaching each tier needs besides its numbers. */
function registerTierSettings(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/kyc/tier-settings',
    {
      onRequest: access({ roles: STAFF, scope: 'kyc_rules:read' }),
      schema: {
        tags: ['admin', 'kyc'],
        summary: 'KYC tier settings: whether reaching each tier needs a verified phone',
        security: bearerOrApiKeySecurity,
        response: { 200: listOf(tierSettingsSchema), ...errorResponses(authErrors) },
      },
    },
    async () => ({ data: await listTierSettings(ctx.db) }),
  );
  typed(app).put(
    '/v1/admin/kyc/tier-settings/:tier',
    {
      onRequest: access({ roles: ['admin'], scope: 'kyc_rules:write' }),
      schema: {
        tags: ['admin', 'kyc'],
        summary: 'Change what reaching a tier needs (admin only, audited); people already on it stay',
        security: bearerOrApiKeySecurity,
        params: {
          type: 'object',
          properties: { tier: { type: 'integer', enum: [1, 2, 3] } },
          required: ['tier'],
        },
        body: {
          type: 'object',
          properties: {
            requiresVerifiedPhone: { type: 'boolean' },
            reason: { type: 'string', minLength: 3, maxLength: 500 },
          },
          required: ['requiresVerifiedPhone', 'reason'],
          additionalProperties: false,
        },
        response: {
          200: tierSettingsSchema,
          ...errorResponses(authErrors, { 400: ['validation_failed', 'unknown_field'], 404: ['not_found'] }),
        },
      },
    },
    async (request) =>
      ctx.db.transaction((tx) =>
        setTierSettings(
          tx,
          { auth: authOf(request), requestId: request.id },
          request.params.tier as Tier,
          request.body,
        ),
      ),
  );
}

/** GET /v1/admin/kyc/tiers: every rule version, the one in force marked. */
function registerTierList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/kyc/tiers',
    {
      onRequest: access({ roles: STAFF, scope: 'kyc_rules:read' }),
      schema: {
        tags: ['admin', 'kyc'],
        summary: 'KYC tier rules: every version by currency and tier, newest first (inForce: applies now)',
        security: bearerOrApiKeySecurity,
        response: { 200: listOf(tierRuleSchema), ...errorResponses(authErrors) },
      },
    },
    async () => ({ data: await listTierRules(ctx.db) }),
  );
}

/** POST /v1/admin/kyc/tiers: a new rule version for a tier and currency. */
function registerTierCreate(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/kyc/tiers',
    {
      onRequest: access({ roles: ['admin'], scope: 'kyc_rules:write' }),
      schema: {
        tags: ['admin', 'kyc'],
        summary: 'Add a tier rule version, effective from a time (default now; admin only, audited)',
        description:
          'Older versions are never changed. A row for a tier and currency allows that currency at that tier.',
        security: bearerOrApiKeySecurity,
        body: tierRuleBody,
        response: {
          201: tierRuleSchema,
          ...errorResponses(authErrors, { 400: ['validation_failed', 'unknown_field'] }),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const rule = await ctx.db.transaction((tx) =>
        setTierRules(
          tx,
          { auth: authOf(request), requestId: request.id },
          {
            tier: body.tier as Tier,
            currency: body.currency,
            dailyDebitLimit: toMinor(body.dailyDebitLimit),
            maxBalance: body.maxBalance === null ? null : toMinor(body.maxBalance),
            singleTransactionLimit: toMinor(body.singleTransactionLimit),
            singleDepositLimit: toMinor(body.singleDepositLimit),
            effectiveFrom: body.effectiveFrom === undefined ? undefined : new Date(body.effectiveFrom),
            reason: body.reason,
          },
        ),
      );
      forgetTierRules(); // this process applies the new version at once; others within RULES_CACHE_MS
      return reply.code(201).send({ ...rule, inForce: rule.effectiveFrom.getTime() <= Date.now() });
    },
  );
}
