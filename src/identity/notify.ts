import type { Tx } from '../db/index.js';
import { publish } from '../outbox/index.js';

/** The event the notification module turns into an email or SMS. */
export const NOTIFICATION_REQUESTED = 'notification.requested';

export type NotificationTemplate =
  | 'password_reset'
  | 'password_changed'
  | 'email_verification'
  | 'phone_otp'
  | 'pin_locked';

export interface NotificationRequest {
  userId: string;
  template: NotificationTemplate;
  data: Record<string, string | number>;
  /** Where to send it; unset: the person's verified contacts. */
  to?: { email?: string; phone?: string };
  channels?: ('email' | 'sms')[];
  /**
   * Only for the message that verifies that very address (the link, the code): it goes to the
   * address though it is not verified yet. Every other message to an unverified one is skipped.
   */
  unverifiedOk?: ('email' | 'sms')[];
}

/**
 * Asks for a notification in the caller's transaction, so it goes out exactly
 * when the token or code it carries is committed. The payload can carry a
 * reset link or a code: it must never be logged (the outbox logs event ids
 * only).
 */
export async function requestNotification(tx: Tx, request: NotificationRequest): Promise<void> {
  await publish(tx, {
    type: NOTIFICATION_REQUESTED,
    key: `${request.template}:${request.userId}`,
    userId: request.userId,
    payload: request,
  });
}
