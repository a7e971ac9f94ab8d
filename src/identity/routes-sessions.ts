import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from './guard.js';
import { clearRefreshCookie } from './routes-auth.js';
import { bearer, uuidParam } from './schemas.js';
import { endOtherSessions, endOwnSession, listSessions, MAX_LISTED_SESSIONS } from './session-list.js';

const dateTime = { type: 'string', format: 'date-time' } as const;

const sessionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    device: { type: 'string', description: 'Parsed from the User-Agent, e.g. "Chrome on macOS"' },
    userAgent: { type: ['string', 'null'] },
    ip: { type: ['string', 'null'], description: 'The address the session was started from' },
    createdAt: dateTime,
    lastSeenAt: { ...dateTime, description: 'Brought up to date at most once a minute' },
    expiresAt: dateTime,
    current: { type: 'boolean', description: 'The session this request was made with' },
  },
  required: ['id', 'device', 'userAgent', 'ip', 'createdAt', 'lastSeenAt', 'expiresAt', 'current'],
} as const;

const authErrors = {
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  403: ['forbidden', 'insufficient_scope', 'account_frozen'],
} as const;

/**
 * The person's own login sessions: GET /v1/me/sessions, DELETE
 * /v1/me/sessions/{id}, POST /v1/me/sessions/revoke-others. A logged-in
 * session only: an API key has no session of its own to keep.
 */
export async function sessionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerSessionList(app, ctx);
  registerSessionEnd(app, ctx);
  registerRevokeOthers(app, ctx);
}

function registerSessionList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/me/sessions',
    {
      onRequest: access({ scope: 'sessions:read', sessionOnly: true }),
      schema: {
        tags: ['auth'],
        summary: 'Your active sessions: device, address, last seen, and which one is this',
        description: `The current session first, then by last use; at most ${MAX_LISTED_SESSIONS}.`,
        security: bearer,
        response: {
          200: {
            type: 'object',
            properties: { data: { type: 'array', items: sessionSchema } },
            required: ['data'],
          },
          ...errorResponses(authErrors),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { userId, sessionId } = authOf(request);
      return { data: await listSessions(ctx.db, userId, sessionId!) };
    },
  );
}

function registerSessionEnd(app: FastifyInstance, ctx: AppContext): void {
  typed(app).delete(
    '/v1/me/sessions/:id',
    {
      onRequest: access({ scope: 'sessions:write', sessionOnly: true, supportMay: true }),
      schema: {
        tags: ['auth'],
        summary: 'End one of your sessions',
        description:
          'Its access tokens stop working at once and its refresh token is refused. Ending the current ' +
          'session is a logout (the refresh cookie is cleared). Ending one that already ended answers 204.',
        security: bearer,
        params: uuidParam,
        response: {
          204: { type: 'null', description: 'Ended' },
          ...errorResponses({ 400: ['validation_failed'], ...authErrors, 404: ['not_found'] }),
        },
      },
    },
    async (request, reply) => {
      const { userId, sessionId } = authOf(request);
      const { current } = await ctx.db.transaction((tx) =>
        endOwnSession(tx, userId, sessionId!, request.params.id),
      );
      if (current) clearRefreshCookie(request, reply);
      reply.status(204);
    },
  );
}

function registerRevokeOthers(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/me/sessions/revoke-others',
    {
      onRequest: access({ scope: 'sessions:write', sessionOnly: true, supportMay: true }),
      schema: {
        tags: ['auth'],
        summary: 'Log out everywhere else: end every session but this one',
        security: bearer,
        response: {
          200: {
            type: 'object',
            properties: { revoked: { type: 'integer', description: 'How many sessions were ended' } },
            required: ['revoked'],
          },
          ...errorResponses(authErrors),
        },
      },
    },
    async (request) => {
      const { userId, sessionId } = authOf(request);
      const revoked = await ctx.db.transaction((tx) => endOtherSessions(tx, userId, sessionId!));
      return { revoked };
    },
  );
}
