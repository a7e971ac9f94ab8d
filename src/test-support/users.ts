import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/index.js';

/** The transaction PIN registerUser sets (not trivial under the PIN rules). */
export const TEST_PIN = '1357';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** Headers for app.inject: `Authorization`, and the transaction PIN unless registered with `pin: false`. */
  auth: { authorization: string; 'x-transaction-pin'?: string };
}

/** Sets the user's transaction PIN through the API (PUT /v1/me/pin). */
export async function setPin(app: FastifyInstance, accessToken: string, pin = TEST_PIN): Promise<void> {
  const res = await app.inject({
    method: 'PUT',
    url: '/v1/me/pin',
    headers: { authorization: `Bearer ${accessToken}` },
    payload: { pin },
  });
  if (res.statusCode !== 204) throw new Error(`set PIN failed: ${res.statusCode} ${res.body}`);
}

/**
 * Registers a customer through the API (a unique email unless given) and
 * returns its tokens. It sets the transaction PIN TEST_PIN and sends it in
 * `auth`, unless `pin: false`.
 */
export async function registerUser(
  app: FastifyInstance,
  overrides: { email?: string; password?: string; fullName?: string; phone?: string; pin?: boolean } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `user-${randomBytes(6).toString('hex')}@example.com`;
  const password = overrides.password ?? 'correct horse battery staple';
  const res = await app.inject({
    method: 'POST',
    url: '/v1/auth/register',
    payload: { email, password, fullName: overrides.fullName ?? 'Test User', phone: overrides.phone },
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  const withPin = overrides.pin ?? true;
  if (withPin) await setPin(app, body.accessToken);
  return {
    id: body.user.id,
    email: body.user.email,
    password,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    auth: {
      authorization: `Bearer ${body.accessToken}`,
      ...(withPin ? { 'x-transaction-pin': TEST_PIN } : {}),
    },
  };
}

/** Registers a user and gives it a staff role directly in the database (tests only). */
export async function registerStaff(
  app: FastifyInstance,
  db: Db,
  role: 'support' | 'operator' | 'admin',
): Promise<TestUser> {
  const user = await registerUser(app);
  await db.query('UPDATE identity.users SET role = $2 WHERE id = $1', [user.id, role]);
  return user;
}

/**
 * Puts a person on a KYC tier directly in the database (tests only; the bench
 * and the load tests go through the operator API). Tier 3 lifts the tier-1
 * limits that most tests are not about. Call it before the person moves money.
 */
export async function setTier(db: Db, userId: string, tier: 1 | 2 | 3): Promise<void> {
  await db.query(
    `INSERT INTO kyc.profiles (user_id, tier, bvn_verified_at, nin_verified_at)
     VALUES ($1, $2::smallint, CASE WHEN $2::int >= 2 THEN now() END, CASE WHEN $2::int >= 2 THEN now() END)
     ON CONFLICT (user_id) DO UPDATE SET tier = EXCLUDED.tier, bvn_verified_at = EXCLUDED.bvn_verified_at,
       nin_verified_at = EXCLUDED.nin_verified_at, updated_at = now()`,
    [userId, tier],
  );
}
