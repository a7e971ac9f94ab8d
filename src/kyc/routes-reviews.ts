/** Staff: the tier-3 review queue, and approving or rejecting a request. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { idParams, pageOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, bearerOrApiKeySecurity, STAFF } from '../identity/index.js';
import { authErrors, reviewQuery, reviewSchema } from './schemas.js';
import { listReviews, reviewTier3 } from './tier3.js';

export async function reviewRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerReviewList(app, ctx);
  registerReviewDecision(app, ctx);
}

/** GET /v1/admin/kyc/reviews: the queue, oldest first. */
function registerReviewList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/kyc/reviews',
    {
      onRequest: access({ roles: STAFF, scope: 'kyc_reviews:read' }),
      schema: {
        tags: ['admin', 'kyc'],
        summary: 'Tier-3 requests, oldest first (pending unless status says otherwise)',
        security: bearerOrApiKeySecurity,
        querystring: reviewQuery,
        response: {
          200: pageOf(reviewSchema),
          ...errorResponses(authErrors, { 400: ['validation_failed', 'unknown_field', 'invalid_cursor'] }),
        },
      },
    },
    async (request) => listReviews(ctx.db, request.query),
  );
}

/** POST /v1/admin/kyc/reviews/:id/approve and /reject. */
function registerReviewDecision(app: FastifyInstance, ctx: AppContext): void {
  for (const decision of ['approve', 'reject'] as const) {
    typed(app).post(
      `/v1/admin/kyc/reviews/:id/${decision}`,
      {
        onRequest: access({ roles: STAFF, scope: 'kyc_reviews:write' }),
        schema: {
          tags: ['admin', 'kyc'],
          summary:
            decision === 'approve'
              ? 'Approve a tier-3 request: the person moves to tier 3 (audited)'
              : 'Reject a tier-3 request; the person may submit again (audited)',
          security: bearerOrApiKeySecurity,
          params: idParams,
          body: {
            type: 'object',
            properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } },
            required: ['reason'],
            additionalProperties: false,
          },
          response: {
            200: reviewSchema,
            ...errorResponses(authErrors, {
              400: ['validation_failed', 'unknown_field'],
              403: ['phone_unverified'],
              404: ['not_found'],
              409: ['cannot_target_self', 'review_not_pending'],
            }),
          },
        },
      },
      async (request) =>
        ctx.db.transaction((tx) =>
          reviewTier3(
            tx,
            { auth: authOf(request), requestId: request.id },
            request.params.id,
            decision,
            request.body.reason,
          ),
        ),
    );
  }
}
