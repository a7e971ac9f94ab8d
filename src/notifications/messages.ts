/**
 * Messages: a request becomes one row per channel (ids derived from the source, so a redelivered
 * event writes nothing new), each email/SMS with a `notification.deliver` outbox event that the
 * deliver consumer sends, and each in-app one with a live `notification.created` event.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Tx } from '../db/index.js';
import { getUsers, type User } from '../identity/index.js';
import { notifyUsers, publish, publishMany } from '../outbox/index.js';
import {
  type Channel,
  CHANNELS,
  LOCKED_GROUPS,
  render,
  TEMPLATES,
  type TemplateData,
  type TemplateName,
} from './templates.js';

const NAMESPACE = '3b0f6a2e-9c41-4d7b-8e25-7a1c0d9f4e63';
export const DELIVER_EVENT = 'notification.deliver';
export const REQUESTED_EVENT = 'notification.requested';
export const CREATED_LIVE_EVENT = 'notification.created';

export interface NotificationInput {
  userId: string;
  template: TemplateName;
  data: TemplateData;
  /** Overrides the account's own contacts (e.g. an email address being verified). */
  to?: { email?: string; phone?: string };
  /** Default: the template's channels. */
  channels?: readonly Channel[];
  /**
   * Channels whose address need not be verified: the message that verifies that very address
   * (the link, the code), or a phone number the payer typed on the payment. Every other email or
   * SMS to an address that is not the account's verified one is skipped (recorded, not sent).
   */
  unverifiedOk?: readonly ('email' | 'sms')[];
}

export type SkipReason = 'email_unverified' | 'phone_unverified';

interface Recipient {
  address: string | null;
  skipped: SkipReason | null;
}

/** Where a channel's message goes, and whether it is skipped for an unverified address. */
function recipientOf(user: User, input: NotificationInput, channel: Channel): Recipient {
  if (channel === 'in_app') return { address: null, skipped: null };
  const email = channel === 'email';
  const address = (email ? (input.to?.email ?? user.email) : (input.to?.phone ?? user.phone)) ?? null;
  const verified = email
    ? address === user.email && user.emailVerified
    : address === user.phone && user.phoneVerified;
  const exempt = input.unverifiedOk?.includes(channel) ?? false;
  return {
    address,
    skipped: verified || exempt ? null : email ? 'email_unverified' : 'phone_unverified',
  };
}

/** The message id: one per (source, template, channel), however often the source is delivered. */
export const messageIdOf = (source: string, template: string, channel: Channel) =>
  uuidv5(`${source}|${template}|${channel}`, NAMESPACE);

/** One notification to compose: what caused it and what it says. */
export interface Composition {
  source: string;
  input: NotificationInput;
}

/** At most this many notifications composed in one transaction (one in-app live event each). */
export const MAX_COMPOSITIONS = 100;

interface Row {
  id: string;
  userId: string;
  template: TemplateName;
  channel: Channel;
  recipient: string | null;
  subject: string;
  body: string;
  /** Set: an unverified address; the row is kept and never sent. */
  skipped: SkipReason | null;
}

/** The channels each person turned off, for the groups asked about, with one query. */
async function disabledByUser(
  tx: Tx,
  wanted: readonly { userId: string; group: string }[],
): Promise<Map<string, Set<Channel>>> {
  const off = new Map<string, Set<Channel>>();
  if (wanted.length === 0) return off;
  const { rows } = await tx.query<{ user_id: string; grp: string; channel: Channel }>(
    `SELECT p.user_id, p.grp, p.channel FROM notifications.preferences p
       JOIN unnest($1::uuid[], $2::text[]) AS w(u, g) ON p.user_id = w.u AND p.grp = w.g
      WHERE NOT p.enabled`,
    [wanted.map((w) => w.userId), wanted.map((w) => w.group)],
  );
  for (const r of rows) {
    const key = `${r.user_id}|${r.grp}`;
    off.set(key, (off.get(key) ?? new Set<Channel>()).add(r.channel));
  }
  return off;
}

