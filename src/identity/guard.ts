import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden } from '../http/errors.js';
import { resolveApiKey } from './api-keys.js';
import { tokenError, verifyAccessToken } from './tokens.js';
import type { AuthContext, Role } from './types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authenticate preHandler; read it with authOf(request). */
    auth?: AuthContext;
  }
}

const missing = () =>
  new AppError(
    401,
    'unauthorized',
    'Authentication is required: send a bearer token or an x-api-key header',
    {},
    {
      'www-authenticate': 'Bearer realm="vendra"',
    },
  );

const frozen = () => new AppError(403, 'account_frozen', 'This account is frozen; contact support');

/** The authenticated caller of a request that passed authenticate; 401 if it did not. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw missing();
  return request.auth;
}

async function fromBearer(request: FastifyRequest, token: string): Promise<AuthContext> {
  const { config, db } = request.server.ctx;
  const claims = await verifyAccessToken(config, token);
  // The role, status and session are read fresh: a demotion, a freeze or a logout takes effect at once.
  const { rows } = await db.query<{ role: Role; status: string; active: boolean }>(
    `SELECT u.role, u.status, (s.revoked_at IS NULL AND s.expires_at > now()) AS active
     FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.user_id = $2`,
    [claims.sessionId, claims.userId],
  );
  const row = rows[0];
  if (!row?.active) throw tokenError('invalid_token', 'The session has ended; log in again');
  if (row.status !== 'active') throw frozen();
  return { userId: claims.userId, role: row.role, sessionId: claims.sessionId };
}

async function fromApiKey(request: FastifyRequest, key: string): Promise<AuthContext> {
  const principal = await resolveApiKey(request.server.ctx.db, key);
  if (!principal) throw tokenError('invalid_token', 'The API key is not valid');
  if (principal.status !== 'active') throw frozen();
  return {
    userId: principal.userId,
    role: principal.role,
    apiKeyId: principal.apiKeyId,
    scopes: principal.scopes,
  };
}

/**
 * onRequest: authenticates a bearer access token or an `x-api-key` and sets
 * request.auth. 401 unauthorized (nothing sent), token_expired (refresh and
 * retry) or invalid_token (tampered, revoked, unknown key), each with
 * WWW-Authenticate; 403 account_frozen.
 */
export async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const header = request.headers.authorization;
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey !== '') {
    if (header) throw tokenError('invalid_token', 'Send either a bearer token or an API key, not both');
    request.auth = await fromApiKey(request, apiKey);
    return;
  }
  if (!header) throw missing();
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
  if (!match) throw tokenError('invalid_token', 'The Authorization header must be "Bearer <token>"');
  request.auth = await fromBearer(request, match[1]!);
}

/** preHandler (after authenticate): 403 forbidden unless the caller has one of the roles. */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!roles.includes(authOf(request).role)) throw forbidden();
  };
}

/**
 * preHandler (after authenticate): an API key must carry the scope (or `*`,
 * or `<resource>:*`); an interactive session is limited by its role only.
 */
export function requireScope(scope: string) {
  const resource = scope.split(':')[0];
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const { scopes } = authOf(request);
    if (scopes === undefined) return;
    if (scopes.includes('*') || scopes.includes(scope) || scopes.includes(`${resource}:*`)) return;
    throw forbidden(`This API key lacks the scope ${scope}`);
  };
}

/** preHandler (after authenticate): refuses API keys where a person must be present (managing API keys). */
export async function requireSession(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (authOf(request).apiKeyId !== undefined)
    throw forbidden('This action needs a logged-in session, not an API key');
}
