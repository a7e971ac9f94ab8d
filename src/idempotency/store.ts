import { createHash } from 'node:crypto';
import type { Db, Queryable, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';

/**
 * The idempotency store (database only; completeMany is the ledger batcher's
 * writer). The HTTP side, which reads the header and replays answers, is
 * http.ts.
 *
 * Idempotency keys for money-moving POSTs.
 * - `Idempotency-Key` is required: 400 idempotency_key_required without it.
 * - Scoped to the caller; stored with a hash of method, path and body.
 * - A replay answers the stored status and body with `Idempotent-Replayed: true`.
 * - The same key with another body: 422 idempotency_key_reused.
 * - While the first request runs: 409 request_in_progress.
 * - The completed response is written in the same database transaction as the
 *   money movement (see {@link completeIdempotent}), so they commit together.
 * - A request refused by validation saves nothing (the key can be used again).
 * - An in-progress claim older than STALE_MS (a crashed process) can be taken over:
 *   its money movement never committed, because completion commits with it.
 */
const STALE_MS = 60_000;
/** Keys are kept at least this long, then pruned by the worker. */
export const RETENTION_MS = 24 * 3600 * 1000;

export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
}

/** 422: the key was used for another request. */
export const keyReused = () =>
  new AppError(
    'idempotency_key_reused',
    'This Idempotency-Key was used with a different request; use a new key for a new request',
  );

/** 409: the first request with the key has not finished. */
export const keyInProgress = () =>
  new AppError(
    'request_in_progress',
    'A request with this Idempotency-Key is still being processed; retry shortly',
  );

export type BeginResult =
  | { kind: 'fresh'; claim: IdempotencyClaim }
  | { kind: 'replay'; status: number; body: string };

/** The JSON text of a response body: money (bigint) as a JSON integer. Stored and replayed byte for byte. */
export function serializeBody(body: unknown): string {
  return JSON.stringify(body, (_k, v) => {
    if (typeof v !== 'bigint') return v;
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
      throw new RangeError('amount beyond JSON safe range');
    return Number(v);
  });
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('base64url');
}

/** Claims the key for this request, or tells how to answer a repeat. */
export async function beginIdempotent(
  db: Db,
  scope: string,
  key: string,
  hash: string,
): Promise<BeginResult> {
  const claim = { scope, key, requestHash: hash };
  const inserted = await db.query(
    `INSERT INTO idempotency.keys (scope, key, request_hash, status) VALUES ($1, $2, $3, 'in_progress')
     ON CONFLICT (scope, key) DO NOTHING`,
    [scope, key, hash],
  );
  if (inserted.rowCount === 1) return { kind: 'fresh', claim };
  const { rows } = await db.query<{
    request_hash: string;
    status: 'in_progress' | 'done';
    response_status: number | null;
    response_body: string | null;
    stale: boolean;
  }>(
    `SELECT request_hash, status, response_status, response_body,
            locked_at < now() - make_interval(secs => $3::double precision / 1000) AS stale
       FROM idempotency.keys WHERE scope = $1 AND key = $2`,
    [scope, key, STALE_MS],
  );
  const row = rows[0];
  if (!row) return beginIdempotent(db, scope, key, hash); // pruned between the two statements
  if (row.request_hash !== hash) throw keyReused();
  if (row.status === 'done')
    return { kind: 'replay', status: Number(row.response_status), body: row.response_body ?? '' };
  if (row.stale && (await takeOver(db, claim))) return { kind: 'fresh', claim };
  throw keyInProgress();
}

/** Why a claim made inside a ledger batch did not go ahead (undefined: it is this request's). */
export type ClaimVerdict =
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'reused' }
  | { kind: 'in_progress' };

interface KeyRow {
  scope: string;
  key: string;
  request_hash: string;
  status: 'in_progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  stale: boolean;
}

/** The answer a stored key gives a request with this hash; undefined when it is abandoned (stale) and may be taken over. */
function verdictOf(row: KeyRow, hash: string): ClaimVerdict | undefined {
  if (row.request_hash !== hash) return { kind: 'reused' };
  if (row.status === 'done')
    return { kind: 'replay', status: Number(row.response_status), body: row.response_body ?? '' };
  return row.stale ? undefined : { kind: 'in_progress' };
}

/** The stored keys of these claims (the request's own insert is not among them). */
async function storedKeys(tx: Queryable, claims: readonly IdempotencyClaim[]): Promise<Map<string, KeyRow>> {
  const { rows } = await tx.query<KeyRow>(
    `SELECT k.scope, k.key, k.request_hash, k.status, k.response_status, k.response_body,
            k.locked_at < now() - make_interval(secs => $3::double precision / 1000) AS stale
       FROM idempotency.keys k
       JOIN unnest($1::text[], $2::text[]) AS c(scope, key) ON k.scope = c.scope AND k.key = c.key`,
    [claims.map((c) => c.scope), claims.map((c) => c.key), STALE_MS],
  );
  return new Map(rows.map((r) => [`${r.scope}\u0000${r.key}`, r]));
}

