import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden } from '../errors/index.js';
import { type ApiKeyPrincipal, findApiKeyById } from './api-keys.js';
import { apiKeyFacts, apiKeyFactsById, sessionFacts } from './facts.js';
import { checkPin, PIN_HEADER } from './pin.js';
import { readSession, type SessionFacts } from './sessions.js';
import { touchSession } from './session-touch.js';
import { tokenError, verifyAccessToken, verifyStreamToken } from './tokens.js';
import type { AuthContext, Role } from './types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authenticate preHandler; read it with authOf(request). */
    auth?: AuthContext;
  }
}

const missing = () =>
  new AppError(
    'unauthorized',
    'Authentication is required: send a bearer token or an x-api-key header',
    {},
    {
      'www-authenticate': 'Bearer realm="vendra"',
    },
  );

const frozen = () => new AppError('account_frozen', 'This account is frozen; contact support');

/** The authenticated caller of a request that passed authenticate; 401 if it did not. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw missing();
  return request.auth;
}

/**
 * The caller of a login session, from its facts as the process's identity
 * cache knows them (a demotion, a freeze or a logout drops the entry through
 * its notice, so it takes effect at once) or as just read. Expiry is checked
 * against the clock on every request.
 */
function fromSession(session: SessionFacts | undefined, userId: string, sessionId: string): AuthContext {
  if (!session || session.userId !== userId || session.revoked || session.expiresAt <= Date.now()) {
    throw tokenError('invalid_token', 'The session has ended; log in again');
  }
  if (session.status !== 'active') throw frozen();
  return { userId, role: session.role, sessionId };
}

async function fromBearer(request: FastifyRequest, token: string): Promise<AuthContext> {
  const claims = await verifyAccessToken(request.server.ctx.config, token);
  const { db } = request.server.ctx;
  const auth = fromSession(await sessionFacts(db, claims.sessionId), claims.userId, claims.sessionId);
  await touchSession(db, claims.sessionId);
  return auth;
}

function fromPrincipal(principal: ApiKeyPrincipal | undefined): AuthContext {
  if (!principal || principal.expiresAt <= Date.now())
    throw tokenError('invalid_token', 'The API key is not valid');
  if (principal.status !== 'active') throw frozen();
  return {
    userId: principal.userId,
    role: principal.role,
    apiKeyId: principal.apiKeyId,
    scopes: principal.scopes,
  };
}

async function fromApiKey(request: FastifyRequest, key: string): Promise<AuthContext> {
  return fromPrincipal(await apiKeyFacts(request.server.ctx.db, key));
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

/**
 * onRequest for the event stream, which EventSource opens without headers:
 * a `?token=` stream token (bound to the session or API key that asked for
 * it, both checked as still active), else authenticate.
 */
export async function authenticateStream(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = (request.query as { token?: unknown } | undefined)?.token;
  if (typeof token !== 'string' || token === '') return authenticate(request, reply);
  const claims = await verifyStreamToken(request.server.ctx.config, token);
  const { db } = request.server.ctx;
  if (claims.sessionId) {
    request.auth = fromSession(await sessionFacts(db, claims.sessionId), claims.userId, claims.sessionId);
    return;
  }
  const principal = await apiKeyFactsById(db, claims.apiKeyId!);
  request.auth = fromPrincipal(principal?.userId === claims.userId ? principal : undefined);
}

/**
 * Whether the session or API key behind auth is still active and its user not
 * frozen, read from the database (never the cache): a stream checks this
 * after subscribing, to catch a change that committed just before.
 */
export async function authIsCurrent(request: FastifyRequest, auth: AuthContext): Promise<boolean> {
  const { db } = request.server.ctx;
  try {
    if (auth.sessionId) fromSession(await readSession(db, auth.sessionId), auth.userId, auth.sessionId);
    else if (auth.apiKeyId) fromPrincipal(await findApiKeyById(db, auth.apiKeyId));
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** preHandler (after authenticate): 403 forbidden unless the caller has one of the roles. */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!roles.includes(authOf(request).role)) throw forbidden();
  };
}

/**
 * preHandler (after authenticate): an API key must carry the scope (or `*`,
 * or `<resource>:*`), else 403 insufficient_scope; an interactive session is
 * limited by its role only.
 */
