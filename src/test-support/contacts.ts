import type { Db } from '../db/index.js';

/**
 * Marks a person's email and phone (the ones they hold now) verified, directly in the database
 * (tests only): messages to unverified addresses are not sent, and most tests are not about that.
 */
export async function verifyContacts(
  db: Db,
  userId: string,
  which: { email?: boolean; phone?: boolean } = { email: true, phone: true },
): Promise<void> {
  await db.query(
    `UPDATE identity.users
        SET email_verified_at = CASE WHEN $2::boolean THEN coalesce(email_verified_at, now()) ELSE email_verified_at END,
            phone_verified_at = CASE WHEN $3::boolean AND phone IS NOT NULL THEN coalesce(phone_verified_at, now())
                                     ELSE phone_verified_at END
      WHERE id = $1`,
    [userId, which.email ?? false, which.phone ?? false],
  );
}
