import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from './guard.js';
import {
  confirmPinReset,
  PIN_HEADER,
  PIN_LOCK_MINUTES,
  PIN_MAX_ATTEMPTS,
  PIN_PATTERN,
  sendPinReset,
  setPin,
} from './pin.js';
import { bearer } from './schemas.js';
import { PHONE_CODE_MAX_ATTEMPTS, PHONE_CODE_TTL_MINUTES } from './verification.js';

const authErrors = {
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  403: ['forbidden', 'insufficient_scope', 'account_frozen'],
} as const;

const pinString = { type: 'string', pattern: PIN_PATTERN, description: '4 digits' } as const;

/** The transaction PIN: set or change it, and reset it with a code sent to your verified phone. */
export async function pinRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerSet(app, ctx);
  registerResetSend(app, ctx);
  registerResetConfirm(app, ctx);
}

function registerSet(app: FastifyInstance, ctx: AppContext): void {
  typed(app).put(
    '/v1/me/pin',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'users:write', sessionOnly: true }),
      schema: {
        tags: ['auth'],
        summary: 'Set or change your transaction PIN',
        description:
          `Money-moving requests made with a session (transfers, bill payments, withdrawals) need it in ${PIN_HEADER}. ` +
          'The first PIN takes {pin}; a change takes {currentPin, pin}, and a wrong currentPin counts toward the ' +
          `lockout (${PIN_MAX_ATTEMPTS} wrong PINs lock money movement for ${PIN_LOCK_MINUTES} minutes). ` +
          'Trivial PINs (0000, 1234, 4321, 1212, 2580...) are refused with pin_too_simple.',
        security: bearer,
        body: {
          type: 'object',
          properties: { pin: pinString, currentPin: pinString },
          required: ['pin'],
          additionalProperties: false,
        },
        response: {
          204: { type: 'null', description: 'PIN set' },
          ...errorResponses([
            'validation_failed',
            'unknown_field',
            'pin_too_simple',
            ...authErrors[401],
            ...authErrors[403],
            'pin_invalid',
            'pin_already_set',
            'pin_locked',
          ]),
        },
      },
    },
    async (request, reply) => {
      const { userId } = authOf(request);
      const outcome = await ctx.db.transaction((tx) =>
        setPin(tx, ctx.config.pinHmacKey, userId, request.body),
      );
      if (!outcome.ok) throw outcome.error;
      reply.status(204);
    },
  );
}

function registerResetSend(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/pin/reset',
    {
      config: { rateLimit: rateLimit(ctx, 'verifySend') },
      onRequest: access({ scope: 'users:write', sessionOnly: true }),
      schema: {
        tags: ['auth'],
        summary: 'Forgot your PIN: send a 6-digit code by SMS to your verified phone',
        description:
          `The code is valid ${PHONE_CODE_TTL_MINUTES} minutes and allows ${PHONE_CODE_MAX_ATTEMPTS} tries; ` +
          'a new send replaces the earlier code. Confirm it with POST /v1/me/pin/reset/confirm.',
        security: bearer,
        response: {
          202: {
            type: 'object',
            properties: { expiresInMinutes: { type: 'integer' } },
            required: ['expiresInMinutes'],
          },
          ...errorResponses([...authErrors[401], ...authErrors[403], 'no_phone', 'phone_unverified']),
        },
      },
    },
    async (request, reply) => {
      const { userId } = authOf(request);
      await ctx.db.transaction((tx) => sendPinReset(tx, ctx.config.jwtSecret, userId));
      reply.status(202);
      return { expiresInMinutes: PHONE_CODE_TTL_MINUTES };
    },
  );
}

function registerResetConfirm(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/pin/reset/confirm',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'users:write', sessionOnly: true }),
      schema: {
        tags: ['auth'],
        summary: 'Set a new PIN with the code sent by SMS; clears any lock',
        description:
          `A wrong code answers invalid_code with attemptsLeft; after ${PHONE_CODE_MAX_ATTEMPTS} wrong codes ` +
          'the code is dead (too_many_attempts) until a new one is sent.',
        security: bearer,
        body: {
          type: 'object',
          properties: { code: { type: 'string', pattern: '^[0-9]{6}$' }, pin: pinString },
          required: ['code', 'pin'],
          additionalProperties: false,
        },
        response: {
          204: { type: 'null', description: 'New PIN set; money movement unlocked' },
          ...errorResponses([
            'validation_failed',
            'unknown_field',
            'invalid_code',
            'code_expired',
            'pin_too_simple',
            ...authErrors[401],
            ...authErrors[403],
            'no_phone',
            'phone_unverified',
            'no_pending_code',
            'too_many_attempts',
          ]),
        },
      },
    },
    async (request, reply) => {
      const { userId } = authOf(request);
      const keys = { code: ctx.config.jwtSecret, pin: ctx.config.pinHmacKey };
      const outcome = await ctx.db.transaction((tx) => confirmPinReset(tx, keys, userId, request.body));
      if (!outcome.ok) throw outcome.error;
      reply.status(204);
    },
  );
}
