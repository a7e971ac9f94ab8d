import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/index.js';
import { authOf } from '../identity/index.js';
import {
  beginIdempotent,
  type IdempotencyClaim,
  releaseIdempotent,
  requestHash,
  serializeBody,
} from './store.js';

/** The HTTP side of idempotency: the header, the caller's scope, replaying stored answers. */
export const HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;

/** Who a key belongs to: the API key when one is used, else the user. */
export function scopeOf(request: FastifyRequest): string {
  const auth = authOf(request);
  return auth.apiKeyId ? `key:${auth.apiKeyId}` : `user:${auth.userId}`;
}

/** Reads and checks the header; throws the 400 when it is missing or malformed. */
export function keyOf(request: FastifyRequest): string {
  const raw = request.headers[HEADER];
  if (raw === undefined || raw === '') {
    throw new AppError(
      'idempotency_key_required',
      'Send an Idempotency-Key header (a UUID) with this request',
    );
  }
  if (typeof raw !== 'string' || !KEY.test(raw)) {
    throw new AppError('invalid_idempotency_key', 'Idempotency-Key must be 1-255 printable ASCII characters');
  }
  return raw;
}

export type IdempotentResult = { status: number; body: unknown };

/** Sends pre-serialised JSON, bypassing the route's serializer, so a replay is the same bytes. */
function send(reply: FastifyReply, status: number, text: string) {
  reply.status(status).type(status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8');
  return reply.send(text);
}

/**
 * Runs a money-moving handler under an idempotency key. The handler receives
 * the claim and must write the completion in its money transaction (directly
 * or through the ledger batcher). Errors the handler throws before anything
 * moved release the claim, so nothing is saved for a refused request.
 */
export async function idempotent(
  request: FastifyRequest,
  reply: FastifyReply,
  handler: (claim: IdempotencyClaim) => Promise<IdempotentResult>,
): Promise<unknown> {
  const scope = scopeOf(request);
  const key = keyOf(request);
  const hash = requestHash(request.method, request.routeOptions.url ?? request.url, {
    params: request.params,
    body: request.body,
  });
  const begun = await beginIdempotent(request.server.ctx.db, scope, key, hash);
  if (begun.kind === 'replay') {
    reply.header('idempotent-replayed', 'true');
    return send(reply, begun.status, begun.body);
  }
  try {
    const result = await handler(begun.claim);
    return send(reply, result.status, serializeBody(result.body));
  } catch (error) {
    await releaseIdempotent(request.server.ctx.db, begun.claim).catch(() => {});
    throw error;
  }
}
