/** Disputes as customers see them: open one on a transaction, read them, write on them, withdraw. */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { transitionRow } from '../db/state-machine.js';
import { AppError, notFound } from '../errors/index.js';
import { decodeCursorAs, encodeCursor } from '../http/pagination.js';
import { publish } from '../outbox/index.js';
import {
  type DisputeReason,
  type DisputeStatus,
  disputeStates,
  OPEN_STATUSES,
  type SubjectType,
} from './states.js';
import { ownSubject } from './subjects.js';

export interface DisputeRow {
  id: string;
  tracking_number: string;
  user_id: string;
  subject_type: SubjectType;
  subject_id: string;
  reason: DisputeReason;
  description: string;
  status: DisputeStatus;
  amount: bigint;
  currency: string;
  acknowledged_at: Date;
  due_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

interface MessageRow {
  id: bigint;
  author: 'customer' | 'operator' | 'system';
  body: string;
  created_at: Date;
}

export const MAX_MESSAGES_PER_DISPUTE = 200;

const isOpen = (status: DisputeStatus) => OPEN_STATUSES.includes(status);

export const disputeView = (d: DisputeRow, now = new Date()) => ({
  id: d.id,
  trackingNumber: d.tracking_number,
  subjectType: d.subject_type,
  subjectId: d.subject_id,
  reason: d.reason,
  description: d.description,
  status: d.status,
  amount: d.amount,
  currency: d.currency.trim(),
  acknowledgedAt: d.acknowledged_at.toISOString(),
  dueAt: d.due_at.toISOString(),
  // Overdue: still open past the date the resolution was due (the SLA clock).
  overdue: isOpen(d.status) && d.due_at.getTime() < now.getTime(),
  resolvedAt: d.resolved_at?.toISOString() ?? null,
  resolutionReason: d.resolution_reason,
  createdAt: d.created_at.toISOString(),
  updatedAt: d.updated_at.toISOString(),
});

export type DisputeView = ReturnType<typeof disputeView>;

const messageView = (m: MessageRow) => ({
  id: String(m.id),
  author: m.author,
  body: m.body,
  createdAt: m.created_at.toISOString(),
});

export async function loadDispute(db: Queryable, id: string, lock = false): Promise<DisputeRow | undefined> {
  const { rows } = await db.query<DisputeRow>(
    `SELECT * FROM disputes.disputes WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function addMessage(
  tx: Tx,
  disputeId: string,
  author: MessageRow['author'],
  authorId: string | null,
  body: string,
): Promise<void> {
  await tx.query(
    'INSERT INTO disputes.messages (dispute_id, author, author_id, body) VALUES ($1, $2, $3, $4)',
    [disputeId, author, authorId, body.slice(0, 2000)],
  );
}

/** Tells the customer (notification consumer and live event) that their dispute changed. */
export async function publishUpdate(tx: Tx, d: DisputeRow, status: DisputeStatus, note: string) {
  await publish(tx, {
    type: 'dispute.updated',
    key: d.id,
    userId: d.user_id,
    payload: { disputeId: d.id, trackingNumber: d.tracking_number, status, note },
  });
}

/**
 * Opens a dispute on the customer's own transaction and acknowledges it at
 * once: a tracking number (DSP-<Lagos year>-<number>) and the date its
 * resolution is due (DISPUTE_SLA_DAYS). One open dispute per transaction: a
 * second is 409 dispute_already_open naming the first.
 */
export async function openDispute(
  ctx: AppContext,
  userId: string,
  input: { subjectType: SubjectType; subjectId: string; reason: DisputeReason; description: string },
  /** Staff opening it for the customer (support taking a complaint): written as theirs and audited with it. */
  openedBy?: { staffId: string; audit: (tx: Tx, d: DisputeRow) => Promise<void> },
): Promise<DisputeView> {
  const subject = await ownSubject(ctx, userId, input.subjectType, input.subjectId);
  const existing = await openOn(ctx.db, input.subjectType, input.subjectId);
  if (existing) throw alreadyOpen(existing);
  try {
    return await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<DisputeRow>(
        `INSERT INTO disputes.disputes (id, tracking_number, user_id, subject_type, subject_id, reason,
           description, amount, currency, due_at)
         VALUES ($1,
           'DSP-' || to_char(now() AT TIME ZONE 'Africa/Lagos', 'YYYY') || '-'
             || lpad(nextval('disputes.tracking_seq')::text, 6, '0'),
           $2, $3, $4, $5, $6, $7, $8, now() + make_interval(days => $9))
         RETURNING *`,
        [
          randomUUID(),
          userId,
          input.subjectType,
          input.subjectId,
          input.reason,
          input.description,
          subject.amount,
          subject.currency,
          ctx.config.disputeSlaDays,
        ],
      );
      const d = rows[0] as DisputeRow;
      if (openedBy) await addMessage(tx, d.id, 'operator', openedBy.staffId, input.description);
      else await addMessage(tx, d.id, 'customer', userId, input.description);
      await openedBy?.audit(tx, d);
      const note = `We received your complaint ${d.tracking_number}. We will resolve it by ${d.due_at.toISOString().slice(0, 10)}.`;
      await addMessage(tx, d.id, 'system', null, note);
      await publishUpdate(tx, d, 'opened', note);
      return disputeView(d);
    });
  } catch (error) {
    // Two at once: the partial unique index lets one in.
    if ((error as { code?: string }).code === '23505') {
      const first = await openOn(ctx.db, input.subjectType, input.subjectId);
      if (first) throw alreadyOpen(first);
    }
    throw error;
  }
}

async function openOn(db: Queryable, type: SubjectType, id: string) {
  const { rows } = await db.query<DisputeRow>(
    `SELECT * FROM disputes.disputes WHERE subject_type = $1 AND subject_id = $2
        AND status IN ('opened', 'under_review')`,
    [type, id],
  );
  return rows[0];
}

const alreadyOpen = (d: DisputeRow) =>
  new AppError('dispute_already_open', `Dispute ${d.tracking_number} is already open on this transaction`, {
    disputeId: d.id,
    trackingNumber: d.tracking_number,
  });

export interface DisputeFilter {
  userId?: string;
  status?: DisputeStatus;
  overdue?: boolean;
  cursor?: string;
  limit?: number;
}

/** Disputes newest first, keyset-paginated by (created_at, id); `overdue`: open past their due date. */
export async function listDisputes(db: Queryable, f: DisputeFilter) {
  const limit = Math.min(Math.max(f.limit ?? 20, 1), 100);
  let cursorAt: Date | null = null;
  let cursorId: string | null = null;
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursorAs(f.cursor, ['timestamp', 'uuid']);
    cursorAt = new Date(at!);
    cursorId = id!;
  }
  const { rows } = await db.query<DisputeRow>(
    `SELECT * FROM disputes.disputes
      WHERE ($1::uuid IS NULL OR user_id = $1)
        AND ($2::text IS NULL OR status = $2)
        AND ($3::boolean IS NULL OR ($3 = (status IN ('opened', 'under_review') AND due_at < now())))
        AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $6`,
    [f.userId ?? null, f.status ?? null, f.overdue ?? null, cursorAt, cursorId, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((d) => disputeView(d)),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
}

/** One dispute with its messages, oldest first; another customer's is 404. */
export async function getDispute(db: Queryable, id: string, userId?: string) {
  const d = await loadDispute(db, id);
  if (!d || (userId !== undefined && d.user_id !== userId)) throw notFound('Dispute');
  const { rows } = await db.query<MessageRow>(
    'SELECT id, author, body, created_at FROM disputes.messages WHERE dispute_id = $1 ORDER BY id LIMIT $2',
    [id, MAX_MESSAGES_PER_DISPUTE],
  );
  return { ...disputeView(d), messages: rows.map(messageView) };
}

const notOpen = (d: Pick<DisputeRow, 'status' | 'tracking_number'>) =>
  new AppError('dispute_not_open', `Dispute ${d.tracking_number} is ${d.status}: it can no longer change`, {
    disputeStatus: d.status,
  });

/** A message on an open dispute, by its customer or an operator (at most MAX_MESSAGES_PER_DISPUTE). */
export async function postMessage(
  ctx: AppContext,
  author: { role: 'customer' | 'operator'; userId: string },
  id: string,
  body: string,
) {
  await ctx.db.transaction(async (tx) => {
    const d = await loadDispute(tx, id, true);
    if (!d || (author.role === 'customer' && d.user_id !== author.userId)) throw notFound('Dispute');
    if (!isOpen(d.status)) throw notOpen(d);
    const { rows } = await tx.query<{ n: bigint }>(
      'SELECT count(*) AS n FROM disputes.messages WHERE dispute_id = $1',
      [id],
    );
    if ((rows[0]?.n ?? 0n) >= BigInt(MAX_MESSAGES_PER_DISPUTE))
      throw new AppError(
        'dispute_not_open',
        'This dispute has too many messages; an operator will contact you',
      );
    await addMessage(tx, id, author.role, author.userId, body);
    if (author.role === 'operator') await publishUpdate(tx, d, d.status, 'An operator wrote on your dispute');
  });
  return getDispute(ctx.db, id, author.role === 'customer' ? author.userId : undefined);
}

/** The customer withdraws their open dispute. */
export async function withdrawDispute(ctx: AppContext, userId: string, id: string) {
  await ctx.db.transaction(async (tx) => {
    const d = await loadDispute(tx, id, true);
    if (!d || d.user_id !== userId) throw notFound('Dispute');
    if (!disputeStates.allows(d.status, 'withdrawn')) throw notOpen(d);
    await transitionRow(tx, disputeStates, {
      table: 'disputes.disputes',
      id,
      from: d.status,
      to: 'withdrawn',
      set: { resolved_at: 'now()', updated_at: 'now()' },
    });
    await addMessage(tx, id, 'system', null, 'Withdrawn by the customer');
    await publishUpdate(tx, d, 'withdrawn', 'You withdrew this dispute');
  });
  return getDispute(ctx.db, id, userId);
}

export { notOpen };
