import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../errors/index.js';
import { ROLES, type Role } from './types.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const STREAM_TOKEN_TTL_SECONDS = 60;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3_600_000;
/** A login session ends after this however often it is refreshed. */
export const SESSION_MAX_TTL_MS = 90 * 24 * 3_600_000;
const ISSUER = 'vendra';
const ACCESS_AUDIENCE = 'vendra-api';
const STREAM_AUDIENCE = 'vendra-stream';
const MAX_JWT_LENGTH = 2048;

type SecretConfig = { jwtSecret: string };

const keyOf = (config: SecretConfig) => new TextEncoder().encode(config.jwtSecret);

export interface AccessClaims {
  userId: string;
  role: Role;
  sessionId: string;
}

/** A 401 whose code tells the client what to do: refresh (token_expired) or log in again (invalid_token). */
export function tokenError(code: 'token_expired' | 'invalid_token', message: string): AppError {
  const description = message.replace(/["\\]/g, '');
  return new AppError(
    code,
    message,
    {},
    {
      'www-authenticate': `Bearer realm="vendra", error="invalid_token", error_description="${description}"`,
    },
  );
}

/** An HS256 access token: sub, role, sid, iat, exp (15 min), iss and aud. */
export async function issueAccessToken(config: SecretConfig, claims: AccessClaims): Promise<string> {
  return new SignJWT({ role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(ACCESS_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(keyOf(config));
}

async function verifyJwt(config: SecretConfig, token: string, audience: string) {
  if (token.length > MAX_JWT_LENGTH) throw tokenError('invalid_token', 'The token is not valid');
  try {
    const { payload } = await jwtVerify(token, keyOf(config), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw tokenError('token_expired', 'The token has expired');
    throw tokenError('invalid_token', 'The token is not valid');
  }
}

/** Verifies an access token; 401 token_expired or invalid_token. */
export async function verifyAccessToken(config: SecretConfig, token: string): Promise<AccessClaims> {
  const payload = await verifyJwt(config, token, ACCESS_AUDIENCE);
  const { sub, role, sid } = payload as { sub?: unknown; role?: unknown; sid?: unknown };
  if (typeof sub !== 'string' || typeof sid !== 'string' || !ROLES.includes(role as Role)) {
    throw tokenError('invalid_token', 'The token is not valid');
  }
  return { userId: sub, role: role as Role, sessionId: sid };
}

/** What a stream token is bound to: the login session, or the API key, that asked for it. */
export interface StreamBinding {
  sessionId?: string;
  apiKeyId?: string;
}

/**
 * A 60-second token for EventSource, which cannot send headers: pass it as
 * ?token= when opening the stream. It is only valid for the stream (its own
 * audience), never as a bearer token. It carries the session (sid) or API key
 * (kid) it was issued to, so the stream ends when that session or key does.
 */
export async function issueStreamToken(
  config: SecretConfig,
  userId: string,
  binding: StreamBinding,
): Promise<string> {
  const claims = binding.sessionId ? { sid: binding.sessionId } : { kid: binding.apiKeyId };
  if (!claims.sid && !claims.kid) throw new Error('issueStreamToken: a session or an API key is required');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(STREAM_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${STREAM_TOKEN_TTL_SECONDS}s`)
    .sign(keyOf(config));
}

/** The user and binding of a valid stream token; 401 token_expired or invalid_token. */
export async function verifyStreamToken(
  config: SecretConfig,
  token: string,
): Promise<StreamBinding & { userId: string }> {
  const payload = await verifyJwt(config, token, STREAM_AUDIENCE);
  const { sub, sid, kid } = payload as { sub?: unknown; sid?: unknown; kid?: unknown };
  if (typeof sub !== 'string') throw tokenError('invalid_token', 'The token is not valid');
  if (typeof sid === 'string') return { userId: sub, sessionId: sid };
  if (typeof kid === 'string') return { userId: sub, apiKeyId: kid };
  // A token bound to nothing could outlive every logout: refuse it.
  throw tokenError('invalid_token', 'The token is not valid');
}

/** sha256 hex: how refresh tokens and API keys are stored. They are random, so no salt or slow hash is needed. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A new opaque refresh token (32 random bytes, base64url) and its stored hash. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256Hex(token) };
}
