/** The customer's bill payments: quote, pay, list, read, saved customers, token re-send. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
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
import { idempotentInBatch } from '../idempotency/index.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, normalizePhone } from '../identity/index.js';
import { checkAmount, feeFor, payableProduct } from './catalogue.js';
import { createNotifier, type Notifier } from './notify.js';
import {
  acceptPayment,
  customerPaymentView,
  getCustomerPaymentView,
  listPayments,
  savedCustomers,
} from './payments.js';
import { customerRefSchema } from './schemas-billers.js';
import { filterOf, listQuery, paymentPage, paymentSchema } from './schemas-payments.js';
import { checkRequote } from './registry.js';
import { resendToken } from './tokens.js';

const tags = ['bills'];

/** A Nigerian mobile number, local (080...) or international (+234 / 234), spaces not allowed. */
const NG_PHONE_PATTERN = '^(0|\\+?234)[789][01][0-9]{8}$';

export async function paymentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const smtpUrl = ctx.config.notifyMode === 'smtp' ? ctx.config.smtpUrl : undefined;
  const notifier = createNotifier(ctx.log, smtpUrl, ctx.config.smtpFrom);
  registerQuote(app, ctx);
  registerPayment(app, ctx);
  registerPaymentList(app, ctx);
  registerSavedCustomers(app, ctx);
  registerPaymentRead(app, ctx);
  registerTokenResend(app, ctx, notifier);
}

/** POST /v1/bill-payments/quote: what a bill payment would cost. */
function registerQuote(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
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
          ...errorResponses([
            'validation_failed',
            'invalid_amount',
            'biller_not_found',
            'biller_disabled',
            'product_not_found',
            'product_disabled',
            'amount_out_of_range',
            'amount_mismatch',
            'price_changed',
          ]),
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
      await checkRequote(ctx.db, biller.id, product, amount);
      checkAmount(product, amount);
      const fee = feeFor(biller.fee, amount);
      return { amount, fee, total: amount + fee, currency: 'NGN' };
    },
  );
}

/** POST /v1/bill-payments: pay a bill from a wallet. */
function registerPayment(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/bill-payments',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'bills:write', pin: true }),
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
            phone: {
              type: 'string',
              pattern: NG_PHONE_PATTERN,
              description:
                'A Nigerian mobile number (08012345678 or +2348012345678): the token is texted to it ' +
                '(else to your verified phone); VTpass gets it as the customer phone',
            },
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
          ...errorResponses([
            'idempotency_key_required',
            'invalid_idempotency_key',
            'invalid_amount',
            'invalid_customer_ref',
            'unknown_field',
            'validation_failed',
            'unsupported_currency',
            'not_found',
            'biller_not_found',
            'request_in_progress',
            'kyc_required',
            'limit_exceeded',
            'risk_blocked',
            'insufficient_funds',
            'amount_out_of_range',
            'amount_mismatch',
            'price_changed',
            'product_not_found',
            'product_disabled',
            'biller_disabled',
            'wallet_frozen',
            'wallet_closed',
            'idempotency_key_reused',
            'providers_unavailable',
          ]),
        },
      },
    },
    async (request, reply) =>
      idempotentInBatch(request, reply, (claim) =>
        acceptPayment(
          ctx,
          authOf(request).userId,
          {
            ...request.body,
            amount: toMinor(request.body.amount),
            phone: request.body.phone === undefined ? undefined : normalizePhone(request.body.phone),
          },
          claim,
        ),
      ).then(() => reply),
  );
}

/** GET /v1/bill-payments: the caller's bill payments. */
function registerPaymentList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/bill-payments',
    {
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary: "The caller's bill payments, newest first, with filters",
        security: bearerSecurity,
        querystring: listQuery,
        response: {
          200: paymentPage,
        },
      },
    },
    async (request) => {
      const page = await listPayments(ctx.db, { ...filterOf(request.query), userId: authOf(request).userId });
      return { ...page, data: page.data.map(customerPaymentView) };
    },
  );
}

/** GET /v1/saved-customers: customers the caller has paid before. */
function registerSavedCustomers(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
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
}

/** GET /v1/bill-payments/:id: one bill payment. */
function registerPaymentRead(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
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
    async (request) => getCustomerPaymentView(ctx.db, request.params.id, authOf(request).userId),
  );
}

/** POST /v1/bill-payments/:id/resend-token: send a payment's token again. */
function registerTokenResend(app: FastifyInstance, ctx: AppContext, notifier: Notifier): void {
  typed(app).post(
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
          ...errorResponses({
            403: ['email_unverified'],
            404: ['not_found'],
            409: ['no_token'],
            429: ['rate_limited'],
          }),
        },
      },
    },
    async (request, reply) => {
      const sent = await resendToken(ctx, notifier, authOf(request).userId, request.params.id);
      reply.status(202);
      return sent;
    },
  );
}
