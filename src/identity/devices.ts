/**
 * Devices: which (hashed) devices a person has logged in from. A device is a
 * sha256 of the User-Agent and, when the app sends one, the X-Device-Id
 * header; neither is stored in the clear. Recorded at registration and login
 * (not at refresh). The person's first device is where the account was made,
 * so it is never "new"; every later one is new when first seen.
 */
import { createHash } from 'node:crypto';
import type { Queryable, Tx } from '../db/index.js';

/** What a request tells about the device it came from. */
export interface DeviceInfo {
  userAgent?: string;
  deviceId?: string;
}

/** The stored hash of a device: sha256 of the User-Agent and the device id. */
export function deviceHash(device: DeviceInfo): string {
  const ua = (device.userAgent ?? '').slice(0, 512);
  const id = (device.deviceId ?? '').slice(0, 200);
  return createHash('sha256').update(`${ua}\n${id}`).digest('hex');
}

/** The device headers of a request (header values as Fastify gives them). */
export function deviceOf(headers: Record<string, string | string[] | undefined>): DeviceInfo {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return { userAgent: one(headers['user-agent']), deviceId: one(headers['x-device-id']) };
}

/** Records a login from a device: first seen now if new, else last seen now. */
export async function noteDevice(tx: Tx, userId: string, device: DeviceInfo): Promise<void> {
  await tx.query(
    `INSERT INTO identity.devices (user_id, device_hash) VALUES ($1, $2)
     ON CONFLICT (user_id, device_hash) DO UPDATE SET last_seen_at = now()`,
    [userId, deviceHash(device)],
  );
}

/**
 * For each person, when they last logged in from a device they had never
 * used before (their first device excluded); people without one are absent.
 * One query for any number of people.
 */
export async function lastNewDeviceLogins(
  db: Queryable,
  userIds: readonly string[],
): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await db.query<{ user_id: string; at: Date }>(
    `SELECT user_id, max(first_seen_at) AS at
       FROM (SELECT user_id, first_seen_at,
                    row_number() OVER (PARTITION BY user_id ORDER BY first_seen_at, device_hash) AS n
               FROM identity.devices WHERE user_id = ANY($1::uuid[])) d
      WHERE n > 1
      GROUP BY user_id`,
    [[...new Set(userIds)]],
  );
  return new Map(rows.map((r) => [r.user_id, r.at]));
}

/** When the person last logged in from a device they had never used before, or null. */
export async function lastNewDeviceLogin(db: Queryable, userId: string): Promise<Date | null> {
  return (await lastNewDeviceLogins(db, [userId])).get(userId) ?? null;
}
