/** POST /v1/admin/wallets/:id/adjustments: a manual refund or correction by staff. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, idempotencyHeader, idParams, moneySchema } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { idempotent } from '../idempotency/index.js';
import { type Actor, access, authOf, STAFF } from '../identity/index.js';
import { adjustWallet } from './adjustments.js';

const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

const adjustmentSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    walletId: { type: 'string' },
    userId: { type: 'string' },
    direction: { type: 'string', enum: ['credit', 'debit'] },
    amount: moneySchema,
    currency: { type: 'string' },
    reason: { type: 'string' },
    relatedId: { type: ['string', 'null'] },
  },
} as const;

export async function adminAdjustmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).post(
    '/v1/admin/wallets/:id/adjustments',
    {
      onRequest: access({ roles: STAFF, scope: 'wallets:write' }),
      schema: {
        tags: ['admin'],
        summary:
          'Manual refund (credit: suspense -> wallet) or correction (debit: wallet -> suspense) with a reason; one ledger transaction, audited with it; Idempotency-Key; above ADJUSTMENT_ADMIN_ABOVE admins only',
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: idParams,
        body: {
          type: 'object',
          properties: {
            direction: { type: 'string', enum: ['credit', 'debit'] },
            amount: { type: 'integer', minimum: 1, maximum: 1_000_000_000_000_000 },
            reason: { type: 'string', minLength: 5, maxLength: 500 },
            relatedId: { type: 'string', format: 'uuid' },
          },
          required: ['direction', 'amount', 'reason'],
          additionalProperties: false,
        },
        response: {
          201: adjustmentSchema,
          ...errorResponses({
            403: ['adjustment_needs_admin'],
            404: ['not_found'],
            422: ['insufficient_funds', 'wallet_frozen', 'wallet_closed', 'idempotency_key_reused'],
          }),
        },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        adjustWallet(
          ctx,
          actorOf(request),
          {
            walletId: request.params.id,
            direction: request.body.direction,
            amount: BigInt(request.body.amount),
            reason: request.body.reason.trim(),
            relatedId: request.body.relatedId,
          },
          claim,
        ),
      ).then(() => reply),
  );
}
