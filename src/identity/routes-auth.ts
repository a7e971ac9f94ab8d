import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { typed } from '../http/type-provider.js';
import { type AuthResult, login, logout, refresh, register } from './auth.js';
import { deviceOf } from './devices.js';
import { access, authOf } from './guard.js';
import { authResultSchema, bearer, bearerOrApiKey, userSchema } from './schemas.js';
import {
  REFRESH_TOKEN_TTL_MS,
  STREAM_TOKEN_TTL_SECONDS,
  issueStreamToken,
  verifyAccessToken,
} from './tokens.js';
import type { IdentityDeps } from './types.js';
import { getUser } from './users.js';
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './validation.js';

export const REFRESH_COOKIE = 'vendra_refresh';
const COOKIE_PATH = '/v1/auth';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const refreshTokenString = { type: 'string', minLength: 1, maxLength: 128 } as const;

function cookieOptions(request: FastifyRequest) {
  return {
    httpOnly: true,
    path: COOKIE_PATH,
    sameSite: 'strict' as const,
    secure: !LOCAL_HOSTS.has(request.hostname),
  };
}

/** Answers a login/registration/refresh: the token pair in the body and the refresh token as a cookie. */
function sendAuth(request: FastifyRequest, reply: FastifyReply, result: AuthResult) {
  reply.setCookie(REFRESH_COOKIE, result.tokens.refreshToken, {
    ...cookieOptions(request),
    maxAge: Math.floor(REFRESH_TOKEN_TTL_MS / 1000),
  });
  reply.header('cache-control', 'no-store');
  const { accessToken, refreshToken, tokenType, expiresIn } = result.tokens;
  return { user: result.user, accessToken, refreshToken, tokenType, expiresIn };
}

/** preValidation: a bodiless POST (cookie-only refresh/logout) validates as an empty object. */
async function emptyBodyAsObject(request: FastifyRequest) {
  if (request.body === undefined || request.body === null) request.body = {};
}

/** Removes the refresh cookie (a logout, or the current session ended from the sessions list). */
export const clearRefreshCookie = (request: FastifyRequest, reply: FastifyReply) =>
  reply.clearCookie(REFRESH_COOKIE, cookieOptions(request));

/** POST /v1/auth/register, /login, /refresh, /logout, /stream-token and GET /v1/me. */
export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const deps = { config: ctx.config };
  registerRegistration(app, ctx, deps);
  registerLogin(app, ctx, deps);
  registerRefresh(app, ctx, deps);
  registerLogout(app, ctx);
  registerStreamToken(app, ctx);
  registerMe(app, ctx);
}

