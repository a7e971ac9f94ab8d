import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from './guard.js';
import { emailTokenString, linkBaseOf } from './routes-password.js';
import { bearer } from './schemas.js';
import {
  EMAIL_VERIFICATION_TTL_MINUTES,
  PHONE_CODE_MAX_ATTEMPTS,
  PHONE_CODE_TTL_MINUTES,
  sendEmailVerification,
  sendPhoneCode,
  verifyEmail,
  verifyPhoneCode,
} from './verification.js';

const authErrors = {
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  403: ['forbidden', 'insufficient_scope', 'account_frozen'],
} as const;

const sentSchema = {
  type: 'object',
  properties: { expiresInMinutes: { type: 'integer' } },
  required: ['expiresInMinutes'],
} as const;

/** Email verification by link and phone verification by a 6-digit code. */
export async function verificationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerEmailSend(app, ctx);
  registerEmailVerify(app, ctx);
  registerPhoneSend(app, ctx);
  registerPhoneVerify(app, ctx);
}

function registerEmailSend(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/email/verify/send',
    {
      config: { rateLimit: rateLimit(ctx, 'verifySend') },
      onRequest: access({ scope: 'users:write', sessionOnly: true }),
      schema: {
        tags: ['auth'],
        summary: 'Send a verification link to your email',
        description: `The link is valid ${EMAIL_VERIFICATION_TTL_MINUTES / 60} hours and works once.`,
        security: bearer,
        response: {
          202: sentSchema,
          ...errorResponses({ ...authErrors, 409: ['already_verified'] }),
        },
      },
    },
    async (request, reply) => {
      const base = linkBaseOf(request, ctx);
      await ctx.db.transaction((tx) => sendEmailVerification(tx, authOf(request).userId, base));
      reply.status(202);
      return { expiresInMinutes: EMAIL_VERIFICATION_TTL_MINUTES };
    },
  );
}

function registerEmailVerify(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/auth/email/verify',
    {
      config: { rateLimit: rateLimit(ctx, 'login') },
      schema: {
        tags: ['auth'],
        summary: 'Verify your email with the link’s token',
        description:
          'No login needed: the token is the credential. It works once, for the address it was sent to.',
        body: {
          type: 'object',
          properties: { token: emailTokenString },
          required: ['token'],
          additionalProperties: false,
        },
        response: {
          204: { type: 'null', description: 'Email verified' },
          ...errorResponses({
            400: [
              'validation_failed',
              'unknown_field',
              'invalid_verification_token',
              'verification_token_expired',
            ],
          }),
        },
      },
    },
    async (request, reply) => {
      await ctx.db.transaction((tx) => verifyEmail(tx, request.body.token));
      reply.status(204);
    },
  );
}

function registerPhoneSend(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/phone/verify/send',
    {
      config: { rateLimit: rateLimit(ctx, 'verifySend') },
      onRequest: access({ scope: 'users:write', sessionOnly: true }),
      schema: {
        tags: ['auth'],
        summary: 'Send a 6-digit code by SMS to your phone',
        description:
          `The code is valid ${PHONE_CODE_TTL_MINUTES} minutes and allows ${PHONE_CODE_MAX_ATTEMPTS} tries; ` +
          'a new send replaces the earlier code.',
        security: bearer,
        response: {
          202: sentSchema,
          ...errorResponses({ ...authErrors, 409: ['already_verified', 'no_phone'] }),
        },
      },
    },
    async (request, reply) => {
      const userId = authOf(request).userId;
      await ctx.db.transaction((tx) => sendPhoneCode(tx, ctx.config.jwtSecret, userId));
      reply.status(202);
      return { expiresInMinutes: PHONE_CODE_TTL_MINUTES };
    },
  );
}

function registerPhoneVerify(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/phone/verify',
    {
      onRequest: access({ scope: 'users:write', sessionOnly: true }),
      schema: {
        tags: ['auth'],
        summary: 'Verify your phone with the code sent by SMS',
        description:
          `A wrong code answers invalid_code with attemptsLeft; after ${PHONE_CODE_MAX_ATTEMPTS} wrong codes ` +
          'the code is dead (too_many_attempts) until a new one is sent.',
        security: bearer,
        body: {
          type: 'object',
          properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } },
          required: ['code'],
          additionalProperties: false,
        },
        response: {
          204: { type: 'null', description: 'Phone verified' },
          ...errorResponses({
            400: ['validation_failed', 'unknown_field', 'invalid_code', 'code_expired'],
            ...authErrors,
            409: ['already_verified', 'no_pending_code'],
            429: ['too_many_attempts'],
          }),
        },
      },
    },
    async (request, reply) => {
      const { userId } = authOf(request);
      const outcome = await ctx.db.transaction((tx) =>
        verifyPhoneCode(tx, ctx.config.jwtSecret, userId, request.body.code),
      );
      if (!outcome.ok) throw outcome.error;
      reply.status(204);
    },
  );
}