export function requireScope(scope: string) {
  const resource = scope.split(':')[0];
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const { scopes } = authOf(request);
    if (scopes === undefined) return;
    if (scopes.includes('*') || scopes.includes(scope) || scopes.includes(`${resource}:*`)) return;
    throw new AppError('insufficient_scope', `This API key lacks the scope ${scope}`, {
      requiredScope: scope,
    });
  };
}

/** preHandler (after authenticate): refuses API keys where a person must be present (managing API keys). */
export async function requireSession(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (authOf(request).apiKeyId !== undefined)
    throw forbidden('This action needs a logged-in session, not an API key');
}

/**
 * onRequest (after authenticate): a login session, whatever its role, must
 * send its transaction PIN in x-transaction-pin (403 pin_required,
 * pin_not_set, pin_invalid; 423 pin_locked); an API key (server to server)
 * never does. It runs before the body is read and before the handler claims
 * the Idempotency-Key, so a refused request stores nothing.
 */
export async function requirePin(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const auth = authOf(request);
  if (auth.apiKeyId !== undefined) return;
  const header = request.headers[PIN_HEADER];
  const { db, config } = request.server.ctx;
  await checkPin(db, config.pinHmacKey, auth.userId, typeof header === 'string' ? header : undefined);
}

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** What a route requires of its caller. */
export interface AccessRule {
  /** The API-key scope the route needs, `<resource>:<action>`. */
  scope: string;
  /** Only these roles may call (any authenticated user when omitted). */
  roles?: readonly Role[];
  /** A person must be present: API keys are refused (403 forbidden), whatever their scopes. */
  sessionOnly?: boolean;
  /** Replaces authenticate (the event stream also accepts a stream token). */
  authenticate?: Hook;
  /** Moves money: a login session must send its transaction PIN (requirePin); API keys are not asked. */
  pin?: boolean;
  /** A write the read-only support role may make (opening a dispute for a customer); every other write refuses it. */
  supportMay?: boolean;
}

/** Methods that change nothing: the only ones the support role may call, bar the routes marked supportMay. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * onRequest (after authenticate): the support role reads. Any write (a
 * customer's route such as a transfer included) is 403 forbidden unless the
 * route is marked supportMay.
 */
function supportReadsOnly(rule: AccessRule): Hook {
  return async (request) => {
    if (authOf(request).role !== 'support' || rule.supportMay || READ_METHODS.has(request.method)) return;
    throw forbidden('Support staff can look but not change anything here');
  };
}

/** Staff routes readable by support: where operators may call, support may call too (reads, see above). */
function withSupport(roles: readonly Role[]): Role[] {
  return roles.includes('operator') && !roles.includes('support') ? [...roles, 'support'] : [...roles];
}

/** The scope hook of every access() list, so the route table can tell which routes declared access. */
const declared = new WeakMap<Hook, AccessRule>();

/**
 * The onRequest hooks of a route that needs a caller: authenticate, the
 * roles, the API key's scope, (sessionOnly) no API key and (pin) the
 * transaction PIN of a session. The scope hook
 * marks the route as declared; the app refuses to start with a /v1/ route
 * that neither declares access nor is in PUBLIC_ROUTES.
 */
export function access(rule: AccessRule): Hook[] {
  const scoped = requireScope(rule.scope);
  declared.set(scoped, rule);
  const hooks: Hook[] = [rule.authenticate ?? authenticate];
  if (rule.roles) hooks.push(requireRole(...withSupport(rule.roles)));
  hooks.push(supportReadsOnly(rule));
  hooks.push(scoped);
  if (rule.sessionOnly) hooks.push(requireSession);
  if (rule.pin) hooks.push(requirePin);
  return hooks;
}

/** The access rule a route's onRequest hooks declare, if any. */
export function accessRuleOf(onRequest: unknown): AccessRule | undefined {
  const hooks = Array.isArray(onRequest) ? onRequest : [onRequest];
  for (const hook of hooks) {
    const rule = typeof hook === 'function' ? declared.get(hook as Hook) : undefined;
    if (rule) return rule;
  }
  return undefined;
}

/**
 * Staff: operators and admins. Support (read-only staff) is let in too on
 * these routes' reads (access() adds it and refuses its writes); list it
 * here only where it is all staff alike.
 */
export const STAFF: readonly Role[] = ['operator', 'admin'];
/** Every staff role, support included: for routes support may use in full. */
export const ALL_STAFF: readonly Role[] = ['support', 'operator', 'admin'];
