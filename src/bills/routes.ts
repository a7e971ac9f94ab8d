import type { FastifyInstance } from 'fastify';
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import { AppError, errorResponses, notFound } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import {
  amountSchema,
  listOf,
  bearerSecurity,
  idempotencyHeader,
  idParams,
  moneySchema,
  toMinor,
  uuidSchema,
} from '../http/schemas.js';
import { idempotent } from '../idempotency/index.js';
import { access, authOf, findUserByEmail, getUser, recordAudit, STAFF } from '../identity/index.js';
import { getTransactionPostings, listAccounts } from '../ledger/index.js';
import {
  billerView,
  CATEGORIES,
  type Category,
  checkAmount,
  feeFor,
  getBiller,
  listBillers,
  payableProduct,
  updateBiller,
} from './catalogue.js';
import { createValidationCache, validateCustomer } from './customer-validation.js';
import { dashboard } from './dashboard.js';
import { createNotifier } from './notify.js';
import {
  BILLS_NAMESPACE,
  createPayment,
  getPaymentView,
  listPayments,
  loadPayment,
  type PaymentStatus,
  savedCustomers,
} from './payments.js';
import { resolvePayment } from './review.js';
import { resendToken } from './tokens.js';
import { acceptVtpassHint, webhookSecretMatches } from './webhooks.js';

const STATUSES: PaymentStatus[] = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'reversed',
  'needs_review',
];

const paymentSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    status: { type: 'string', enum: STATUSES },
    walletId: uuidSchema,
    billerId: { type: 'string' },
    billerName: { type: 'string' },
    category: { type: ['string', 'null'] },
    productCode: { type: 'string' },
    customerRef: { type: 'string' },
    customerName: { type: ['string', 'null'] },
    amount: moneySchema,
    fee: moneySchema,
    total: moneySchema,
    currency: { type: 'string' },
    token: { type: ['string', 'null'] },
    units: { type: ['string', 'null'] },
    receipt: { type: ['object', 'null'], additionalProperties: true },
    failureReason: { type: ['string', 'null'] },
    providerReference: { type: 'string' },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          status: { type: 'string' },
          at: { type: 'string' },
          reason: { type: ['string', 'null'] },
        },
      },
    },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    finalizedAt: { type: ['string', 'null'] },
  },
} as const;

const billerSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    category: { type: 'string', enum: CATEGORIES },
    enabled: { type: 'boolean' },
    customerRefLabel: { type: 'string' },
    minAmount: moneySchema,
    maxAmount: moneySchema,
    fee: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        flat: moneySchema,
        percentBps: { type: 'integer' },
        cap: moneySchema,
      },
    },
    commissionBps: { type: 'integer' },
    products: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string' },
          fixedAmount: { type: ['integer', 'null'] },
          minAmount: moneySchema,
          maxAmount: moneySchema,
        },
      },
    },
  },
} as const;

const paymentPage = {
  type: 'object',
  properties: { data: { type: 'array', items: paymentSchema }, nextCursor: { type: ['string', 'null'] } },
} as const;

const KNOBS = {
  type: 'object',
  properties: {
    latencyMs: { type: 'number' },
    failureRate: { type: 'number' },
    pendingRate: { type: 'number' },
    lostResponseRate: { type: 'number' },
    pendingMs: { type: 'number' },
    timeoutMs: { type: 'number' },
    reversalMs: { type: 'number' },
    profile: { type: 'string' },
    webhookUrl: { type: ['string', 'null'] },
  },
} as const;

const billerIdParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[a-z0-9-]{2,64}$' } },
  required: ['id'],
  additionalProperties: false,
} as const;

const customerRefSchema = {
  type: 'string',
  pattern: '^[0-9]{6,20}$',
  description: 'Meter, phone or smartcard number (digits)',
} as const;

