/** Withdrawals to a bank: banks, account resolution, requesting and reading a withdrawal. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { typed } from '../http/type-provider.js';
import {
  amountSchema,
  listOf,
  bearerSecurity,
  idempotencyHeader,
  idParams,
  textSchema,
  toMinor,
} from '../http/schemas.js';
import { idempotent } from '../idempotency/index.js';
import { access, authOf } from '../identity/index.js';
import { listBanks, resolveAccountName } from './banks.js';
import { moneyErrorCodes, readErrors, withdrawalSchema } from './schemas.js';
import { getWithdrawal, requestWithdrawal, withdrawalFee } from './withdrawals.js';

export async function withdrawalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // ---- withdrawals ----
  registerBanks(app, ctx);
  registerAccountResolution(app, ctx);
  registerWithdrawal(app, ctx);
  registerWithdrawalRead(app, ctx);
}

/** GET /v1/banks: banks a withdrawal can go to (the provider's list, cached and refreshed daily). */
function registerBanks(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/banks',
    {
      schema: {
        tags: ['withdrawals'],
        summary: 'Banks a withdrawal can go to',
        response: {
          200: listOf({ type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } }),
          ...errorResponses({ 503: ['bank_unavailable', 'withdrawals_unavailable'] }),
        },
      },
    },
    async () => ({ data: await listBanks(ctx) }),
  );
}

/** POST /v1/payout-accounts/resolve: the holder name of a bank account. */
function registerAccountResolution(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/payout-accounts/resolve',
    {
      config: { rateLimit: rateLimit(ctx, 'validate') },
      onRequest: access({ scope: 'withdrawals:write' }),
      schema: {
        tags: ['withdrawals'],
        summary: 'The account holder name for a bank account (NUBAN)',
        security: bearerSecurity,
        body: {
          type: 'object',
          properties: {
            bankCode: { type: 'string', pattern: '^[0-9]{3,6}$' },
            accountNumber: { type: 'string', pattern: '^[0-9]{10}$' },
          },
          required: ['bankCode', 'accountNumber'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              accountName: { type: 'string' },
              bankCode: { type: 'string' },
              accountNumber: { type: 'string' },
            },
          },
          ...errorResponses({
            422: ['account_not_resolved', 'unknown_bank'],
            503: ['withdrawals_unavailable', 'bank_unavailable'],
          }),
        },
      },
    },
    async (request) => {
      refuseWithoutPayouts(ctx);
      const { bankCode, accountNumber } = request.body;
      const accountName = await resolveAccountName(ctx, bankCode, accountNumber);
      if (!accountName)
        throw new AppError('account_not_resolved', 'The bank does not know this account number');
      return { accountName, bankCode, accountNumber };
    },
  );
}

/** POST /v1/wallets/:id/withdrawals: withdraw to a bank account. */
function registerWithdrawal(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/wallets/:id/withdrawals',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'withdrawals:write', pin: true }),
      schema: {
        tags: ['withdrawals'],
        summary: 'Withdraw to a bank account: holds amount + fee now, pays out asynchronously (202)',
        description: `Fee: ₦10 up to ₦5,000, ₦25 up to ₦50,000, ₦50 above (e.g. ${withdrawalFee(1_000_00n)} kobo for ₦1,000).`,
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: idParams,
        body: {
          type: 'object',
          properties: {
            amount: amountSchema,
            bankCode: { type: 'string', pattern: '^[0-9]{3,6}$' },
            accountNumber: { type: 'string', pattern: '^[0-9]{10}$' },
            narration: textSchema(140),
          },
          required: ['amount', 'bankCode', 'accountNumber'],
          additionalProperties: false,
        },
        response: {
          202: withdrawalSchema,
          ...errorResponses(moneyErrorCodes, [
            'kyc_required',
            'unknown_bank',
            'account_not_resolved',
            'unsupported_currency',
            'withdrawals_unavailable',
            'bank_unavailable',
          ]),
        },
      },
    },
    async (request, reply) => {
      refuseWithoutPayouts(ctx);
      return idempotent(request, reply, (claim) =>
        requestWithdrawal(
          ctx,
          authOf(request).userId,
          { walletId: request.params.id, ...request.body, amount: toMinor(request.body.amount) },
          claim,
        ),
      ).then(() => reply);
    },
  );
}

/** GET /v1/withdrawals/:id: one withdrawal. */
function registerWithdrawalRead(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/withdrawals/:id',
    {
      onRequest: access({ scope: 'withdrawals:read' }),
      schema: {
        tags: ['withdrawals'],
        summary: 'A withdrawal and its timeline',
        security: bearerSecurity,
        params: idParams,
        response: { 200: withdrawalSchema, ...readErrors },
      },
    },
    async (request) => getWithdrawal(ctx, authOf(request).userId, request.params.id),
  );
}

/** With PAYOUT_MODE=disabled there is no payout provider: refuse before anything is held or stored. */
function refuseWithoutPayouts(ctx: AppContext): void {
  if (ctx.config.payoutMode === 'disabled')
    throw new AppError('withdrawals_unavailable', 'Withdrawals to a bank are not available');
}
