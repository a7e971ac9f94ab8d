/** POST /v1/withdrawals/quote: the fee and total of a withdrawal, before the person confirms it. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { amountSchema, bearerSecurity, moneySchema, toMinor, uuidSchema } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from '../identity/index.js';
import { quoteWithdrawal } from './withdrawal-quote.js';

const quoteSchema = {
  type: 'object',
  properties: {
    walletId: uuidSchema,
    currency: { type: 'string' },
    amount: moneySchema,
    fee: moneySchema,
    total: { ...moneySchema, description: 'amount + fee: what the wallet is debited' },
    available: moneySchema,
    maxAmount: { ...moneySchema, description: 'The most that can be withdrawn now, fee on top' },
    cappedBy: {
      type: 'string',
      enum: ['available_balance', 'daily_limit', 'single_transaction_limit', 'maximum_withdrawal'],
    },
    fits: { type: 'boolean', description: 'Whether amount + fee fits the balance and limits now' },
  },
  required: ['walletId', 'currency', 'amount', 'fee', 'total', 'available', 'maxAmount', 'cappedBy', 'fits'],
} as const;

export async function withdrawalQuoteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).post(
    '/v1/withdrawals/quote',
    {
      config: { rateLimit: rateLimit(ctx, 'validate') },
      onRequest: access({ scope: 'withdrawals:read' }),
      schema: {
        tags: ['withdrawals'],
        summary: 'Quote a withdrawal: fee and total debited; `everything: true` quotes the most possible',
        description:
          'Moves nothing. The withdrawal charges the same fee table, so `total` is what POST /v1/wallets/{id}/withdrawals debits.',
        security: bearerSecurity,
        body: {
          type: 'object',
          properties: {
            walletId: uuidSchema,
            amount: amountSchema,
            everything: { type: 'boolean' },
            bankCode: { type: 'string', pattern: '^[0-9]{3,6}$' },
            accountNumber: { type: 'string', pattern: '^[0-9]{10}$' },
          },
          required: ['walletId'],
          additionalProperties: false,
        },
        response: {
          200: quoteSchema,
          ...errorResponses(
            [
              'unauthorized',
              'token_expired',
              'invalid_token',
              'not_found',
              'validation_failed',
              'unknown_field',
            ],
            ['insufficient_funds', 'amount_out_of_range', 'unsupported_currency', 'invalid_amount'],
          ),
        },
      },
    },
    async (request) => {
      const { walletId, amount, everything } = request.body;
      return quoteWithdrawal(ctx, authOf(request).userId, {
        walletId,
        amount: amount === undefined ? undefined : toMinor(amount),
        everything,
      });
    },
  );
}