export async function billRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const tags = ['bills'];
  const cache = createValidationCache(ctx.config.redisUrl);
  const smtpUrl = ctx.config.notifyMode === 'smtp' ? ctx.config.env.SMTP_URL : undefined;
  const notifier = createNotifier(ctx.log, smtpUrl, ctx.config.env.SMTP_FROM);
  app.addHook('onClose', async () => cache.close());

  app.get<{ Querystring: { category?: Category } }>(
    '/v1/billers',
    {
      schema: {
        tags,
        summary: 'The bill catalogue: electricity (prepaid and postpaid per DisCo), airtime, data, cable TV',
        querystring: {
          type: 'object',
          properties: { category: { type: 'string', enum: CATEGORIES } },
          additionalProperties: false,
        },
        response: { 200: listOf(billerSchema) },
      },
    },
    async (request) => ({
      data: (await listBillers(ctx.db, { category: request.query.category })).map(billerView),
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/billers/:id',
    {
      schema: {
        tags,
        summary: 'One biller with its products, amount limits and fee',
        params: billerIdParams,
        response: { 200: billerSchema, ...errorResponses({ 404: ['biller_not_found'] }) },
      },
    },
    async (request) => {
      const biller = await getBiller(ctx.db, request.params.id);
      if (!biller?.enabled) throw new AppError(404, 'biller_not_found', `No biller ${request.params.id}`);
      return billerView(biller);
    },
  );

  app.post<{ Params: { id: string }; Body: { productCode: string; customerRef: string } }>(
    '/v1/billers/:id/validate',
    {
      config: { rateLimit: rateLimit(ctx, 'validate') },
      onRequest: access({ scope: 'bills:write' }),
      schema: {
        tags,
        summary:
          'Who is this meter / phone / smartcard? Name, address, meter type, minimum amount, arrears, can vend',
        security: bearerSecurity,
        params: billerIdParams,
        body: {
          type: 'object',
          properties: { productCode: { type: 'string', maxLength: 64 }, customerRef: customerRefSchema },
          required: ['productCode', 'customerRef'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              customerName: { type: 'string' },
              address: { type: ['string', 'null'] },
              meterType: { type: ['string', 'null'] },
              minimumAmount: { type: ['integer', 'null'] },
              arrears: { type: ['integer', 'null'] },
              canVend: { type: 'boolean' },
            },
          },
          ...errorResponses({
            400: ['invalid_customer_ref', 'validation_failed'],
            404: ['biller_not_found'],
            422: ['customer_not_found', 'product_not_found', 'biller_disabled'],
            503: ['providers_unavailable', 'validation_unavailable'],
          }),
        },
      },
    },
    async (request) =>
      validateCustomer(ctx, cache, request.params.id, request.body.productCode, request.body.customerRef),
  );

  app.post<{ Body: { billerId: string; productCode: string; amount: number } }>(
    '/v1/bill-payments/quote',
    {
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary: 'The fee and total for paying an amount, before confirming',
        security: bearerSecurity,
        body: {
          type: 'object',
          properties: {
            billerId: { type: 'string', maxLength: 64 },
            productCode: { type: 'string', maxLength: 64 },
            amount: amountSchema,
          },
          required: ['billerId', 'productCode', 'amount'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              amount: moneySchema,
              fee: moneySchema,
              total: moneySchema,
              currency: { type: 'string' },
            },
          },
        },
      },
    },
    async (request) => {
      const { biller, product } = await payableProduct(
        ctx.db,
        request.body.billerId,
        request.body.productCode,
      );
      const amount = toMinor(request.body.amount);
      checkAmount(product, amount);
      const fee = feeFor(biller.fee, amount);
      return { amount, fee, total: amount + fee, currency: 'NGN' };
    },
  );

  app.post<{
    Body: {
      walletId: string;
      billerId: string;
      productCode: string;
      customerRef: string;
      amount: number;
      phone?: string;
      email?: string;
      customerName?: string;
    };
  }>(
    '/v1/bill-payments',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'bills:write' }),
      schema: {
        tags,
        summary:
          'Pay a bill from a wallet: 202 pending; the worker vends and the status moves to succeeded, failed, reversed or needs_review',
        security: bearerSecurity,
        headers: idempotencyHeader,
        body: {
          type: 'object',
          properties: {
            walletId: uuidSchema,
            billerId: { type: 'string', maxLength: 64 },
            productCode: { type: 'string', maxLength: 64 },
            customerRef: customerRefSchema,
            amount: amountSchema,
            phone: { type: 'string', pattern: '^\\+?[0-9]{7,15}$' },
            email: { type: 'string', format: 'email', maxLength: 254 },
            customerName: { type: 'string', maxLength: 200 },
          },
          required: ['walletId', 'billerId', 'productCode', 'customerRef', 'amount'],
          additionalProperties: false,
        },
        response: {
          202: {
            type: 'object',
            properties: {
              id: uuidSchema,
              status: { type: 'string' },
              amount: moneySchema,
              fee: moneySchema,
              total: moneySchema,
              currency: { type: 'string' },
            },
          },
          ...errorResponses({
            400: [
              'idempotency_key_required',
              'invalid_amount',
              'invalid_customer_ref',
              'unknown_field',
              'validation_failed',
            ],
            404: ['not_found', 'biller_not_found'],
            409: ['request_in_progress'],
            422: [
              'insufficient_funds',
              'amount_out_of_range',
              'amount_mismatch',
              'product_not_found',
              'biller_disabled',
              'wallet_frozen',
              'idempotency_key_reused',
            ],
            503: ['providers_unavailable'],
          }),
        },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        createPayment(
          ctx,
          authOf(request).userId,
          { ...request.body, amount: toMinor(request.body.amount) },
          claim,
        ),
      ),
  );

  const listQuery = {
    type: 'object',
    properties: {
      status: { type: 'string', enum: STATUSES },
      billerId: { type: 'string', maxLength: 64 },
      cursor: { type: 'string', maxLength: 200 },
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      from: { type: 'string', format: 'date-time' },
      to: { type: 'string', format: 'date-time' },
    },
    additionalProperties: false,
  } as const;
  const filterOf = (q: ListQuery) => ({
    status: q.status,
    billerId: q.billerId,
    cursor: q.cursor,
    limit: q.limit,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  });
  type ListQuery = {
    status?: PaymentStatus;
    billerId?: string;
    cursor?: string;
    limit?: number;
    from?: string;
    to?: string;
    q?: string;
  };

  app.get<{ Querystring: ListQuery }>(
    '/v1/bill-payments',
    {
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary: "The caller's bill payments, newest first, with filters",
        security: bearerSecurity,
        querystring: listQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              data: { type: 'array', items: paymentSchema },
              nextCursor: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
    async (request) => {
      return listPayments(ctx.db, { ...filterOf(request.query), userId: authOf(request).userId });
    },
  );

  app.get(
    '/v1/saved-customers',
    {
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary: 'Meters and numbers paid before, for "pay again"',
        security: bearerSecurity,
        response: {
          200: listOf({
            type: 'object',
            properties: {
              billerId: { type: 'string' },
              billerName: { type: 'string' },
              category: { type: ['string', 'null'] },
              productCode: { type: 'string' },
              customerRef: { type: 'string' },
              customerName: { type: ['string', 'null'] },
              lastAmount: moneySchema,
              lastPaidAt: { type: 'string' },
            },
          }),
        },
      },
    },
    async (request) => ({ data: await savedCustomers(ctx.db, authOf(request).userId) }),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/bill-payments/:id',
    {
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary: 'A bill payment: status, amount, fee, total, token, units, receipt and its timeline',
        security: bearerSecurity,
        params: idParams,
        response: { 200: paymentSchema, ...errorResponses({ 404: ['not_found'] }) },
      },
    },
    async (request) => getPaymentView(ctx.db, request.params.id, authOf(request).userId),
  );

  app.post<{ Params: { id: string } }>(
    '/v1/bill-payments/:id/resend-token',
    {
      config: { rateLimit: rateLimit(ctx, 'resend') },
      onRequest: access({ scope: 'bills:write' }),
      schema: {
        tags,
        summary: "Send the token again, to the account's own email; at most 3 times per payment per hour",
        security: bearerSecurity,
        params: idParams,
        response: {
          202: { type: 'object', properties: { sent: { type: 'boolean' }, to: { type: 'string' } } },
          ...errorResponses({ 404: ['not_found'], 409: ['no_token'], 429: ['rate_limited'] }),
        },
      },
    },
    async (request, reply) => {
      const sent = await resendToken(ctx, notifier, authOf(request).userId, request.params.id);
      reply.status(202);
      return sent;
    },
  );

  // VTpass webhooks are hints: acknowledge, then confirm by requery in the worker. With
  // VTPASS_WEBHOOK_SECRET set, only the secret path exists (the plain one answers 404).
  const webhookSecret = ctx.config.vtpassWebhookSecret;
  app.post<{ Params: { secret?: string } }>(
    webhookSecret ? '/v1/webhooks/vtpass/:secret' : '/v1/webhooks/vtpass',
    {
      schema: {
        tags: ['bills'],
        summary: 'Provider webhook (VTpass transaction-update); a hint confirmed by requery',
        ...(webhookSecret
          ? {
              params: {
                type: 'object',
                properties: { secret: { type: 'string', maxLength: 256 } },
                required: ['secret'],
              },
            }
          : {}),
        body: { type: 'object' },
        response: {
          200: { type: 'object', properties: { response: { type: 'string' } } },
          ...errorResponses({ 404: ['not_found'] }),
        },
      },
    },
    async (request) => {
      if (webhookSecret && !webhookSecretMatches(webhookSecret, request.params.secret))
        throw notFound('Webhook');
      await acceptVtpassHint(ctx, request.body);
      return { response: 'success' };
    },
  );

  // ---- operators ----
  app.get<{ Querystring: ListQuery }>(
    '/v1/admin/bill-payments',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Search payments by reference, customer email, meter, status and date',
        security: bearerSecurity,
        querystring: {
          ...listQuery,
          properties: { ...listQuery.properties, q: { type: 'string', maxLength: 254 } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              data: { type: 'array', items: paymentSchema },
              nextCursor: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
    async (request) => {
      const q = request.query;
      let userId: string | undefined;
      let text = q.q?.trim() || undefined;
      if (text?.includes('@')) {
        const user = await findUserByEmail(ctx.db, text);
        if (!user) return { data: [], nextCursor: null };
        userId = user.id;
        text = undefined;
      }
      return listPayments(ctx.db, { ...filterOf(q), userId, q: text });
    },
  );

  app.get(
    '/v1/admin/review-queue',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Payments waiting for an operator (needs_review)',
        security: bearerSecurity,
        response: { 200: paymentPage },
      },
    },
    async () => listPayments(ctx.db, { status: 'needs_review', limit: 100 }),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/admin/bill-payments/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary: 'A payment with its timeline, provider calls and ledger postings',
        security: bearerSecurity,
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              ...paymentSchema.properties,
              provider: { type: 'string' },
              providerCalls: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    op: { type: 'string' },
                    provider: { type: 'string' },
                    at: { type: 'string' },
                    outcome: { type: 'string' },
                    code: { type: ['string', 'null'] },
                    message: { type: ['string', 'null'] },
                    latencyMs: { type: 'integer' },
                  },
                },
              },
              postings: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    transactionId: { type: 'string' },
                    accountId: { type: 'string' },
                    accountName: { type: 'string' },
                    side: { type: 'string' },
                    pending: { type: 'boolean' },
                    amount: moneySchema,
                    createdAt: { type: 'string' },
                  },
                },
              },
              user: {
                type: ['object', 'null'],
                properties: {
                  id: { type: 'string' },
                  email: { type: 'string' },
                  fullName: { type: 'string' },
                },
              },
            },
          },
          ...errorResponses({ 404: ['not_found'] }),
        },
      },
    },
    async (request) => {
      const view = await getPaymentView(ctx.db, request.params.id);
      const p = (await loadPayment(ctx.db, request.params.id))!;
      const { rows: calls } = await ctx.db.query<{
        op: string;
        at: Date;
        outcome: string;
        code: string | null;
        message: string | null;
        latency_ms: number;
        provider: string;
      }>(
        'SELECT op, at, outcome, code, message, latency_ms, provider FROM bills.provider_calls WHERE payment_id = $1 ORDER BY id',
        [p.id],
      );
      const postings = await getTransactionPostings(ctx.db, ledgerTransactionIds(p.hold_id));
      const accounts = await listAccounts(ctx.db, { limit: 1000 });
      const names = new Map(accounts.map((a) => [a.id, a.name]));
      const user = await getUser(ctx.db, p.user_id);
      return {
        ...view,
        provider: p.provider,
        providerCalls: calls.map((c) => ({
          op: c.op,
          provider: c.provider,
          at: c.at.toISOString(),
          outcome: c.outcome,
          code: c.code,
          message: c.message,
          latencyMs: c.latency_ms,
        })),
        postings: postings.map((x) => ({
          ...x,
          accountName: names.get(x.accountId) ?? x.accountId,
          createdAt: x.createdAt.toISOString(),
        })),
        user: user ? { id: user.id, email: user.email, fullName: user.fullName } : null,
      };
    },
  );

  app.post<{
    Params: { id: string };
    Body: { action: 'delivered' | 'refund'; token?: string; units?: string; reason: string };
  }>(
    '/v1/admin/bill-payments/:id/resolve',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:write' }),
      schema: {
        tags: ['admin'],
        summary:
          'Resolve a needs_review payment: delivered (token from the provider) or refund; audit-logged',
        security: bearerSecurity,
        params: idParams,
        body: {
          type: 'object',
          properties: {
            action: { type: 'string', enum: ['delivered', 'refund'] },
            token: { type: 'string', pattern: '^[0-9 -]{4,64}$' },
            units: { type: 'string', maxLength: 64 },
            reason: { type: 'string', minLength: 3, maxLength: 500 },
          },
          required: ['action', 'reason'],
          additionalProperties: false,
        },
        description:
          'The provider is asked first: if it reports the payment pending (or cannot tell), or delivered when a refund is asked, the answer is 409 provider_not_final with providerStatus, providerCode and, for delivered, resolveAs: "delivered".',
        response: {
          200: paymentSchema,
          ...errorResponses({
            404: ['not_found'],
            409: ['not_resolvable', 'provider_not_final'],
            503: ['providers_unavailable'],
          }),
        },
      },
    },
    async (request) => {
      await resolvePayment(ctx, authOf(request).userId, request.params.id, request.body);
      return getPaymentView(ctx.db, request.params.id);
    },
  );

  const adminBiller = {
    type: 'object',
    properties: { ...billerSchema.properties, providers: { type: 'array', items: { type: 'string' } } },
  } as const;
  app.get(
    '/v1/admin/billers',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:read' }),
      schema: {
        tags: ['admin'],
        summary: 'All billers, enabled or not',
        security: bearerSecurity,
        response: { 200: listOf(adminBiller) },
      },
    },
    async () => ({
      data: (await listBillers(ctx.db, { includeDisabled: true })).map((b) => ({
        ...billerView(b),
        providers: b.providers,
      })),
    }),
  );

  app.patch<{
    Params: { id: string };
    Body: {
      enabled?: boolean;
      fee?: { type: 'flat' | 'percent'; flat?: number; percentBps?: number; cap?: number };
      commissionBps?: number;
      providers?: string[];
      reason: string;
    };
  }>(
    '/v1/admin/billers/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:write' }),
      schema: {
        tags: ['admin'],
        summary:
          'Enable or disable a biller; set its fee (flat or percent with a cap), expected commission and providers',
        security: bearerSecurity,
        params: billerIdParams,
        body: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            fee: {
              type: 'object',
              properties: {
                type: { type: 'string', enum: ['flat', 'percent'] },
                flat: { type: 'integer', minimum: 0, maximum: 100_000_00 },
                percentBps: { type: 'integer', minimum: 0, maximum: 2000 },
                cap: { type: 'integer', minimum: 0, maximum: 100_000_00 },
              },
              required: ['type'],
              additionalProperties: false,
            },
            commissionBps: { type: 'integer', minimum: 0, maximum: 5000 },
            providers: {
              type: 'array',
              items: { type: 'string', pattern: '^[a-z0-9-]{2,32}$' },
              minItems: 1,
              maxItems: 5,
              uniqueItems: true,
            },
            reason: { type: 'string', minLength: 3, maxLength: 500 },
          },
          required: ['reason'],
          additionalProperties: false,
        },
        response: { 200: adminBiller, ...errorResponses({ 404: ['not_found'] }) },
      },
    },
    async (request) => {
      const b = request.body;
      const { before, after } = await updateBiller(ctx.db, request.params.id, {
        enabled: b.enabled,
        commissionBps: b.commissionBps,
        providers: b.providers,
        fee: b.fee && {
          type: b.fee.type,
          flat: b.fee.flat === undefined ? undefined : BigInt(b.fee.flat),
          percentBps: b.fee.percentBps,
          cap: b.fee.cap === undefined ? undefined : BigInt(b.fee.cap),
        },
      });
      await ctx.db.transaction((tx) =>
        recordAudit(tx, {
          actorId: authOf(request).userId,
          action: 'biller.update',
          targetType: 'biller',
          targetId: request.params.id,
          before: billerView(before),
          after: billerView(after),
          reason: b.reason,
        }),
      );
      return { ...billerView(after), providers: after.providers };
    },
  );

  app.get(
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

  // The simulators' knobs route exists only when the simulators do (never with real providers).
  const sandboxOnly = ctx.providers?.sandbox ? app : undefined;
  sandboxOnly?.post<{
    Body: {
      provider?: string;
      latencyMs?: number;
      failureRate?: number;
      pendingRate?: number;
      lostResponseRate?: number;
    };
  }>(
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
        throw new AppError(409, 'not_sandbox', 'Knobs exist only in sandbox mode');
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

  app.get<{ Querystring: { minutes?: number } }>(
    '/v1/admin/dashboard',
    {
      onRequest: access({ roles: STAFF, scope: 'dashboard:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Payments per minute, success rate and time to a final state',
        security: bearerSecurity,
        querystring: {
          type: 'object',
          properties: { minutes: { type: 'integer', minimum: 5, maximum: 1440, default: 60 } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              minutes: { type: 'integer' },
              paymentsPerMinute: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    minute: { type: 'string' },
                    count: { type: 'integer' },
                    succeeded: { type: 'integer' },
                    failed: { type: 'integer' },
                  },
                },
              },
              total: { type: 'integer' },
              successRate: { type: ['number', 'null'] },
              timeToFinalP50Ms: { type: ['number', 'null'] },
              timeToFinalP95Ms: { type: ['number', 'null'] },
              inFlight: { type: 'integer' },
              needsReview: { type: 'integer' },
            },
          },
        },
      },
    },
    async (request) => dashboard(ctx.db, request.query.minutes ?? 60),
  );
}

/** The ledger transactions of a payment: the hold and whatever resolved or compensated it. */
function ledgerTransactionIds(holdId: string): string[] {
  return [holdId, ...['post', 'void', 'reversal'].map((w) => uuidv5(`${w}:${holdId}`, BILLS_NAMESPACE))];
}
