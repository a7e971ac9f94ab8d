/**
 * Low-balance alerts. A person sets a threshold (minor units) for a currency; when a wallet's
 * available balance goes from at-or-above it to below it they get one `low_balance` notification,
 * and not again on each debit while it stays below: the alert is armed again only once a later
 * balance is at or above the threshold. Driven by the outbox events that move a wallet's balance;
 * the balance is read fresh under the wallet's alert-state row lock, so events handled twice or
 * out of order still give one alert per crossing.
 */
import type { Queryable, Tx } from '../db/index.js';
import { getBalances } from '../ledger/index.js';
import type { OutboxEvent } from '../outbox/index.js';
import { createMessages } from './messages.js';
import { formatAmount } from './templates.js';

/** Events after which a wallet's balance may have changed (debits and the credits that re-arm). */
export const BALANCE_EVENT_TYPES = [
  'transfer.completed',
  'deposit.succeeded',
  'withdrawal.updated',
  'bill_payment.updated',
] as const;

/** The currency a threshold applies to when none is given (bills and most wallets are NGN). */
export const DEFAULT_ALERT_CURRENCY = 'NGN' as const;

export interface WalletOfEvent {
  userId: string;
  walletId: string;
}

/** The wallets (and their owners) whose balance an event moved. */
export function walletsOf(event: OutboxEvent): WalletOfEvent[] {
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const one = (userId: unknown, walletId: unknown): WalletOfEvent[] =>
    typeof userId === 'string' && typeof walletId === 'string' ? [{ userId, walletId }] : [];
  if (event.type === 'transfer.completed')
    return [...one(p.fromUserId, p.fromWalletId), ...one(p.toUserId, p.toWalletId)];
  return one(event.userId, p.walletId);
}

/** The person's threshold for a currency, or null: no alert. */
export async function getThreshold(db: Queryable, userId: string, currency: string): Promise<bigint | null> {
  const { rows } = await db.query<{ threshold: bigint }>(
    'SELECT threshold FROM notifications.balance_thresholds WHERE user_id = $1 AND currency = $2',
    [userId, currency],
  );
  return rows[0]?.threshold ?? null;
}

/** Which of these people set any threshold, with one query (most set none). */
export async function usersWithThresholds(db: Queryable, userIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ user_id: string }>(
    'SELECT DISTINCT user_id FROM notifications.balance_thresholds WHERE user_id = ANY ($1::uuid[])',
    [userIds],
  );
  return new Set(rows.map((r) => r.user_id));
}

/** Sets (or, with null, removes) the person's threshold for a currency. */
export async function setThreshold(
  tx: Tx,
  userId: string,
  currency: string,
  threshold: bigint | null,
): Promise<void> {
  if (threshold === null) {
    await tx.query('DELETE FROM notifications.balance_thresholds WHERE user_id = $1 AND currency = $2', [
      userId,
      currency,
    ]);
    return;
  }
  await tx.query(
    `INSERT INTO notifications.balance_thresholds (user_id, currency, threshold) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, currency) DO UPDATE SET threshold = EXCLUDED.threshold, updated_at = now()`,
    [userId, currency, threshold],
  );
}

/**
 * Looks at one wallet's balance against its owner's threshold: 'alerted' when it just went below
 * (the notification is written in this transaction), 'rearmed' when it is back at or above after
 * an alert, 'unchanged' otherwise (no threshold, still above, or still below).
 */
export async function checkLowBalance(
  tx: Tx,
  { userId, walletId }: WalletOfEvent,
): Promise<'alerted' | 'rearmed' | 'unchanged'> {
  const balances = await getBalances(tx, [walletId]);
  const currency = balances.get(walletId)?.currency.trim();
  if (!currency) return 'unchanged';
  const threshold = await getThreshold(tx, userId, currency);
  if (threshold === null) return 'unchanged';
  await tx.query(
    `INSERT INTO notifications.balance_alert_state (wallet_id, user_id) VALUES ($1, $2)
     ON CONFLICT (wallet_id) DO NOTHING`,
    [walletId, userId],
  );
  const { rows } = await tx.query<{ below: boolean }>(
    'SELECT below FROM notifications.balance_alert_state WHERE wallet_id = $1 FOR UPDATE',
    [walletId],
  );
  // Read again under the lock: the balance as the last of the concurrent checks leaves it.
  const available = (await getBalances(tx, [walletId])).get(walletId)!.available;
  const below = rows[0]!.below;
  if (available < threshold && !below) {
    const { rows: crossed } = await tx.query<{ crossings: number }>(
      `UPDATE notifications.balance_alert_state SET below = true, crossings = crossings + 1, updated_at = now()
        WHERE wallet_id = $1 AND NOT below RETURNING crossings`,
      [walletId],
    );
    if (crossed.length !== 1) return 'unchanged';
    await createMessages(tx, `low_balance:${walletId}:${crossed[0]!.crossings}`, {
      userId,
      template: 'low_balance',
      data: { balance: formatAmount(available, currency), threshold: formatAmount(threshold, currency) },
    });
    return 'alerted';
  }
  if (available >= threshold && below) {
    const { rowCount } = await tx.query(
      `UPDATE notifications.balance_alert_state SET below = false, updated_at = now()
        WHERE wallet_id = $1 AND below`,
      [walletId],
    );
    return rowCount === 1 ? 'rearmed' : 'unchanged';
  }
  return 'unchanged';
}
