/** The person's own KYC: verify a BVN or NIN, ask for tier 3, read tier, limits and usage. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { ErrorCode } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { bearerSecurity } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from '../identity/index.js';
import { SANDBOX_NUMBERS } from './identity-provider.js';
import {
  authErrors,
  bvnBody,
  ninBody,
  reviewSchema,
  summaryQuery,
  summarySchema,
  tier3Body,
  verificationSchema,
} from './schemas.js';
import { kycSummary } from './summary.js';
import { submitTier3 } from './tier3.js';
import { verifyBvn, verifyNin } from './verify.js';

const verificationErrors = (refusals: readonly ErrorCode[]) =>
  errorResponses(authErrors, {
    400: ['validation_failed', 'unknown_field'],
    403: ['phone_unverified'],
    409: ['kyc_already_verified', 'identity_number_in_use'],
    422: ['kyc_name_mismatch', ...refusals],
    429: ['rate_limited'],
    503: ['kyc_provider_unavailable'],
  });

const SANDBOX_NOTE = `Sandbox (KYC_PROVIDER=sandbox): BVN ${SANDBOX_NUMBERS.bvn} and NIN ${SANDBOX_NUMBERS.nin} verify with your own name, ${SANDBOX_NUMBERS.otherName} with somebody else's (422 kyc_name_mismatch), a number starting with 0 is unknown.`;

const TIER2_PHONE_NOTE =
  'When tier 2 requires a verified phone (the tier settings) and yours is not, the number that would complete tier 2 is refused with 403 phone_unverified before any lookup.';

export async function meKycRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerBvn(app, ctx);
  registerNin(app, ctx);
  registerTier3(app, ctx);
  registerSummary(app, ctx);
}

/** POST /v1/me/kyc/bvn: verify the caller's BVN. */
function registerBvn(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/kyc/bvn',
    {
      config: { rateLimit: rateLimit(ctx, 'kyc') },
      onRequest: access({ scope: 'kyc:write' }),
      schema: {
        tags: ['kyc'],
        summary: 'Verify your BVN (name and date of birth must match); with a verified NIN, tier 2',
        description: `${TIER2_PHONE_NOTE} ${SANDBOX_NOTE}`,
        security: bearerSecurity,
        body: bvnBody,
        response: {
          200: verificationSchema,
          ...verificationErrors(['kyc_dob_mismatch', 'bvn_not_found']),
        },
      },
    },
    async (request) => verifyBvn(ctx, authOf(request).userId, request.body),
  );
}

/** POST /v1/me/kyc/nin: verify the caller's NIN. */
function registerNin(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/kyc/nin',
    {
      config: { rateLimit: rateLimit(ctx, 'kyc') },
      onRequest: access({ scope: 'kyc:write' }),
      schema: {
        tags: ['kyc'],
        summary: 'Verify your NIN (the name must match); with a verified BVN, tier 2',
        description: `${TIER2_PHONE_NOTE} ${SANDBOX_NOTE}`,
        security: bearerSecurity,
        body: ninBody,
        response: {
          200: verificationSchema,
          ...verificationErrors(['nin_not_found']),
        },
      },
    },
    async (request) => verifyNin(ctx, authOf(request).userId, request.body),
  );
}

/** POST /v1/me/kyc/tier3: ask for tier 3 (a review by staff). */
function registerTier3(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/kyc/tier3',
    {
      config: { rateLimit: rateLimit(ctx, 'kyc') },
      onRequest: access({ scope: 'kyc:write' }),
      schema: {
        tags: ['kyc'],
        summary: 'Ask for tier 3 with your address and an ID document: staff review it (202)',
        description:
          'When tier 3 requires a verified phone (the tier settings) and yours is not, 403 phone_unverified.',
        security: bearerSecurity,
        body: tier3Body,
        response: {
          202: reviewSchema,
          ...errorResponses(authErrors, {
            400: ['validation_failed', 'unknown_field'],
            403: ['phone_unverified'],
            409: ['kyc_already_verified', 'kyc_tier_required', 'kyc_review_pending'],
            429: ['rate_limited'],
          }),
        },
      },
    },
    async (request, reply) => {
      const review = await submitTier3(ctx, authOf(request).userId, request.body);
      return reply.code(202).send(review);
    },
  );
}

/** GET /v1/me/kyc: tier, limits, today's usage and what the next tier needs. */
function registerSummary(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/me/kyc',
    {
      onRequest: access({ scope: 'kyc:read' }),
      schema: {
        tags: ['kyc'],
        summary: 'Your KYC tier, its limits in a currency, today’s usage and the next tier’s requirements',
        description:
          'dailyDebitUsed counts today’s debits (Africa/Lagos calendar day, reset at resetsAt); money is in minor units.',
        security: bearerSecurity,
        querystring: summaryQuery,
        response: {
          200: summarySchema,
          ...errorResponses(authErrors, { 400: ['validation_failed', 'unknown_field'] }),
        },
      },
    },
    async (request) => kycSummary(ctx, authOf(request).userId, request.query.currency),
  );
}
