/** Operators: payment search, the review queue, a payment's detail, and resolving needs_review. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, findUserByEmail, STAFF } from '../identity/index.js';
import { paymentDetail } from './payment-detail.js';
import { getPaymentView, listPayments } from './payments.js';
import { resolvePayment } from './review.js';
import {
  filterOf,
  listQuery,
  paymentPage,
  paymentSchema,
  postingsSchema,
  providerCallsSchema,
} from './schemas-payments.js';

export async function adminPaymentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerPaymentSearch(app, ctx);
  registerReviewQueue(app, ctx);
  registerPaymentDetail(app, ctx);
  registerResolution(app, ctx);
}

/** GET /v1/admin/bill-payments: search every bill payment. */
function registerPaymentSearch(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
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
          200: paymentPage,
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
}

/** GET /v1/admin/review-queue: payments waiting for an operator. */
function registerReviewQueue(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
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
}

/** GET /v1/admin/bill-payments/:id: a payment with everything an operator needs. */
function registerPaymentDetail(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
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
              providerCalls: providerCallsSchema,
              postings: postingsSchema,
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
    async (request) => paymentDetail(ctx.db, request.params.id),
  );
}

/** POST /v1/admin/bill-payments/:id/resolve: settle a needs_review payment. */
function registerResolution(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
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
}
