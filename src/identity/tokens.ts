import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
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

/** Imported HMAC keys by secret: handing jose raw bytes made it import the key again on every call. */
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();

function keyOf(config: SecretConfig): Promise<webcrypto.CryptoKey> {
  let key = keys.get(config.jwtSecret);
  if (!key) {
    key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(config.jwtSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    // A process has one secret (tests a few); bounded all the same.
    if (keys.size >= 16) keys.clear();
    keys.set(config.jwtSecret, key);
    const secret = config.jwtSecret;
    key.catch(() => keys.delete(secret)); // the caller sees the error; the next call tries again
  }
  return key;
}

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
    .sign(await keyOf(config));
}

/** Most tokens remembered as verified; the oldest is forgotten first. */
export const MAX_VERIFIED_TOKENS = 10_000;

/**
 * Tokens whose signature and claims were verified, by secret, then audience
 * and the token itself: the same string carries the same signature, so it
 * need not be checked again (a client sends one access token for 15 minutes).
 * Only expiry changes with time: it is checked on every use. Refused tokens
 * are never remembered.
 */
const verified = new Map<string, { payload: JWTPayload; exp: number }>();

async function verifyJwt(config: SecretConfig, token: string, audience: string): Promise<JWTPayload> {
  if (token.length > MAX_JWT_LENGTH) throw tokenError('invalid_token', 'The token is not valid');
  const memo = `${config.jwtSecret}\u0000${audience}\u0000${token}`;
  const known = verified.get(memo);
  if (known) {
    // As jose decides it: expired once exp is not after the current whole second.
    if (known.exp <= Math.floor(Date.now() / 1000))
      throw tokenError('token_expired', 'The token has expired');
    return known.payload;
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, await keyOf(config), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience,
      requiredClaims: ['sub', 'iat', 'exp'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw tokenError('token_expired', 'The token has expired');
    throw tokenError('invalid_token', 'The token is not valid');
  }
  if (verified.size >= MAX_VERIFIED_TOKENS) verified.delete(verified.keys().next().value as string);
  verified.set(memo, { payload, exp: payload.exp! });
  return payload;
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
    .sign(await keyOf(config));
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
