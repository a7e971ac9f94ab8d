import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError, errorResponses, notFound } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import {
  amountSchema,
  listOf,
  bearerSecurity,
  currencySchema,
  idempotencyHeader,
  idParams,
  moneySchema,
  textSchema,
  toMinor,
  uuidSchema,
} from '../http/schemas.js';
import { idempotent } from '../idempotency/index.js';
import { access, authOf, STAFF } from '../identity/index.js';
import {
  applyGatewayEvent,
  createDeposit,
  findDepositByReference,
  getDeposit,
  listFlaggedDeposits,
} from './deposits.js';
import { sandboxChargeEvent, signWebhook, verifyWebhookSignature } from './gateway.js';
import { LINE_TYPES, type LineType, statementCsv, walletLines } from './history.js';
import { gatewayWebhooksRejected } from './metrics.js';
import { displayText } from '../http/text.js';
import { BANKS, resolveAccountName } from './payouts.js';
import { sandboxCheckoutPage } from './sandbox-page.js';
import { resolveRecipient, transfer } from './transfers.js';
import { createWallet, getOwnWallet, getWallet, listWallets } from './wallets.js';
import { getWithdrawal, requestWithdrawal, withdrawalFee } from './withdrawals.js';

const walletSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    currency: currencySchema,
    status: { type: 'string', enum: ['active', 'frozen', 'closed'] },
    balance: moneySchema,
    available: moneySchema,
    held: moneySchema,
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'currency', 'status', 'balance', 'available', 'held'],
} as const;

const lineSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    transactionId: uuidSchema,
    type: { type: 'string', enum: LINE_TYPES },
    direction: { type: 'string', enum: ['credit', 'debit'] },
    amount: moneySchema,
    currency: currencySchema,
    balanceAfter: moneySchema,
    status: { type: 'string', enum: ['completed', 'pending', 'released'] },
    counterparty: {
      type: ['object', 'null'],
      properties: { name: { type: 'string' }, walletId: { type: 'string' } },
      // Either may be missing (a bank payout has a name and no wallet).
      required: [],
    },
    description: { type: 'string' },
    reference: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

const depositSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    reference: { type: 'string' },
    walletId: uuidSchema,
    amount: moneySchema,
    currency: currencySchema,
    status: { type: 'string', enum: ['pending', 'succeeded', 'failed', 'flagged'] },
    checkoutUrl: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

const withdrawalSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    reference: { type: 'string' },
    walletId: uuidSchema,
    status: { type: 'string', enum: ['pending', 'processing', 'succeeded', 'failed', 'needs_review'] },
    amount: moneySchema,
    fee: moneySchema,
    total: moneySchema,
    currency: currencySchema,
    bankCode: { type: 'string' },
    accountNumber: { type: 'string' },
    accountName: { type: 'string' },
    narration: { type: 'string' },
    failureReason: { type: ['string', 'null'] },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: { status: { type: 'string' }, at: { type: 'string' }, reason: { type: 'string' } },
      },
    },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

