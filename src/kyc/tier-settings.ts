/**
 * What reaching a tier needs besides its identity numbers: `requiresVerifiedPhone` (migration
 * 1121 seeds it on for tiers 2 and 3). The upgrade paths ask assertPhoneForTier before moving a
 * person up: the BVN/NIN verification that would complete tier 2, the tier-3 request and its
 * approval. Admins change a tier's setting, audited in the same transaction.
 */
import type { Queryable, Tx } from '../db/index.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { type Actor, getUser, recordAudit } from '../identity/index.js';
import type { Tier } from './rules.js';

export interface TierSettings {
  tier: Tier;
  requiresVerifiedPhone: boolean;
  updatedAt: Date;
  /** null: the migration's seed. */
  updatedBy: string | null;
}

interface Row {
  tier: number;
  requires_verified_phone: boolean;
  updated_at: Date;
  updated_by: string | null;
}

const toSettings = (r: Row): TierSettings => ({
  tier: r.tier as Tier,
  requiresVerifiedPhone: r.requires_verified_phone,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export async function listTierSettings(db: Queryable): Promise<TierSettings[]> {
  const { rows } = await db.query<Row>('SELECT * FROM kyc.tier_settings ORDER BY tier');
  return rows.map(toSettings);
}

/** Whether reaching the tier needs a verified phone (a tier without a row needs none). */
export async function requiresVerifiedPhone(db: Queryable, tier: Tier): Promise<boolean> {
  const { rows } = await db.query<{ r: boolean }>(
    'SELECT requires_verified_phone AS r FROM kyc.tier_settings WHERE tier = $1',
    [tier],
  );
  return rows[0]?.r ?? false;
}

/** 403 phone_unverified when moving the person up to `tier` needs a verified phone they lack. */
export async function assertPhoneForTier(db: Queryable, userId: string, tier: Tier): Promise<void> {
  if (!(await requiresVerifiedPhone(db, tier))) return;
  const user = await getUser(db, userId);
  if (user?.phoneVerified) return;
  throw new AppError(
    'phone_unverified',
    user?.phone
      ? `Verify your phone number with the code we text you before moving up to tier ${tier}`
      : `Tier ${tier} needs a verified phone number, and there is none on your account`,
    { tier },
  );
}

/** Changes a tier's setting (admins only), audited with what it was. */
export async function setTierSettings(
  tx: Tx,
  actor: Actor,
  tier: Tier,
  input: { requiresVerifiedPhone: boolean; reason: string },
): Promise<TierSettings> {
  if (actor.auth.role !== 'admin') throw forbidden('Only an admin can change tier settings');
  const { rows: before } = await tx.query<Row>('SELECT * FROM kyc.tier_settings WHERE tier = $1 FOR UPDATE', [
    tier,
  ]);
  if (!before[0]) throw notFound('Tier');
  const { rows } = await tx.query<Row>(
    `UPDATE kyc.tier_settings SET requires_verified_phone = $2, updated_at = now(), updated_by = $3
      WHERE tier = $1 RETURNING *`,
    [tier, input.requiresVerifiedPhone, actor.auth.userId],
  );
  if (rows.length !== 1) throw notFound('Tier');
  const after = toSettings(rows[0]!);
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: 'kyc.tier_settings_set',
    targetType: 'kyc_tier',
    targetId: String(tier),
    before: toSettings(before[0]),
    after,
    reason: input.reason,
    requestId: actor.requestId,
  });
  return after;
}
