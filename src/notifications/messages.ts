/**
 * Messages: a request becomes one row per channel (ids derived from the source, so a redelivered
 * event writes nothing new), each email/SMS with a `notification.deliver` outbox event that the
 * deliver consumer sends, and each in-app one with a live `notification.created` event.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Tx } from '../db/index.js';
import { getUser, type User } from '../identity/index.js';
import { notifyUser, publish } from '../outbox/index.js';
import { disabledChannels } from './preferences.js';
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

/**
 * Writes the messages of one notification in the caller's transaction and returns the ids it
 * wrote to send (none on a repeat). `source` names what caused it (an outbox event id, a payment
 * id). Preferences apply except to security templates, which always go out; an email or SMS to an
 * unverified address is written with its skipped_reason and never sent.
 */
export async function createMessages(tx: Tx, source: string, input: NotificationInput): Promise<string[]> {
  const template = TEMPLATES[input.template];
  const user = await getUser(tx, input.userId);
  if (!user) return [];
  const wanted = (input.channels ?? template.channels).filter((c) => CHANNELS.includes(c));
  const off = LOCKED_GROUPS.has(template.group)
    ? new Set<Channel>()
    : await disabledChannels(tx, input.userId, template.group);
  const written: string[] = [];
  for (const channel of new Set(wanted)) {
    if (off.has(channel)) continue;
    const recipient = recipientOf(user, input, channel);
    if (channel !== 'in_app' && !recipient.address) continue; // no address for the channel: nothing to send
    const { subject, text } = render(input.template, channel, input.data);
    const id = messageIdOf(source, input.template, channel);
    const { rows } = await tx.query<{ created_at: Date }>(
      `INSERT INTO notifications.messages (id, user_id, template, channel, recipient, subject, body, skipped_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING created_at`,
      [id, input.userId, input.template, channel, recipient.address, subject, text, recipient.skipped],
    );
    if (rows.length === 0 || recipient.skipped) continue; // a repeat, or kept unsent
    written.push(id);
    if (channel === 'in_app') {
      await notifyUser(tx, input.userId, CREATED_LIVE_EVENT, {
        id,
        template: input.template,
        subject,
        createdAt: rows[0]!.created_at.toISOString(),
      });
    } else {
      await publish(tx, { type: DELIVER_EVENT, key: id, userId: input.userId, payload: { messageId: id } });
    }
  }
  return written;
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
