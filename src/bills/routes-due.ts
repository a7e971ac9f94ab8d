/** Bills due across the caller's linked accounts: read (cached), refresh, pay several at once, reminders. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { bearerSecurity, idempotencyHeader } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { idempotent } from '../idempotency/index.js';
import { access, authOf } from '../identity/index.js';
import { billCacheOf, closeBillCache } from './bill-cache.js';
import { billsDue, refreshBillsDue } from './due.js';
import { payDueBills } from './pay-due.js';
import { reminderSettings, setReminderSettings } from './reminders.js';
import { billsDueSchema, payAllBody, payAllSchema, refreshSchema, reminderSchema } from './schemas-due.js';

const tags = ['bills'];

export async function dueBillRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  billCacheOf(ctx); // connects to Redis now, not on the first read
  app.addHook('onClose', async () => closeBillCache(ctx));

  typed(app).get(
    '/v1/bills/due',
    {
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary:
          "Bills due on the caller's linked accounts, by due date, with totals per currency (cached; the provider is not called while fresh)",
        security: bearerSecurity,
        response: { 200: billsDueSchema },
      },
    },
    async (request) => billsDue(ctx, authOf(request).userId),
  );

  typed(app).post(
    '/v1/bills/due/refresh',
    {
      config: { rateLimit: rateLimit(ctx, 'validate') },
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary: 'Fetch the bills of every linked account from the providers now (rate-limited)',
        security: bearerSecurity,
        response: { 200: refreshSchema, ...errorResponses({ 429: ['rate_limited'] }) },
      },
    },
    async (request) => refreshBillsDue(ctx, authOf(request).userId),
  );

  registerPayAll(app, ctx);

  typed(app).get(
    '/v1/bills/due/reminders',
    {
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary: 'How many days before a due date the caller is reminded',
        security: bearerSecurity,
        response: { 200: reminderSchema },
      },
    },
    async (request) => reminderSettings(ctx.db, authOf(request).userId),
  );

  typed(app).put(
    '/v1/bills/due/reminders',
    {
      onRequest: access({ scope: 'bills:write' }),
      schema: {
        tags,
        summary: 'Set the reminder: days before a due date (0-30), on or off',
        security: bearerSecurity,
        body: {
          type: 'object',
          properties: {
            daysBefore: { type: 'integer', minimum: 0, maximum: 30 },
            enabled: { type: 'boolean' },
          },
          additionalProperties: false,
        },
        response: { 200: reminderSchema },
      },
    },
    async (request) => setReminderSettings(ctx.db, authOf(request).userId, request.body),
  );
}

/** POST /v1/bills/due/pay: every hold or none, then each vend on its own. */
function registerPayAll(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/bills/due/pay',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'bills:write', pin: true }),
      schema: {
        tags,
        summary:
          'Pay several bills due as one request: all holds placed together or none; 202 with each payment, then each vends on its own',
        security: bearerSecurity,
        headers: idempotencyHeader,
        body: payAllBody,
        response: {
          202: payAllSchema,
          ...errorResponses([
            'idempotency_key_required',
            'invalid_idempotency_key',
            'validation_failed',
            'unknown_field',
            'not_found',
            'bill_not_found',
            'bill_already_paid',
            'request_in_progress',
            'idempotency_key_reused',
            'kyc_required',
            'limit_exceeded',
            'risk_blocked',
            'insufficient_funds',
            'amount_out_of_range',
            'biller_disabled',
            'product_disabled',
            'wallet_frozen',
            'wallet_closed',
            'unsupported_currency',
            'providers_unavailable',
          ]),
        },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        payDueBills(ctx, authOf(request).userId, request.body.walletId, request.body.billReferences, claim),
      ).then(() => reply),
  );
}