/** POST /v1/auth/register: create a customer account and log in. */
function registerRegistration(app: FastifyInstance, ctx: AppContext, deps: IdentityDeps): void {
  typed(app).post(
    '/v1/auth/register',
    {
      config: { rateLimit: rateLimit(ctx, 'register') },
      schema: {
        tags: ['auth'],
        summary: 'Create a customer account and log in',
        description:
          'The email is case-insensitive; the phone is stored in E.164 (Nigerian 080... is accepted). ' +
          `The password needs at least ${PASSWORD_MIN_LENGTH} characters, must not be a common password (1234567890, password123, ...) and must not be the email.`,
        body: {
          type: 'object',
          properties: {
            email: { type: 'string', maxLength: EMAIL_MAX_LENGTH },
            password: { type: 'string', maxLength: PASSWORD_MAX_LENGTH },
            fullName: { type: 'string', minLength: 1, maxLength: 200 },
            phone: { type: 'string', maxLength: 32 },
            referralCode: { type: 'string', maxLength: 32 },
          },
          required: ['email', 'password', 'fullName'],
          additionalProperties: false,
        },
        response: {
          201: authResultSchema,
          ...errorResponses({
            400: [
              'validation_failed',
              'unknown_field',
              'invalid_email',
              'invalid_phone',
              'weak_password',
              'invalid_name',
              'invalid_referral_code',
            ],
            409: ['email_taken', 'phone_taken'],
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await ctx.db.transaction((tx) =>
        register(tx, deps, request.body, deviceOf(request.headers), request.ip),
      );
      reply.status(201);
      return sendAuth(request, reply, result);
    },
  );
}

/** POST /v1/auth/login: log in with email and password. */
function registerLogin(app: FastifyInstance, ctx: AppContext, deps: IdentityDeps): void {
  typed(app).post(
    '/v1/auth/login',
    {
      config: { rateLimit: rateLimit(ctx, 'login') },
      schema: {
        tags: ['auth'],
        summary: 'Log in with email and password',
        description:
          'Throttled over 15 minutes: after 5 failures on an account from one address, or 20 from one address, ' +
          'that address waits 30 s, doubling with each further failure (up to 15 min): 429 too_many_attempts with ' +
          'Retry-After. An address that logged in to the account before is never held back by failures from ' +
          'elsewhere; other addresses also wait once failures on the account come from 5 addresses.',
        body: {
          type: 'object',
          properties: {
            email: { type: 'string', minLength: 1, maxLength: EMAIL_MAX_LENGTH },
            password: { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH },
          },
          required: ['email', 'password'],
          additionalProperties: false,
        },
        response: {
          200: authResultSchema,
          ...errorResponses({
            400: ['validation_failed', 'unknown_field'],
            401: ['invalid_credentials'],
            403: ['account_frozen'],
            429: ['too_many_attempts'],
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await login(ctx.db, deps, {
        ...request.body,
        ip: request.ip,
        device: deviceOf(request.headers),
      });
      return sendAuth(request, reply, result);
    },
  );
}

/** POST /v1/auth/refresh: exchange a refresh token for a new token pair. */
function registerRefresh(app: FastifyInstance, ctx: AppContext, deps: IdentityDeps): void {
  typed(app).post(
    '/v1/auth/refresh',
    {
      config: { rateLimit: rateLimit(ctx, 'refresh') },
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new token pair',
        description:
          'Send the refresh token in the body or let the browser send the vendra_refresh cookie. ' +
          'Each refresh token works once; presenting a used one ends the whole session (refresh_token_reused).',
        body: {
          type: 'object',
          properties: { refreshToken: refreshTokenString },
          additionalProperties: false,
        },
        response: {
          200: authResultSchema,
          ...errorResponses({
            400: ['validation_failed', 'unknown_field'],
            401: ['invalid_refresh_token', 'refresh_token_expired', 'refresh_token_reused'],
            403: ['account_frozen'],
          }),
        },
      },
    },
    async (request, reply) => {
      const token = request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
      if (!token) {
        throw new AppError(
          'invalid_refresh_token',
          'No refresh token was sent',
          {},
          {
            'www-authenticate': 'Bearer realm="vendra"',
          },
        );
      }
      const outcome = await ctx.db.transaction((tx) => refresh(tx, deps, token));
      if (!outcome.ok) {
        clearRefreshCookie(request, reply);
        throw outcome.error;
      }
      return sendAuth(request, reply, outcome.value);
    },
  );
}

/** POST /v1/auth/logout: end the session. */
function registerLogout(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/auth/logout',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['auth'],
        summary: 'End the session',
        description:
          'Revokes the session of the refresh token (body or cookie) and of the bearer token, if any, and clears ' +
          'the cookie. Always answers 204.',
        body: {
          type: 'object',
          properties: { refreshToken: refreshTokenString },
          additionalProperties: false,
        },
        response: {
          204: { type: 'null', description: 'Logged out' },
          ...errorResponses({ 400: ['validation_failed', 'unknown_field'] }),
        },
      },
    },
    async (request, reply) => {
      const refreshToken = request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
      const bearerToken = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const sessionId = bearerToken
        ? await verifyAccessToken(ctx.config, bearerToken).then(
            (claims) => claims.sessionId,
            () => undefined,
          )
        : undefined;
      await ctx.db.transaction((tx) => logout(tx, { refreshToken, sessionId }));
      clearRefreshCookie(request, reply);
      reply.status(204);
    },
  );
}

/** POST /v1/auth/stream-token: a short-lived token for the event stream. */
function registerStreamToken(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/auth/stream-token',
    {
      config: { rateLimit: rateLimit(ctx, 'streamToken') },
      onRequest: access({ scope: 'events:read', supportMay: true }),
      schema: {
        tags: ['auth'],
        summary: 'Get a 60-second token to open the live event stream',
        description: 'EventSource cannot send headers: pass this token as ?token= when opening the stream.',
        security: bearer,
        response: {
          200: {
            type: 'object',
            properties: { token: { type: 'string' }, expiresIn: { type: 'integer' } },
            required: ['token', 'expiresIn'],
          },
          ...errorResponses({
            401: ['unauthorized', 'token_expired', 'invalid_token'],
            403: ['account_frozen'],
          }),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { userId, sessionId, apiKeyId } = authOf(request);
      const token = await issueStreamToken(ctx.config, userId, { sessionId, apiKeyId });
      return { token, expiresIn: STREAM_TOKEN_TTL_SECONDS };
    },
  );
}

/** GET /v1/me: the logged-in user. */
function registerMe(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/me',
    {
      onRequest: access({ scope: 'users:read' }),
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user',
        security: bearerOrApiKey,
        response: {
          200: userSchema,
          ...errorResponses({
            401: ['unauthorized', 'token_expired', 'invalid_token'],
            403: ['account_frozen'],
          }),
        },
      },
    },
    async (request) => {
      const user = await getUser(ctx.db, authOf(request).userId);
      if (!user) throw new AppError('invalid_token', 'The user no longer exists');
      return user;
    },
  );
}
