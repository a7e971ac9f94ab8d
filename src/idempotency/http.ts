import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/index.js';
import { authOf } from '../identity/index.js';
import {
  beginIdempotent,
  type ClaimVerdict,
  type IdempotencyClaim,
  keyInProgress,
  keyReused,
  releaseIdempotent,
  requestHash,
  serializeBody,
  storedVerdict,
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

/** The claim a request makes: its caller's scope, its key and the hash of what it asks. */
function claimOf(request: FastifyRequest): IdempotencyClaim {
  return {
    scope: scopeOf(request),
    key: keyOf(request),
    requestHash: requestHash(request.method, request.routeOptions.url ?? request.url, {
      params: request.params,
      body: request.body,
    }),
  };
}

/** A stored answer to send again, as it was sent the first time. */
export type Replay = { replay: { status: number; body: string } };

/** What a claim the ledger batch refused means to the caller: the stored answer, or a 422 or 409. */
export function answerOfVerdict(verdict: ClaimVerdict): Replay {
  if (verdict.kind === 'reused') throw keyReused();
  if (verdict.kind === 'in_progress') throw keyInProgress();
  return { replay: { status: verdict.status, body: verdict.body } };
}

/**
 * Requests of this process holding a key, with their request hash: a
 * concurrent repeat is told 409 (or 422) without a database round trip. As
 * large as the number of requests in flight, which the server bounds.
 */
const inFlight = new Map<string, string>();

/** Runs the handler; a refusal it throws before the batch is checked against a stored answer first. */
async function answerOf(
  request: FastifyRequest,
  claim: IdempotencyClaim,
  handler: (claim: IdempotencyClaim) => Promise<IdempotentResult | Replay>,
): Promise<IdempotentResult | Replay> {
  try {
    return await handler(claim);
  } catch (error) {
    if (
      !(error instanceof AppError) ||
      error.code === 'idempotency_key_reused' ||
      error.code === 'request_in_progress'
    )
      throw error;
    // A retry of a request that went through answers what it answered then,
    // even if it would be refused now (the recipient frozen since, say).
    const stored = await storedVerdict(request.server.ctx.db, claim);
    if (stored) return answerOfVerdict(stored);
    throw error;
  }
}

/**
 * idempotent() for handlers whose money moves through the ledger batch: the
 * claim is made inside the batch's transaction (the batcher's `idempotency`
 * checker) and completed there, so a request costs no round trip or commit of
 * its own for its key. The handler passes the claim to submitChecked and turns
 * a skipped item into answerOfVerdict(verdict). Nothing is stored for a
 * request refused before the batch.
 */
export async function idempotentInBatch(
  request: FastifyRequest,
  reply: FastifyReply,
  handler: (claim: IdempotencyClaim) => Promise<IdempotentResult | Replay>,
): Promise<unknown> {
  const claim = claimOf(request);
  const id = `${claim.scope}\u0000${claim.key}`;
  const holder = inFlight.get(id);
  if (holder !== undefined) throw holder === claim.requestHash ? keyInProgress() : keyReused();
  inFlight.set(id, claim.requestHash);
  try {
    const result = await answerOf(request, claim, handler);
    if ('replay' in result) {
      reply.header('idempotent-replayed', 'true');
      return send(reply, result.replay.status, result.replay.body);
    }
    return send(reply, result.status, serializeBody(result.body));
  } finally {
    inFlight.delete(id);
  }
}

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
  const { scope, key, requestHash: hash } = claimOf(request);
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
