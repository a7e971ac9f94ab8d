/** A person's KYC profile: tier, verified numbers (last four only), tier-3 details and post-no-debit. */
import type { Queryable, Tx } from '../db/index.js';
import { noteIdentityChange, throughCache } from '../identity/index.js';
import type { Tier } from './rules.js';

export interface KycProfile {
  userId: string;
  tier: Tier;
  bvnLast4: string | null;
  bvnVerifiedAt: Date | null;
  ninLast4: string | null;
  ninVerifiedAt: Date | null;
  verifiedFirstName: string | null;
  verifiedLastName: string | null;
  verifiedDob: string | null;
  address: string | null;
  idType: string | null;
  idNumberLast4: string | null;
  pnd: boolean;
  pndReason: string | null;
  /** Wallets of the person under post-no-debit on their own (kyc.wallet_pnd), with the reason. */
  pndWallets: Record<string, string>;
  updatedAt: Date | null;
}

interface ProfileRow {
  user_id: string;
  tier: number;
  bvn_last4: string | null;
  bvn_verified_at: Date | null;
  nin_last4: string | null;
  nin_verified_at: Date | null;
  verified_first_name: string | null;
  verified_last_name: string | null;
  verified_dob: string | null;
  address: string | null;
  id_type: string | null;
  id_number_last4: string | null;
  pnd: boolean;
  pnd_reason: string | null;
  updated_at: Date | null;
}

// Never the ciphertexts: nothing outside the verification use cases needs them.
const COLUMNS = `user_id, tier, bvn_last4, bvn_verified_at, nin_last4, nin_verified_at, verified_first_name,
  verified_last_name, to_char(verified_dob, 'YYYY-MM-DD') AS verified_dob, address, id_type, id_number_last4,
  pnd, pnd_reason, updated_at`;

const toProfile = (r: ProfileRow): KycProfile => ({
  userId: r.user_id,
  tier: r.tier as Tier,
  bvnLast4: r.bvn_last4,
  bvnVerifiedAt: r.bvn_verified_at,
  ninLast4: r.nin_last4,
  ninVerifiedAt: r.nin_verified_at,
  verifiedFirstName: r.verified_first_name,
  verifiedLastName: r.verified_last_name,
  verifiedDob: r.verified_dob,
  address: r.address,
  idType: r.id_type,
  idNumberLast4: r.id_number_last4,
  pnd: r.pnd,
  pndReason: r.pnd_reason,
  pndWallets: {},
  updatedAt: r.updated_at,
});

/** A person who never started KYC: tier 1, nothing verified (every account starts at tier 1). */
const blank = (userId: string): KycProfile => ({
  userId,
  tier: 1,
  bvnLast4: null,
  bvnVerifiedAt: null,
  ninLast4: null,
  ninVerifiedAt: null,
  verifiedFirstName: null,
  verifiedLastName: null,
  verifiedDob: null,
  address: null,
  idType: null,
  idNumberLast4: null,
  pnd: false,
  pndReason: null,
  pndWallets: {},
  updatedAt: null,
});

export async function getProfile(db: Queryable, userId: string): Promise<KycProfile> {
  const { rows } = await db.query<ProfileRow>(`SELECT ${COLUMNS} FROM kyc.profiles WHERE user_id = $1`, [
    userId,
  ]);
  const profile = rows[0] ? toProfile(rows[0]) : blank(userId);
  const wallets = await db.query<{ wallet_id: string; reason: string }>(
    'SELECT wallet_id, reason FROM kyc.wallet_pnd WHERE user_id = $1',
    [userId],
  );
  for (const w of wallets.rows) profile.pndWallets[w.wallet_id] = w.reason;
  return profile;
}

/**
 * The profile as the money paths need it on every request: served from the
 * process's identity cache, which every change drops at once (migration
 * 0610's trigger notifies every process; lockProfile marks this one).
 */
export function cachedProfile(db: Queryable, userId: string): Promise<KycProfile> {
  return throughCache<KycProfile>(
    db,
    `kyc:profile:${userId}`,
    () => getProfile(db, userId),
    (p) => p.userId,
  ) as Promise<KycProfile>;
}

/** The profile under a row lock (created first when missing), for a change decided on what it holds. */
export async function lockProfile(tx: Tx, userId: string): Promise<KycProfile> {
  // The change commits with this transaction: this process stops trusting its cached copy now.
  noteIdentityChange(userId);
  await tx.query('INSERT INTO kyc.profiles (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [userId]);
  const { rows } = await tx.query<ProfileRow>(
    `SELECT ${COLUMNS} FROM kyc.profiles WHERE user_id = $1 FOR UPDATE`,
    [userId],
  );
  return toProfile(rows[0] as ProfileRow);
}

/** A person's tier: 1 until both BVN and NIN are verified (2), 3 after an approved review. */
export async function tierOf(db: Queryable, userId: string): Promise<Tier> {
  return (await getProfile(db, userId)).tier;
}
