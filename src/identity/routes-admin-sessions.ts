/** Staff: a person's login sessions, and ending one of them (audited). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { notFound } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, STAFF } from './guard.js';
import { bearerOrApiKey, uuidParam } from './schemas.js';
import { endUserSession, listUserSessions, MAX_LISTED_SESSIONS } from './session-list.js';
import { getUser } from './users.js';

const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;

const staffSessionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    device: { type: 'string', description: 'Parsed from the User-Agent, e.g. "Chrome on macOS"' },
    userAgent: { type: ['string', 'null'] },
    ip: { type: ['string', 'null'], description: 'The address the session was started from' },
    createdAt: dateTime,
    lastSeenAt: { ...dateTime, description: 'Brought up to date at most once a minute' },
    expiresAt: dateTime,
    revokedAt: { ...nullableDateTime, description: 'When it was ended; null while it runs or once expired' },
    revokedReason: {
      type: ['string', 'null'],
      description:
        'Why it ended: logout, remote, password, frozen, reuse (a refresh token replayed) or admin',
    },
    active: { type: 'boolean', description: 'Neither ended nor expired' },
  },
  required: [
    'id',
    'device',
    'userAgent',
    'ip',
    'createdAt',
    'lastSeenAt',
    'expiresAt',
    'revokedAt',
    'revokedReason',
    'active',
  ],
} as const;

const authErrors = {
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  403: ['forbidden', 'insufficient_scope', 'account_frozen'],
} as const;

const sessionParams = {
  type: 'object',
  properties: { id: { type: 'string', format: 'uuid' }, sessionId: { type: 'string', format: 'uuid' } },
  required: ['id', 'sessionId'],
  additionalProperties: false,
} as const;

/** GET /v1/admin/users/{id}/sessions and DELETE /v1/admin/users/{id}/sessions/{sessionId}. */
export async function adminSessionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerUserSessionList(app, ctx);
  registerUserSessionEnd(app, ctx);
}

function registerUserSessionList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/users/:id/sessions',
    {
      onRequest: access({ roles: STAFF, scope: 'users:read' }),
      schema: {
        tags: ['admin'],
        summary: "A person's login sessions, active and ended: device, address, last seen, why it ended",
        description: `Newest first; at most ${MAX_LISTED_SESSIONS}. Support staff may read.`,
        security: bearerOrApiKey,
        params: uuidParam,
        response: {
          200: {
            type: 'object',
            properties: { data: { type: 'array', items: staffSessionSchema } },
            required: ['data'],
          },
          ...errorResponses({ 400: ['validation_failed'], ...authErrors, 404: ['not_found'] }),
        },
      },
    },
    async (request, reply) => {
      if (!(await getUser(ctx.db, request.params.id))) throw notFound('User');
      reply.header('cache-control', 'no-store');
      return { data: await listUserSessions(ctx.db, request.params.id) };
    },
  );
}

function registerUserSessionEnd(app: FastifyInstance, ctx: AppContext): void {
  typed(app).delete(
    '/v1/admin/users/:id/sessions/:sessionId',
    {
      onRequest: access({ roles: STAFF, scope: 'users:write' }),
      schema: {
        tags: ['admin'],
        summary: "End one of a person's sessions (operators and admins, audited)",
        description:
          'Its access tokens stop working at once in every API process and its refresh token is refused. ' +
          'Operators may end customers’ sessions only; an admin anyone’s but their own. Ending one that ' +
          'already ended answers 204 and records nothing.',
        security: bearerOrApiKey,
        params: sessionParams,
        querystring: {
          type: 'object',
          properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } },
          additionalProperties: false,
        },
        response: {
          204: { type: 'null', description: 'Ended' },
          ...errorResponses({
            400: ['validation_failed', 'unknown_field'],
            ...authErrors,
            404: ['not_found'],
            409: ['cannot_target_self'],
          }),
        },
      },
    },
    async (request, reply) => {
      const { id, sessionId } = request.params;
      await ctx.db.transaction((tx) =>
        endUserSession(
          tx,
          { auth: authOf(request), requestId: request.id },
          id,
          sessionId,
          request.query.reason,
        ),
      );
      reply.status(204);
    },
  );
}