/** The message rows of one notification: one per wanted channel that is on and has an address. */
function rowsOf(c: Composition, user: User, off: ReadonlySet<Channel> | undefined): Row[] {
  const { input, source } = c;
  const template = TEMPLATES[input.template];
  const wanted = (input.channels ?? template.channels).filter((ch) => CHANNELS.includes(ch));
  const rows: Row[] = [];
  for (const channel of new Set(wanted)) {
    if (off?.has(channel)) continue;
    const recipient = recipientOf(user, input, channel);
    if (channel !== 'in_app' && !recipient.address) continue; // no address for the channel: nothing to send
    const { subject, text } = render(input.template, channel, input.data);
    const id = messageIdOf(source, input.template, channel);
    rows.push({
      id,
      userId: input.userId,
      template: input.template,
      channel,
      recipient: recipient.address,
      subject,
      body: text,
      skipped: recipient.skipped,
    });
  }
  return rows;
}

/**
 * Writes the messages of many notifications in the caller's transaction with a fixed number of
 * statements (the people, their preferences, the rows, the deliver events, the live events),
 * and returns, per notification, the ids it wrote (none on a repeat). `source` names what caused
 * it (an outbox event id, a payment id). Preferences apply except to security templates; an email
 * or SMS to an unverified address is written with its skipped_reason and never sent.
 */
export async function createMessagesMany(tx: Tx, items: readonly Composition[]): Promise<string[][]> {
  if (items.length > MAX_COMPOSITIONS)
    throw new RangeError(`createMessagesMany: at most ${MAX_COMPOSITIONS}`);
  if (items.length === 0) return [];
  const users = await getUsers(tx, [...new Set(items.map((c) => c.input.userId))]);
  const groupOf = (c: Composition) => TEMPLATES[c.input.template].group;
  const asked = items.filter((c) => !LOCKED_GROUPS.has(groupOf(c)) && users.has(c.input.userId));
  const off = await disabledByUser(
    tx,
    asked.map((c) => ({ userId: c.input.userId, group: groupOf(c) })),
  );
  // The same source twice in one batch (a redelivery running alongside) is written once.
  const seen = new Set<string>();
  const perItem = items.map((c) => {
    const user = users.get(c.input.userId);
    const list = user ? rowsOf(c, user, off.get(`${c.input.userId}|${groupOf(c)}`)) : [];
    return list.filter((r) => !seen.has(r.id) && seen.add(r.id));
  });
  const rows = perItem.flat();
  if (rows.length === 0) return items.map(() => []);
  const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
  const inserted = await tx.query<{ id: string; created_at: Date }>(
    `INSERT INTO notifications.messages (id, user_id, template, channel, recipient, subject, body, skipped_reason)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[])
     ON CONFLICT (id) DO NOTHING RETURNING id, created_at`,
    [
      col('id'),
      col('userId'),
      col('template'),
      col('channel'),
      col('recipient'),
      col('subject'),
      col('body'),
      col('skipped'),
    ],
  );
  const createdAt = new Map(inserted.rows.map((r) => [r.id, r.created_at]));
  const fresh = rows.filter((r) => createdAt.has(r.id));
  await publishMany(
    tx,
    fresh
      .filter((r) => r.channel !== 'in_app' && !r.skipped) // a skipped one is kept, never sent
      .map((r) => ({ type: DELIVER_EVENT, key: r.id, userId: r.userId, payload: { messageId: r.id } })),
  );
  await notifyUsers(
    tx,
    fresh
      .filter((r) => r.channel === 'in_app')
      .map((r) => ({
        userId: r.userId,
        type: CREATED_LIVE_EVENT,
        data: {
          id: r.id,
          template: r.template,
          subject: r.subject,
          createdAt: createdAt.get(r.id)!.toISOString(),
        },
      })),
  );
  return perItem.map((list) => list.filter((r) => createdAt.has(r.id)).map((r) => r.id));
}

/** Writes the messages of one notification in the caller's transaction; see createMessagesMany. */
export async function createMessages(tx: Tx, source: string, input: NotificationInput): Promise<string[]> {
  return (await createMessagesMany(tx, [{ source, input }]))[0] ?? [];
}

/**
 * The contract other modules publish against: `notification.requested` in the caller's
 * transaction, so the message exists if and only if the caller's change commits.
 */
export async function requestNotification(tx: Tx, input: NotificationInput): Promise<bigint> {
  return publish(tx, {
    type: REQUESTED_EVENT,
    key: input.template,
    userId: input.userId,
    payload: {
      userId: input.userId,
      template: input.template,
      data: input.data,
      ...(input.to ? { to: input.to } : {}),
      ...(input.channels ? { channels: input.channels } : {}),
      ...(input.unverifiedOk ? { unverifiedOk: input.unverifiedOk } : {}),
    },
  });
}
