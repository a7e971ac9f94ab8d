import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { type RouteRateLimit, rateLimit } from '../http/rate-limit.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from './guard.js';
import {
  changePassword,
  RESET_TOKEN_TTL_MINUTES,
  requestPasswordReset,
  resetPassword,
} from './password-reset.js';
import { bearer } from './schemas.js';
import { EMAIL_MAX_LENGTH, emailKey, PASSWORD_MAX_LENGTH } from './validation.js';

const authErrors = {
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  403: ['forbidden', 'insufficient_scope', 'account_frozen'],
} as const;

export const emailTokenString = { type: 'string', minLength: 1, maxLength: 128 } as const;

/** The app's base for links in messages: PUBLIC_BASE_URL, else the host the request came to. */
export function linkBaseOf(request: FastifyRequest, ctx: AppContext): string {
  return ctx.config.publicBaseUrl ?? `${request.protocol}://${request.host}`;
}

/** The per-email limit of forgot: keyed by the normalised address, whether or not an account has it. */
function perEmail(ctx: AppContext): RouteRateLimit {
  const limit = ctx.config.rateLimits?.forgotPerEmail;
  if (!limit) return false;
  return {
    max: limit.max,
    timeWindow: limit.windowMs,
    hook: 'preHandler',
    keyGenerator: (request) =>
      `forgot:${emailKey(String((request.body as { email?: unknown })?.email ?? ''))}`,
  };
}

/** POST /v1/auth/password/forgot, /v1/auth/password/reset and /v1/me/password. */
export async function passwordRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerForgot(app, ctx);
  registerReset(app, ctx);
  registerChange(app, ctx);
}

const FORGOT_ANSWER = {
  message: 'If an account has this email and it is verified, a reset link is on its way.',
  expiresInMinutes: RESET_TOKEN_TTL_MINUTES,
};

function registerForgot(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/auth/password/forgot',
    {
      config: { rateLimit: rateLimit(ctx, 'forgotPerIp'), rateLimitAlso: perEmail(ctx) },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password-reset link by email',
        description:
          `The same 202 whether or not the account exists. A link (valid ${RESET_TOKEN_TTL_MINUTES} minutes, ` +
          'single use) goes only to an active account whose email is verified: an unverified email receives ' +
          'nothing. Rate-limited per email address and per client IP.',
        body: {
          type: 'object',
          properties: { email: { type: 'string', minLength: 1, maxLength: EMAIL_MAX_LENGTH } },
          required: ['email'],
          additionalProperties: false,
        },
        response: {
          202: {
            type: 'object',
            properties: { message: { type: 'string' }, expiresInMinutes: { type: 'integer' } },
            required: ['message', 'expiresInMinutes'],
          },
          ...errorResponses({ 400: ['validation_failed', 'unknown_field'] }),
        },
      },
    },
    async (request, reply) => {
      const base = linkBaseOf(request, ctx);
      await ctx.db.transaction((tx) => requestPasswordReset(tx, request.body.email, base));
      reply.status(202);
      return FORGOT_ANSWER;
    },
  );
}

function registerReset(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/auth/password/reset',
    {
      config: { rateLimit: rateLimit(ctx, 'login') },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link’s token',
        description:
          'The password rules of registration. The token works once; every session of the person ends ' +
          '(log in again with the new password), and they are told their password changed.',
        body: {
          type: 'object',
          properties: {
            token: emailTokenString,
            newPassword: { type: 'string', maxLength: PASSWORD_MAX_LENGTH },
          },
          required: ['token', 'newPassword'],
          additionalProperties: false,
        },
        response: {
          204: { type: 'null', description: 'Password changed; every session ended' },
          ...errorResponses({
            400: [
              'validation_failed',
              'unknown_field',
              'invalid_reset_token',
              'reset_token_expired',
              'weak_password',
            ],
          }),
        },
      },
    },
    async (request, reply) => {
      await ctx.db.transaction((tx) => resetPassword(tx, request.body.token, request.body.newPassword));
      reply.status(204);
    },
  );
}

function registerChange(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/password',
    {
      config: { rateLimit: rateLimit(ctx, 'login') },
      onRequest: access({ scope: 'users:write', sessionOnly: true, supportMay: true }),
      schema: {
        tags: ['auth'],
        summary: 'Change your password',
        description:
          'Needs the current password. Every other session of yours ends at once (this one stays), and you ' +
          'are told your password changed.',
        security: bearer,
        body: {
          type: 'object',
          properties: {
            currentPassword: { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH },
            newPassword: { type: 'string', maxLength: PASSWORD_MAX_LENGTH },
          },
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
        },
        response: {
          204: { type: 'null', description: 'Password changed; your other sessions ended' },
          ...errorResponses({
            400: ['validation_failed', 'unknown_field', 'wrong_password', 'weak_password'],
            ...authErrors,
          }),
        },
      },
    },
    async (request, reply) => {
      const { userId, sessionId } = authOf(request);
      await ctx.db.transaction((tx) => changePassword(tx, { userId, sessionId: sessionId! }, request.body));
      reply.status(204);
    },
  );
}
