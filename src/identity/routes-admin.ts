import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { forbidden, notFound } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { pageOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { type Actor, changeUserRole, changeUserStatus } from './admin.js';
import { apiKeyOwner, createApiKey, listApiKeys, MAX_API_KEY_TTL_DAYS, revokeApiKey } from './api-keys.js';
import { listAudit, recordAudit } from './audit.js';
import { access, authOf, STAFF } from './guard.js';
import {
  apiKeySchema,
  auditRecordSchema,
  bearer,
  bearerOrApiKey,
  pageQuery,
  reasonBody,
  userSchema,
  uuidParam,
} from './schemas.js';
import { ROLES } from './types.js';
import { getUser, searchUsers } from './users.js';

const authErrors = {
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  403: ['forbidden', 'insufficient_scope', 'account_frozen'],
} as const;

const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

/** Operator/admin routes: users, freeze, roles, audit log, API keys. */
export async function adminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerUserSearch(app, ctx);
  registerUserRead(app, ctx);
  registerUserStatus(app, ctx);
  registerUserRole(app, ctx);
  registerAuditLog(app, ctx);
  registerApiKeyCreate(app, ctx);
  registerApiKeyList(app, ctx);
  registerApiKeyRevoke(app, ctx);
}

/** GET /v1/admin/users: search users. */
function registerUserSearch(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/users',
    {
      onRequest: access({ roles: STAFF, scope: 'users:read' }),
      schema: {
        tags: ['admin'],
        summary:
          'Search users by email, name, phone or id; `staff=true`: staff only (support, operators, admins)',
        security: bearerOrApiKey,
        querystring: {
          type: 'object',
          properties: { q: { type: 'string', maxLength: 100 }, staff: { type: 'boolean' }, ...pageQuery },
          additionalProperties: false,
        },
        response: {
          200: pageOf(userSchema),
          ...errorResponses({ 400: ['validation_failed', 'unknown_field', 'invalid_cursor'], ...authErrors }),
        },
      },
    },
    async (request) => {
      const { q = '', limit, cursor, staff } = request.query;
      return searchUsers(ctx.db, q, { limit, cursor, staffOnly: staff });
    },
  );
}

/** GET /v1/admin/users/:id: one user. */
function registerUserRead(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/users/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'users:read' }),
      schema: {
        tags: ['admin'],
        summary: 'One user',
        security: bearerOrApiKey,
        params: uuidParam,
        response: {
          200: userSchema,
          ...errorResponses({ 400: ['validation_failed'], ...authErrors, 404: ['not_found'] }),
        },
      },
    },
    async (request) => {
      const user = await getUser(ctx.db, request.params.id);
      if (!user) throw notFound('User');
      return user;
    },
  );
}

/** POST /v1/admin/users/:id/freeze and /unfreeze: freeze or unfreeze a user. */
function registerUserStatus(app: FastifyInstance, ctx: AppContext): void {
  for (const [verb, status] of [
    ['freeze', 'frozen'],
    ['unfreeze', 'active'],
  ] as const) {
    typed(app).post(
      `/v1/admin/users/:id/${verb}`,
      {
        onRequest: access({ roles: STAFF, scope: 'users:write' }),
        schema: {
          tags: ['admin'],
          summary:
            verb === 'freeze'
              ? 'Freeze a user: ends their sessions and blocks login (audited)'
              : 'Unfreeze a user (audited)',
          description: 'Operators may act on customers only; an admin on anyone but themselves.',
          security: bearerOrApiKey,
          params: uuidParam,
          body: reasonBody,
          response: {
            200: userSchema,
            ...errorResponses({
              400: ['validation_failed', 'unknown_field'],
              ...authErrors,
              404: ['not_found'],
              409: ['cannot_target_self'],
            }),
          },
        },
      },
      async (request) =>
        ctx.db.transaction((tx) =>
          changeUserStatus(tx, actorOf(request), request.params.id, status, request.body.reason),
        ),
    );
  }
}

/** POST /v1/admin/users/:id/role: set a user's role. */
function registerUserRole(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/users/:id/role',
    {
      onRequest: access({ roles: ['admin'], scope: 'users:write' }),
      schema: {
        tags: ['admin'],
        summary: 'Set a user’s role (admin only, audited)',
        description: 'Demoting to customer revokes the user’s API keys.',
        security: bearerOrApiKey,
        params: uuidParam,
        body: {
          type: 'object',
          properties: {
            role: { type: 'string', enum: ROLES },
            reason: { type: 'string', maxLength: 500 },
          },
          required: ['role'],
          additionalProperties: false,
        },
        response: {
          200: userSchema,
          ...errorResponses({
            400: ['validation_failed', 'unknown_field'],
            ...authErrors,
            404: ['not_found'],
            409: ['cannot_target_self'],
          }),
        },
      },
    },
    async (request) =>
      ctx.db.transaction((tx) =>
        changeUserRole(tx, actorOf(request), request.params.id, request.body.role, request.body.reason),
      ),
  );
}

