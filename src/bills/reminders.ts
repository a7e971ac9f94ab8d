/**
 * Reminders: a notification N days before a bill's due date (per person, default 3), once per
 * bill: a `bills.bill_due` event the notifications module turns into the `bill_due` message.
 */
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/index.js';
import { publish } from '../outbox/index.js';
import { lagosDate } from '../providers/index.js';
import { PAYING } from './due.js';

export const DEFAULT_REMINDER_DAYS = 3;
export const BILL_DUE_EVENT = 'bills.bill_due';

export async function reminderSettings(db: Queryable, userId: string) {
  const { rows } = await db.query<{ days_before: number; enabled: boolean }>(
    'SELECT days_before, enabled FROM bills.reminder_settings WHERE user_id = $1',
    [userId],
  );
  return { daysBefore: rows[0]?.days_before ?? DEFAULT_REMINDER_DAYS, enabled: rows[0]?.enabled ?? true };
}

export async function setReminderSettings(
  db: Queryable,
  userId: string,
  settings: { daysBefore?: number; enabled?: boolean },
) {
  const current = await reminderSettings(db, userId);
  await db.query(
    `INSERT INTO bills.reminder_settings (user_id, days_before, enabled) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET days_before = $2, enabled = $3, updated_at = now()`,
    [userId, settings.daysBefore ?? current.daysBefore, settings.enabled ?? current.enabled],
  );
  return reminderSettings(db, userId);
}

/**
 * Marks the bills whose reminder day has come (guarded: a bill is marked once) and requests
 * their notifications in the same transaction. Returns how many were sent.
 */
export async function sendBillReminders(ctx: AppContext, limit = 200): Promise<number> {
  const d = lagosDate(new Date());
  const today = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      linked_account_id: string;
      bill_reference: string;
      user_id: string;
      amount_due: bigint;
      currency: string;
      due_date: string;
      customer_ref: string;
      nickname: string;
      biller_name: string;
    }>(
      `WITH due AS (
         SELECT d.linked_account_id, d.bill_reference FROM bills.due_bills d
           JOIN bills.linked_accounts a ON a.id = d.linked_account_id
           LEFT JOIN bills.reminder_settings s ON s.user_id = a.user_id
           LEFT JOIN bills.payments p ON p.id = d.payment_id
          WHERE d.outstanding AND d.reminded_at IS NULL AND a.unlinked_at IS NULL AND COALESCE(s.enabled, true)
            AND d.due_date - COALESCE(s.days_before, $2) <= $1::date
            AND (p.status IS NULL OR NOT (p.status = ANY ($3::text[])))
          ORDER BY d.due_date LIMIT $4
          FOR UPDATE OF d SKIP LOCKED)
       UPDATE bills.due_bills d SET reminded_at = now()
         FROM due, bills.linked_accounts a, bills.billers b
        WHERE d.linked_account_id = due.linked_account_id AND d.bill_reference = due.bill_reference
          AND a.id = d.linked_account_id AND b.id = a.biller_id AND d.reminded_at IS NULL
        RETURNING d.linked_account_id, d.bill_reference, a.user_id, d.amount_due, d.currency, to_char(d.due_date, 'YYYY-MM-DD') AS due_date,
                  a.customer_ref, a.nickname, b.name AS biller_name`,
      [today, DEFAULT_REMINDER_DAYS, PAYING, limit],
    );
    for (const r of rows) {
      await publish(tx, {
        type: BILL_DUE_EVENT,
        key: `${r.linked_account_id}:${r.bill_reference}`,
        userId: r.user_id,
        payload: {
          linkedAccountId: r.linked_account_id,
          billReference: r.bill_reference,
          billerName: r.biller_name,
          nickname: r.nickname,
          customerRef: r.customer_ref,
          amountDue: String(r.amount_due),
          currency: r.currency.trim(),
          dueDate: r.due_date,
        },
      });
    }
    return rows.length;
  });
}
