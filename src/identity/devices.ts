/**
 * Devices: which (hashed) devices a person has logged in from. A device is a
 * sha256 of the User-Agent and, when the app sends one, the X-Device-Id
 * header; neither is stored in the clear. Recorded at registration and login
 * (not at refresh). The person's first device is where the account was made,
 * so it is never "new"; every later one is new when first seen.
 */
import { createHash } from 'node:crypto';
import type { Queryable, Tx } from '../db/index.js';
import { notifyUser, publish } from '../outbox/index.js';
import { deviceName, USER_AGENT_MAX_LENGTH } from './user-agent.js';

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

/**
 * Records a login from a device: first seen now if new, else last seen now.
 * Returns whether it is a new device for the person: never seen before, and
 * not their first (the device the account was made on is never "new"). The
 * statement's snapshot is taken before its insert, so "had another device"
 * does not count the one being added.
 */
export async function noteDevice(tx: Tx, userId: string, device: DeviceInfo): Promise<boolean> {
  const { rows } = await tx.query<{ is_new: boolean }>(
    `WITH known AS (SELECT EXISTS (SELECT 1 FROM identity.devices WHERE user_id = $1) AS any),
          noted AS (
            INSERT INTO identity.devices (user_id, device_hash) VALUES ($1, $2)
            ON CONFLICT (user_id, device_hash) DO UPDATE SET last_seen_at = now()
            RETURNING (xmax = 0) AS inserted)
     SELECT noted.inserted AND known.any AS is_new FROM noted, known`,
    [userId, deviceHash(device)],
  );
  return rows[0]?.is_new === true;
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

/**
 * The outbox event (and live event) of a login from a new device, for the
 * person to be told (the notification module consumes the outbox event).
 * It carries the device and the address, never a token.
 */
export const NEW_DEVICE_LOGIN_EVENT = 'identity.new_device_login';

/** Publishes NEW_DEVICE_LOGIN_EVENT in the login's transaction: sent at its commit, never on rollback. */
export async function announceNewDevice(
  tx: Tx,
  userId: string,
  login: { sessionId: string; userAgent?: string; ip?: string },
): Promise<void> {
  const facts = {
    sessionId: login.sessionId,
    device: deviceName(login.userAgent),
    ip: login.ip ?? null,
    at: new Date().toISOString(),
  };
  await publish(tx, {
    type: NEW_DEVICE_LOGIN_EVENT,
    key: login.sessionId,
    userId,
    payload: { userId, ...facts, userAgent: login.userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null },
  });
  await notifyUser(tx, userId, NEW_DEVICE_LOGIN_EVENT, facts);
}
