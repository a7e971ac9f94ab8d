import type { Tx } from '../db/index.js';
import { decodeCursorAs, encodeCursor, pageSize } from '../http/pagination.js';
import { stringifyJson } from '../outbox/index.js';

export interface AuditInput {
  /** The operator/admin who acted; null for the system (startup, CLI). */
  actorId: string | null;
  /** Dotted verb, e.g. `user.freeze`, `api_key.create`. */
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  reason?: string;
  requestId?: string;
}

export interface AuditRecord extends Omit<AuditInput, 'reason' | 'requestId'> {
  id: string;
  /** The actor's email, for people reading the log; null for the system or a deleted user. */
  actorEmail: string | null;
  /** For a user target, that user's email. */
  targetEmail: string | null;
  reason: string | null;
  requestId: string | null;
  createdAt: Date;
}

const MAX_SNAPSHOT_BYTES = 32 * 1024;

/** Serialises a before/after snapshot (bigint as string); null stays SQL NULL. */
function snapshot(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const json = stringifyJson(value);
  if (Buffer.byteLength(json) > MAX_SNAPSHOT_BYTES) throw new Error('audit snapshot is too large');
  return json;
}

/**
 * Appends an audit record in the caller's transaction, so the record exists
 * exactly when the action committed. The table is append-only (a trigger
 * refuses UPDATE and DELETE).
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.query(
    `INSERT INTO identity.audit_log (actor_id, action, target_type, target_id, before, after, reason, request_id)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)`,
    [
      input.actorId,
      input.action,
      input.targetType,
      input.targetId,
      snapshot(input.before),
      snapshot(input.after),
      input.reason?.slice(0, 500) ?? null,
      input.requestId?.slice(0, 64) ?? null,
    ],
  );
}

/** Audit records, newest first, filtered by actor and/or action; limit <= 100. */
/** What the audit log can be narrowed to; all optional, combined with AND. */
export interface AuditFilter {
  actorId?: string;
  /** The actor's email (any case). */
  actorEmail?: string;
  /** An action, or a family of them when it ends with a dot (`user.`). */
  action?: string;
  targetType?: string;
  /** The target's id, or a user target's email. */
  target?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  cursor?: string;
}

export async function listAudit(
  tx: Tx,
  filter: AuditFilter = {},
): Promise<{ data: AuditRecord[]; nextCursor: string | null }> {
  const limit = pageSize(filter.limit);
  let before: string | null = null;
  if (filter.cursor !== undefined) {
    [before = null] = decodeCursorAs(filter.cursor, ['seq']);
  }
  const { rows } = await tx.query<{
    id: bigint;
    actor_id: string | null;
    actor_email: string | null;
    target_email: string | null;
    action: string;
    target_type: string;
    target_id: string | null;
    before: unknown;
    after: unknown;
    reason: string | null;
    request_id: string | null;
    created_at: Date;
  }>(
    `SELECT a.id, a.actor_id, actor.email AS actor_email, a.action, a.target_type, a.target_id,
            target.email AS target_email, a.before, a.after, a.reason, a.request_id, a.created_at
     FROM identity.audit_log a
     LEFT JOIN identity.users actor ON actor.id = a.actor_id
     -- CASE: the cast is evaluated only for a user target whose id is a UUID
     LEFT JOIN identity.users target ON target.id = CASE
       WHEN a.target_type = 'user' AND a.target_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       THEN a.target_id::uuid END
     WHERE ($1::bigint IS NULL OR a.id < $1::bigint)
       AND ($2::uuid IS NULL OR a.actor_id = $2::uuid)
       AND ($3::text IS NULL OR a.action = $3 OR (right($3, 1) = '.' AND starts_with(a.action, $3)))
       AND ($5::text IS NULL OR actor.email = lower($5))
       AND ($6::text IS NULL OR a.target_type = $6)
       AND ($7::text IS NULL OR a.target_id = $7 OR target.email = lower($7))
       AND ($8::timestamptz IS NULL OR a.created_at >= $8)
       AND ($9::timestamptz IS NULL OR a.created_at < $9)
     ORDER BY a.id DESC LIMIT $4`,
    [
      before,
      filter.actorId ?? null,
      filter.action ?? null,
      limit + 1,
      filter.actorEmail?.trim() || null,
      filter.targetType ?? null,
      filter.target?.trim() || null,
      filter.from ?? null,
      filter.to ?? null,
    ],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      id: String(r.id),
      actorId: r.actor_id,
      actorEmail: r.actor_email,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      targetEmail: r.target_email,
      before: r.before,
      after: r.after,
      reason: r.reason,
      requestId: r.request_id,
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.id)]) : null,
  };
}