/**
 * Claims many keys inside a batch's transaction (the ledger batcher's
 * checker): one INSERT for all; only the keys that already existed are read.
 * A claim that commits is always completed in the same transaction, so
 * another process's concurrent claim of the same key waits on the unique
 * index and then sees the stored answer. Keys go in sorted, so two batches
 * never wait on each other in opposite orders.
 */
export async function claimMany(
  tx: Tx,
  claims: readonly IdempotencyClaim[],
): Promise<(ClaimVerdict | undefined)[]> {
  const { rows } = await tx.query<{ scope: string; key: string }>(
    `INSERT INTO idempotency.keys (scope, key, request_hash, status)
     SELECT scope, key, hash, 'in_progress' FROM unnest($1::text[], $2::text[], $3::text[]) AS c(scope, key, hash)
      ORDER BY scope, key
     ON CONFLICT (scope, key) DO NOTHING RETURNING scope, key`,
    [claims.map((c) => c.scope), claims.map((c) => c.key), claims.map((c) => c.requestHash)],
  );
  const id = (c: { scope: string; key: string }) => `${c.scope}\u0000${c.key}`;
  const fresh = new Set(rows.map(id));
  const taken = new Set<string>();
  const existing = claims.filter((c) => !fresh.has(id(c)));
  const stored = existing.length > 0 ? await storedKeys(tx, existing) : new Map<string, KeyRow>();
  const verdicts: (ClaimVerdict | undefined)[] = [];
  for (const c of claims) {
    const k = id(c);
    if (fresh.has(k) && !taken.has(k)) {
      taken.add(k);
      verdicts.push(undefined);
      continue;
    }
    const row = stored.get(k);
    // The same key twice in one batch: the second is in progress behind the first.
    if (!row || taken.has(k)) {
      verdicts.push({ kind: 'in_progress' });
      continue;
    }
    const verdict = verdictOf(row, c.requestHash);
    if (verdict !== undefined) {
      verdicts.push(verdict);
      continue;
    }
    const mine = await takeOver(tx, c);
    if (mine) taken.add(k);
    verdicts.push(mine ? undefined : { kind: 'in_progress' });
  }
  return verdicts;
}

/** Takes over an abandoned (stale) in-progress claim; false when someone else did first. */
async function takeOver(db: Queryable, claim: IdempotencyClaim): Promise<boolean> {
  const taken = await db.query(
    `UPDATE idempotency.keys SET locked_at = now()
      WHERE scope = $1 AND key = $2 AND status = 'in_progress'
        AND locked_at < now() - make_interval(secs => $3::double precision / 1000)`,
    [claim.scope, claim.key, STALE_MS],
  );
  return taken.rowCount === 1;
}

/** What a stored key says to a request that was refused before reaching the batch (a retry of one that got through). */
export async function storedVerdict(db: Db, claim: IdempotencyClaim): Promise<ClaimVerdict | undefined> {
  const stored = await storedKeys(db, [claim]);
  const row = stored.get(`${claim.scope}\u0000${claim.key}`);
  if (!row) return undefined;
  return verdictOf(row, claim.requestHash) ?? { kind: 'in_progress' };
}

/** Stores the final response; call it in the transaction that moves the money. */
export async function completeIdempotent(tx: Tx, claim: IdempotencyClaim, status: number, body: unknown) {
  await completeMany(tx, [{ claim, status, body }]);
}

export interface Completion {
  claim: IdempotencyClaim;
  status: number;
  body: unknown;
}

/** Stores several final responses in one statement (the ledger batcher's writer). */
export async function completeMany(tx: Tx, rows: readonly Completion[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `UPDATE idempotency.keys k
        SET status = 'done', response_status = v.status, response_body = v.body, completed_at = now()
       FROM (SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::text[]) AS t(scope, key, status, body)) v
      WHERE k.scope = v.scope AND k.key = v.key`,
    [
      rows.map((r) => r.claim.scope),
      rows.map((r) => r.claim.key),
      rows.map((r) => r.status),
      rows.map((r) => serializeBody(r.body)),
    ],
  );
}

/** Releases a claim whose request was refused before anything moved, so the key can be used again. */
export async function releaseIdempotent(db: Db, claim: IdempotencyClaim): Promise<void> {
  await db.query(`DELETE FROM idempotency.keys WHERE scope = $1 AND key = $2 AND status = 'in_progress'`, [
    claim.scope,
    claim.key,
  ]);
}

/** Deletes keys older than the retention, at most `limit` per run. */
export async function pruneIdempotencyKeys(
  db: Db,
  limit = 5_000,
  retentionMs = RETENTION_MS,
): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM idempotency.keys WHERE ctid = ANY (ARRAY(
       SELECT ctid FROM idempotency.keys
        WHERE created_at < now() - make_interval(secs => $1::double precision / 1000) LIMIT $2))`,
    [retentionMs, limit],
  );
  return rowCount;
}