/** GET /v1/admin/audit-log: operator and admin actions. */
function registerAuditLog(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/audit-log',
    {
      onRequest: access({ roles: STAFF, scope: 'audit:read' }),
      schema: {
        tags: ['admin'],
        summary:
          'Operator and admin actions, newest first; filter by actor (id or email), action (or family), target and date',
        security: bearerOrApiKey,
        querystring: {
          type: 'object',
          properties: {
            actor: { type: 'string', format: 'uuid', description: 'Only actions by this user' },
            actorEmail: {
              type: 'string',
              maxLength: 254,
              description: 'Only actions by the user with this email',
            },
            action: {
              type: 'string',
              pattern: '^[a-z][a-z0-9_.]*$',
              maxLength: 100,
              description: 'An action, or every action of a family when it ends with a dot (`user.`)',
            },
            targetType: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 50 },
            target: {
              type: 'string',
              maxLength: 254,
              description: "The target's id, or a user target's email",
            },
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
            ...pageQuery,
          },
          additionalProperties: false,
        },
        response: {
          200: pageOf(auditRecordSchema),
          ...errorResponses({ 400: ['validation_failed', 'unknown_field', 'invalid_cursor'], ...authErrors }),
        },
      },
    },
    async (request) => {
      const { actor, actorEmail, action, targetType, target, from, to, limit, cursor } = request.query;
      return listAudit(ctx.db, {
        actorId: actor,
        actorEmail,
        action,
        targetType,
        target,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        limit,
        cursor,
      });
    },
  );
}

/** POST /v1/admin/api-keys: create an API key for yourself. */
function registerApiKeyCreate(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/api-keys',
    {
      onRequest: access({ roles: STAFF, scope: 'api_keys:write', sessionOnly: true }),
      schema: {
        tags: ['admin'],
        summary: 'Create an API key for yourself (shown once)',
        description:
          'Send the key in the x-api-key header; it acts as you, limited to its scopes ' +
          '(e.g. "users:read", "users:*", "*"). Keys cannot create keys.',
        security: bearer,
        body: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            scopes: { type: 'array', items: { type: 'string', maxLength: 64 }, minItems: 1, maxItems: 32 },
            expiresInDays: { type: 'integer', minimum: 1, maximum: MAX_API_KEY_TTL_DAYS, default: 365 },
          },
          required: ['name', 'scopes'],
          additionalProperties: false,
        },
        response: {
          201: {
            type: 'object',
            properties: {
              ...apiKeySchema.properties,
              key: {
                type: 'string',
                description: 'The secret key. It is not stored and cannot be shown again',
              },
            },
            required: [...apiKeySchema.required, 'key'],
          },
          ...errorResponses({
            400: ['validation_failed', 'unknown_field', 'invalid_scope'],
            ...authErrors,
            409: ['too_many_api_keys'],
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await ctx.db.transaction(async (tx) => {
        const result = await createApiKey(tx, actor.auth.userId, request.body);
        await recordAudit(tx, {
          actorId: actor.auth.userId,
          action: 'api_key.create',
          targetType: 'api_key',
          targetId: result.apiKey.id,
          before: null,
          after: { name: result.apiKey.name, prefix: result.apiKey.prefix, scopes: result.apiKey.scopes },
          requestId: actor.requestId,
        });
        return result;
      });
      reply.status(201).header('cache-control', 'no-store');
      return { ...created.apiKey, key: created.key };
    },
  );
}

/** GET /v1/admin/api-keys: your API keys. */
function registerApiKeyList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/api-keys',
    {
      onRequest: access({ roles: STAFF, scope: 'api_keys:read', sessionOnly: true }),
      schema: {
        tags: ['admin'],
        summary: 'Your API keys (without the secrets), newest first',
        security: bearer,
        response: {
          200: {
            type: 'object',
            properties: { data: { type: 'array', items: apiKeySchema } },
            required: ['data'],
          },
          ...errorResponses(authErrors),
        },
      },
    },
    async (request) => ({ data: await listApiKeys(ctx.db, authOf(request).userId) }),
  );
}

/** DELETE /v1/admin/api-keys/:id: revoke an API key. */
function registerApiKeyRevoke(app: FastifyInstance, ctx: AppContext): void {
  typed(app).delete(
    '/v1/admin/api-keys/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'api_keys:write', sessionOnly: true }),
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API key (yours; an admin may revoke anyone’s)',
        security: bearer,
        params: uuidParam,
        response: {
          204: { type: 'null', description: 'Revoked' },
          ...errorResponses({ 400: ['validation_failed'], ...authErrors, 404: ['not_found'] }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await ctx.db.transaction(async (tx) => {
        const owner = await apiKeyOwner(tx, request.params.id);
        if (!owner) throw notFound('API key');
        if (owner !== actor.auth.userId && actor.auth.role !== 'admin') throw forbidden();
        const revoked = await revokeApiKey(tx, request.params.id);
        if (!revoked) return; // already revoked: nothing changes, nothing to audit
        await recordAudit(tx, {
          actorId: actor.auth.userId,
          action: 'api_key.revoke',
          targetType: 'api_key',
          targetId: revoked.id,
          before: { revokedAt: null },
          after: { revokedAt: new Date().toISOString(), owner },
          requestId: actor.requestId,
        });
      });
      reply.status(204);
    },
  );
}