const recipientSchema = {
  oneOf: [
    {
      type: 'object',
      properties: { walletId: uuidSchema },
      required: ['walletId'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { email: { type: 'string', format: 'email', maxLength: 254 } },
      required: ['email'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { phone: { type: 'string', pattern: '^\\+?[0-9]{7,15}$' } },
      required: ['phone'],
      additionalProperties: false,
    },
  ],
} as const;

const moneyErrors = errorResponses({
  400: ['idempotency_key_required', 'invalid_amount', 'unknown_field', 'validation_failed', 'malformed_json'],
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  404: ['not_found', 'recipient_not_found'],
  409: ['request_in_progress'],
  413: ['body_too_large'],
  415: ['unsupported_media_type'],
  422: [
    'insufficient_funds',
    'currency_mismatch',
    'self_transfer',
    'wallet_frozen',
    'idempotency_key_reused',
    'amount_out_of_range',
  ],
});
const readErrors = errorResponses({
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  404: ['not_found'],
});

/** With PAYOUT_MODE=disabled there is no payout provider: refuse before anything is held or stored. */
function refuseWithoutPayouts(ctx: AppContext): void {
  if (ctx.config.payoutMode === 'disabled')
    throw new AppError(503, 'withdrawals_unavailable', 'Withdrawals to a bank are not available');
}

export function baseUrlOf(request: FastifyRequest, ctx: AppContext): string {
  return ctx.config.publicBaseUrl ?? `${request.protocol}://${request.host}`;
}

export async function walletRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const tags = ['wallets'];

  app.get(
    '/v1/wallets',
    {
      onRequest: access({ scope: 'wallets:read' }),
      schema: {
        tags,
        summary: "The caller's wallets with balance, available and held amounts",
        security: bearerSecurity,
        response: {
          200: listOf(walletSchema),
          ...readErrors,
        },
      },
    },
    async (request) => ({ data: await listWallets(ctx.db, authOf(request).userId) }),
  );

  app.post<{ Body: { currency: string } }>(
    '/v1/wallets',
    {
      onRequest: access({ scope: 'wallets:write' }),
      schema: {
        tags,
        summary: 'Open a wallet in another currency (one per currency)',
        security: bearerSecurity,
        body: {
          type: 'object',
          properties: { currency: currencySchema },
          required: ['currency'],
          additionalProperties: false,
        },
        response: {
          201: walletSchema,
          ...errorResponses({ 400: ['unsupported_currency', 'validation_failed'], 409: ['wallet_exists'] }),
        },
      },
    },
    async (request, reply) => {
      const wallet = await ctx.db.transaction((tx) =>
        createWallet(tx, authOf(request).userId, request.body.currency),
      );
      reply.status(201);
      return wallet;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/wallets/:id',
    {
      onRequest: access({ scope: 'wallets:read' }),
      schema: {
        tags,
        summary: 'One wallet',
        security: bearerSecurity,
        params: idParams,
        response: { 200: walletSchema, ...readErrors },
      },
    },
    async (request) => getOwnWallet(ctx.db, authOf(request).userId, request.params.id),
  );

  const historyQuery = {
    type: 'object',
    properties: {
      cursor: { type: 'string', pattern: '^[0-9]{1,19}$' },
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
      type: { type: 'string', enum: LINE_TYPES },
      status: { type: 'string', enum: ['completed', 'pending', 'released'] },
      from: { type: 'string', format: 'date-time' },
      to: { type: 'string', format: 'date-time' },
    },
    additionalProperties: false,
  } as const;

  app.get<{
    Params: { id: string };
    Querystring: {
      cursor?: string;
      limit?: number;
      type?: LineType;
      status?: 'completed' | 'pending' | 'released';
      from?: string;
      to?: string;
    };
  }>(
    '/v1/wallets/:id/transactions',
    {
      onRequest: access({ scope: 'wallets:read' }),
      schema: {
        tags,
        summary:
          "A wallet's history, newest first, with the running balance after each line (cursor-paginated)",
        security: bearerSecurity,
        params: idParams,
        querystring: historyQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              data: { type: 'array', items: lineSchema },
              nextCursor: { type: ['string', 'null'] },
            },
          },
          ...readErrors,
        },
      },
    },
    async (request) => {
      const wallet = await getOwnWallet(ctx.db, authOf(request).userId, request.params.id);
      const q = request.query;
      return walletLines(ctx.db, wallet.id, wallet.currency, {
        cursor: q.cursor,
        limit: q.limit,
        type: q.type,
        status: q.status,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string } }>(
    '/v1/wallets/:id/statement.csv',
    {
      onRequest: access({ scope: 'wallets:read' }),
      schema: {
        tags,
        summary: 'A CSV statement of the wallet between two dates',
        security: bearerSecurity,
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'string', description: 'text/csv' }, ...readErrors },
      },
    },
    async (request, reply) => {
      const wallet = await getOwnWallet(ctx.db, authOf(request).userId, request.params.id);
      const from = request.query.from ? new Date(request.query.from) : undefined;
      const to = request.query.to ? new Date(request.query.to) : undefined;
      const csv = await statementCsv(ctx.db, wallet.id, wallet.currency, from, to);
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="vendra-statement-${wallet.currency}-${new Date().toISOString().slice(0, 10)}.csv"`,
        );
      return csv;
    },
  );

  // ---- funding ----
  app.post<{ Params: { id: string }; Body: { amount: number } }>(
    '/v1/wallets/:id/deposits',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'deposits:write' }),
      schema: {
        tags: ['deposits'],
        summary:
          'Start a deposit: returns the gateway checkout URL; the wallet is credited when the signed webhook lands',
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: idParams,
        body: {
          type: 'object',
          properties: { amount: amountSchema },
          required: ['amount'],
          additionalProperties: false,
        },
        response: { 201: depositSchema, ...moneyErrors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        createDeposit(
          ctx,
          authOf(request).userId,
          request.params.id,
          toMinor(request.body.amount),
          baseUrlOf(request, ctx),
          claim,
        ),
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/deposits/:id',
    {
      onRequest: access({ scope: 'deposits:read' }),
      schema: {
        tags: ['deposits'],
        summary: 'A deposit and its status',
        security: bearerSecurity,
        params: idParams,
        response: { 200: depositSchema, ...readErrors },
      },
    },
    async (request) => getDeposit(ctx, authOf(request).userId, request.params.id),
  );

  // The gateway's webhook needs the raw body for its signature.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (request, body, done) => {
        (request as FastifyRequest & { rawBody?: string }).rawBody = body as string;
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(Object.assign(new SyntaxError('malformed JSON'), { statusCode: 400 }), undefined);
        }
      },
    );
    scope.post(
      '/v1/webhooks/gateway',
      {
        schema: {
          tags: ['deposits'],
          summary:
            'Payment gateway webhook (Paystack-style, x-paystack-signature: HMAC-SHA512 of the raw body)',
          body: { type: 'object' },
          response: {
            200: {
              type: 'object',
              properties: { received: { type: 'boolean' }, outcome: { type: 'string' } },
            },
            ...errorResponses({ 401: ['invalid_signature'] }),
          },
        },
      },
      async (request) => {
        const raw = (request as FastifyRequest & { rawBody?: string }).rawBody ?? '';
        const signatureOk = verifyWebhookSignature(
          ctx.config.gatewaySecret,
          raw,
          request.headers['x-paystack-signature'],
        );
        const body = request.body as { event?: string; data?: Record<string, unknown> };
        if (!signatureOk) {
          // Counted and logged, never stored: anyone can send these, and each must cost us no row.
          gatewayWebhooksRejected.inc({ reason: 'bad_signature' });
          request.log.warn(
            {
              event: String(body?.event ?? '').slice(0, 64),
              reference: String(body?.data?.reference ?? '').slice(0, 64),
            },
            'gateway webhook with a bad signature',
          );
          throw new AppError(401, 'invalid_signature', 'The webhook signature does not match');
        }
        const outcome = await applyGatewayEvent(ctx, {
          event: String(body.event ?? ''),
          data: body.data ?? {},
        });
        await recordWebhook(ctx, body, outcome);
        return { received: true, outcome };
      },
    );
  });

  if (ctx.config.gatewayMode === 'sandbox') {
    app.get<{ Params: { reference: string } }>(
      '/sandbox/checkout/:reference',
      {
        schema: {
          hide: true,
          params: { type: 'object', properties: { reference: { type: 'string', maxLength: 64 } } },
        },
      },
      async (request, reply) => {
        const deposit = await findDepositByReference(ctx, request.params.reference);
        if (!deposit) throw notFound('Checkout');
        reply
          .type('text/html; charset=utf-8')
          .header(
            'content-security-policy',
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
          );
        return sandboxCheckoutPage(deposit);
      },
    );
    await app.register(async (scope) => {
      scope.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 1024 },
        (_req, body, done) => {
          done(null, Object.fromEntries(new URLSearchParams(body as string)));
        },
      );
      scope.post<{ Params: { reference: string }; Body: { outcome: 'success' | 'failed' } }>(
        '/sandbox/checkout/:reference',
        {
          schema: {
            tags: ['deposits'],
            summary:
              'Sandbox gateway: pay (success) or fail a checkout; the simulator then sends the signed webhook',
            params: { type: 'object', properties: { reference: { type: 'string', maxLength: 64 } } },
            body: {
              type: 'object',
              properties: { outcome: { type: 'string', enum: ['success', 'failed'] } },
              required: ['outcome'],
              additionalProperties: false,
            },
          },
        },
        async (request, reply) => {
          const deposit = await findDepositByReference(ctx, request.params.reference);
          if (!deposit) throw notFound('Checkout');
          const event = sandboxChargeEvent(request.body.outcome, {
            reference: deposit.reference,
            amount: deposit.amount,
            currency: deposit.currency.trim(),
            email: 'customer@sandbox',
          });
          const raw = JSON.stringify(event);
          const res = await app.inject({
            method: 'POST',
            url: '/v1/webhooks/gateway',
            headers: {
              'content-type': 'application/json',
              'x-paystack-signature': signWebhook(ctx.config.gatewaySecret, raw),
            },
            payload: raw,
          });
          const webhook = res.json() as { outcome?: string };
          if (request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
            return reply.redirect(`/?deposit=${encodeURIComponent(deposit.reference)}`, 303);
          }
          return {
            reference: deposit.reference,
            outcome: request.body.outcome,
            webhook: webhook.outcome ?? 'error',
          };
        },
      );
    });
  }

  // ---- transfers ----
  app.post<{ Body: { email?: string; phone?: string } }>(
    '/v1/recipients/resolve',
    {
      config: { rateLimit: rateLimit(ctx, 'lookup'), rateLimitAlso: rateLimit(ctx, 'lookupDaily') },
      onRequest: access({ scope: 'transfers:write' }),
      schema: {
        tags: ['transfers'],
        summary: 'Look up a recipient by email or phone to confirm their name before sending',
        security: bearerSecurity,
        body: { oneOf: [recipientSchema.oneOf[1], recipientSchema.oneOf[2]] },
        response: {
          200: {
            type: 'object',
            properties: { fullName: { type: 'string' }, maskedEmail: { type: 'string' } },
          },
          ...errorResponses({ 404: ['recipient_not_found'] }),
        },
      },
    },
    async (request) => {
      const body = request.body;
      const user = await resolveRecipient(
        ctx,
        body.email !== undefined ? { email: body.email } : { phone: body.phone as string },
      );
      const [local = '', domain = ''] = user.email.split('@');
      // Shown to someone else: never with characters that could disguise it.
      return { fullName: displayText(user.fullName), maskedEmail: `${local.slice(0, 2)}***@${domain}` };
    },
  );

  app.post<{
    Body: {
      fromWalletId: string;
      to: { walletId: string } | { email: string } | { phone: string };
      amount: number;
      narration?: string;
    };
  }>(
    '/v1/transfers',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'transfers:write' }),
      schema: {
        tags: ['transfers'],
        summary: 'Send money to another person (synchronous); same currency only',
        security: bearerSecurity,
        headers: idempotencyHeader,
        body: {
          type: 'object',
          properties: {
            fromWalletId: uuidSchema,
            to: recipientSchema,
            amount: amountSchema,
            narration: textSchema(140),
          },
          required: ['fromWalletId', 'to', 'amount'],
          additionalProperties: false,
        },
        response: {
          201: {
            type: 'object',
            properties: {
              id: uuidSchema,
              status: { type: 'string' },
              amount: moneySchema,
              currency: currencySchema,
              fromWalletId: uuidSchema,
              toWalletId: uuidSchema,
              recipient: { type: 'object', properties: { name: { type: 'string' } } },
              narration: { type: 'string' },
              createdAt: { type: 'string' },
            },
          },
          ...moneyErrors,
        },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        transfer(
          ctx,
          authOf(request).userId,
          { ...request.body, amount: toMinor(request.body.amount) },
          claim,
        ),
      ),
  );

  // ---- withdrawals ----
  app.get(
    '/v1/banks',
    {
      schema: {
        tags: ['withdrawals'],
        summary: 'Banks a withdrawal can go to',
        response: {
          200: listOf({ type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } }),
        },
      },
    },
    async () => ({ data: BANKS }),
  );

  app.post<{ Body: { bankCode: string; accountNumber: string } }>(
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
          ...errorResponses({ 422: ['account_not_resolved'], 503: ['withdrawals_unavailable'] }),
        },
      },
    },
    async (request) => {
      refuseWithoutPayouts(ctx);
      const { bankCode, accountNumber } = request.body;
      const accountName = resolveAccountName(bankCode, accountNumber);
      if (!accountName)
        throw new AppError(422, 'account_not_resolved', 'The bank does not know this account number');
      return { accountName, bankCode, accountNumber };
    },
  );

  app.post<{
    Params: { id: string };
    Body: { amount: number; bankCode: string; accountNumber: string; narration?: string };
  }>(
    '/v1/wallets/:id/withdrawals',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'withdrawals:write' }),
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
          ...moneyErrors,
          ...errorResponses({ 503: ['withdrawals_unavailable'] }),
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
      );
    },
  );

  app.get<{ Params: { id: string } }>(
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

  // ---- operators ----
  app.get<{ Params: { id: string } }>(
    '/v1/admin/users/:id/wallets',
    {
      onRequest: access({ roles: STAFF, scope: 'users:read' }),
      schema: {
        tags: ['admin'],
        summary: "A customer's wallets with balances",
        security: bearerSecurity,
        params: idParams,
        response: { 200: listOf(walletSchema) },
      },
    },
    async (request) => ({ data: await listWallets(ctx.db, request.params.id) }),
  );

  app.get(
    '/v1/admin/deposits/flagged',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Deposits whose webhook did not match (amount or currency), for review',
        security: bearerSecurity,
        response: {
          200: listOf({
            type: 'object',
            properties: {
              ...depositSchema.properties,
              userId: { type: 'string' },
              reason: { type: ['string', 'null'] },
            },
          }),
        },
      },
    },
    async () => ({ data: await listFlaggedDeposits(ctx) }),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/admin/wallets/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'users:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Any wallet',
        security: bearerSecurity,
        params: idParams,
        response: { 200: walletSchema },
      },
    },
    async (request) => {
      const wallet = await getWallet(ctx.db, request.params.id);
      if (!wallet) throw notFound('Wallet');
      return wallet;
    },
  );
}

/** A signed webhook, as received, for operators. */
async function recordWebhook(
  ctx: AppContext,
  body: { event?: string; data?: Record<string, unknown> },
  outcome: string,
) {
  await ctx.db.query(
    `INSERT INTO wallets.gateway_webhooks (signature_ok, event, reference, outcome, body) VALUES (true, $1, $2, $3, $4)`,
    [
      String(body?.event ?? '').slice(0, 64),
      String(body?.data?.reference ?? '').slice(0, 64),
      outcome,
      JSON.stringify(body),
    ],
  );
}
