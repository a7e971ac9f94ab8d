/** Operators: payouts (withdrawals) by state, and verifying one against the provider now. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, idParams, pageOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { type Actor, access, authOf, STAFF } from '../identity/index.js';
import { listWithdrawalsAdmin, verifyWithdrawal } from './payouts-admin.js';
import { withdrawalSchema } from './schemas.js';

const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

const adminWithdrawalSchema = {
  type: 'object',
  properties: {
    ...withdrawalSchema.properties,
    userId: { type: 'string' },
    sentAt: { type: ['string', 'null'] },
  },
} as const;

export async function adminPayoutRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerList(app, ctx);
  registerVerify(app, ctx);
}

/** GET /v1/admin/withdrawals: every payout, newest first, by state. */
function registerList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/withdrawals',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Payouts (withdrawals to a bank) newest first, optionally in one state; 100 a page at most',
        security: bearerSecurity,
        querystring: {
          type: 'object',
          properties: {
            status: withdrawalSchema.properties.status,
            cursor: { type: 'string', maxLength: 512 },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
          },
          additionalProperties: false,
        },
        response: {
          200: pageOf(adminWithdrawalSchema),
          ...errorResponses(['invalid_cursor']),
        },
      },
    },
    async (request) => listWithdrawalsAdmin(ctx.db, request.query),
  );
}

/** POST /v1/admin/withdrawals/:id/verify: ask the provider now and apply its answer (audited). */
function registerVerify(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/withdrawals/:id/verify',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:write' }),
      schema: {
        tags: ['admin'],
        summary:
          'Verify a payout with the provider now: a definite answer is applied at once (success posts the hold, failure voids it, a reversal after success refunds); audit-logged',
        security: bearerSecurity,
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              withdrawal: adminWithdrawalSchema,
              provider: {
                type: 'object',
                properties: {
                  outcome: {
                    type: 'string',
                    enum: ['success', 'failed', 'pending', 'unknown', 'not_found', 'reversed'],
                  },
                  message: { type: ['string', 'null'] },
                },
              },
            },
          },
          ...errorResponses(['not_found']),
        },
      },
    },
    async (request) => verifyWithdrawal(ctx, actorOf(request), request.params.id),
  );
}
