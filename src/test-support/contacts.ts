import type { Db } from '../db/index.js';

/**
 * Marks a person's email and phone (the ones they hold now) verified, directly in the database
 * (tests only): messages to unverified addresses are not sent and tiers 2 and 3 need a verified
 * phone, and most tests are not about that. `phone` as an E.164 number gives the person that
 * number first (for someone registered without one).
 */
export async function verifyContacts(
  db: Db,
  userId: string,
  which: { email?: boolean; phone?: boolean | string } = { email: true, phone: true },
): Promise<void> {
  if (typeof which.phone === 'string')
    await db.query('UPDATE identity.users SET phone = $2 WHERE id = $1', [userId, which.phone]);
  await db.query(
    `UPDATE identity.users
        SET email_verified_at = CASE WHEN $2::boolean THEN coalesce(email_verified_at, now()) ELSE email_verified_at END,
            phone_verified_at = CASE WHEN $3::boolean AND phone IS NOT NULL THEN coalesce(phone_verified_at, now())
                                     ELSE phone_verified_at END
      WHERE id = $1`,
    [userId, which.email ?? false, Boolean(which.phone)],
  );
}
