/** The in-app list: a person's in_app messages, newest first, and their read marks. */
import type { Queryable } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { decodeCursorAs, encodeCursor, pageSize } from '../http/pagination.js';

export interface NotificationView {
  id: string;
  template: string;
  subject: string;
  text: string;
  createdAt: string;
  readAt: string | null;
}

interface Row {
  id: string;
  template: string;
  subject: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

const view = (r: Row): NotificationView => ({
  id: r.id,
  template: r.template,
  subject: r.subject,
  text: r.body,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** One page, keyset-paginated by (created_at, id), with the unread count. */
export async function listNotifications(
  db: Queryable,
  userId: string,
  q: { cursor?: string; limit?: number; unread?: boolean },
) {
  const limit = pageSize(q.limit, 20);
  const [at, id] = q.cursor ? decodeCursorAs(q.cursor, ['timestamp', 'uuid']) : [null, null];
  const { rows } = await db.query<Row>(
    `SELECT id, template, subject, body, created_at, read_at FROM notifications.messages
      WHERE user_id = $1 AND channel = 'in_app' AND (NOT $5::boolean OR read_at IS NULL)
        AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
      ORDER BY created_at DESC, id DESC LIMIT $4`,
    [userId, at, id, limit + 1, q.unread ?? false],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(view),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    unread: await unreadCount(db, userId),
  };
}

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications.messages
      WHERE user_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
    [userId],
  );
  return rows[0]?.n ?? 0;
}

/** Marks one of the person's notifications read (again: no change); another's is 404. */
export async function markRead(db: Queryable, userId: string, id: string): Promise<NotificationView> {
  const { rows } = await db.query<Row>(
    `UPDATE notifications.messages SET read_at = COALESCE(read_at, now())
      WHERE id = $1 AND user_id = $2 AND channel = 'in_app'
      RETURNING id, template, subject, body, created_at, read_at`,
    [id, userId],
  );
  if (!rows[0]) throw new AppError('not_found', 'Notification not found');
  return view(rows[0]);
}

/** Marks every unread notification of the person read; returns how many it marked. */
export async function markAllRead(db: Queryable, userId: string): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications.messages SET read_at = now()
      WHERE user_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
    [userId],
  );
  return rowCount ?? 0;
}

export const SANDBOX_INBOX_LIMIT = 100;

/** The sandbox inbox, newest first (the last SANDBOX_INBOX_LIMIT messages). */
export async function sandboxInbox(db: Queryable, to?: string) {
  const { rows } = await db.query<{
    recipient: string;
    channel: string;
    subject: string;
    body: string;
    created_at: Date;
  }>(
    `SELECT recipient, channel, subject, body, created_at FROM notifications.sandbox_inbox
      WHERE ($1::text IS NULL OR recipient = $1) ORDER BY id DESC LIMIT $2`,
    [to ?? null, SANDBOX_INBOX_LIMIT],
  );
  return rows.map((r) => ({
    to: r.recipient,
    channel: r.channel,
    subject: r.subject,
    text: r.body,
    createdAt: r.created_at.toISOString(),
  }));
}
