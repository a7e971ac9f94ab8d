/**
 * BVN and NIN verification: the provider looks the number up, the record must
 * carry the person's own name (and, for a BVN, their date of birth), and the
 * number may belong to one account only. Every attempt is recorded in
 * kyc.verifications, a refused one too; the number itself only ever reaches
 * the database sealed (AES-256-GCM) and never a log.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import { type Queryable, PgCode, pgErrorCode } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import { publish } from '../outbox/index.js';
import { getUser } from '../identity/index.js';
import type { Applicant, IdentityKind, IdentityRecord, LookupResult } from './identity-provider.js';
import { getProfile, type KycProfile, lockProfile } from './profiles.js';
import { kycRuntime } from './runtime.js';
import { assertPhoneForTier } from './tier-settings.js';
import { lastFour, masked } from './sealing.js';

export type VerificationResult =
  | 'verified'
  | 'name_mismatch'
  | 'dob_mismatch'
  | 'not_found'
  | 'in_use'
  | 'provider_error';

export interface VerificationOutcome {
  kind: IdentityKind;
  status: 'verified';
  /** `*******2222` */
  number: string;
  tier: KycProfile['tier'];
}

/** Verifies the person's BVN against their name and date of birth. */
export function verifyBvn(
  ctx: AppContext,
  userId: string,
  input: { bvn: string; dateOfBirth: string },
): Promise<VerificationOutcome> {
  return verifyNumber(ctx, userId, 'bvn', input.bvn, input.dateOfBirth);
}

/** Verifies the person's NIN against their name. */
export function verifyNin(
  ctx: AppContext,
  userId: string,
  input: { nin: string },
): Promise<VerificationOutcome> {
  return verifyNumber(ctx, userId, 'nin', input.nin);
}

/** Letters of a name, without accents or case: "Adébáyọ̀ Ọlá-Ade" -> adebayo, ola, ade. */
function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '');
}

/** The record's first and last names both appear in the person's full name (any order, middle names aside). */
export function namesMatch(fullName: string, record: IdentityRecord): boolean {
  const words = new Set(nameWords(fullName));
  const first = nameWords(record.firstName);
  const last = nameWords(record.lastName);
  return first.length > 0 && last.length > 0 && [...first, ...last].every((w) => words.has(w));
}

const REFUSALS: Record<Exclude<VerificationResult, 'verified'>, (kind: IdentityKind) => AppError> = {
  name_mismatch: () =>
    new AppError('kyc_name_mismatch', 'The name on this number is not the name on your account'),
  dob_mismatch: () =>
    new AppError('kyc_dob_mismatch', 'The date of birth on this BVN is not the one you gave'),
  not_found: (kind) =>
    new AppError(
      kind === 'bvn' ? 'bvn_not_found' : 'nin_not_found',
      `No ${kind.toUpperCase()} like this exists`,
    ),
  in_use: (kind) =>
    new AppError(
      'identity_number_in_use',
      `This ${kind.toUpperCase()} is already verified on another account`,
    ),
  provider_error: () =>
    new AppError('kyc_provider_unavailable', 'Identity verification is unavailable; try again later'),
};

async function recordAttempt(
  db: Queryable,
  attempt: Attempt & { result: VerificationResult },
): Promise<void> {
  await db.query(
    `INSERT INTO kyc.verifications (user_id, kind, result, provider, reference, last4) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      attempt.userId,
      attempt.kind,
      attempt.result,
      attempt.provider,
      `kyc_${randomUUID()}`,
      lastFour(attempt.number),
    ],
  );
}

async function numberInUse(
  db: Queryable,
  kind: IdentityKind,
  lookup: string,
  userId: string,
): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM kyc.profiles WHERE ${kind === 'bvn' ? 'bvn_lookup' : 'nin_lookup'} = $1 AND user_id <> $2`,
    [lookup, userId],
  );
  return rows.length > 0;
}

/** What the provider's answer means for this person. */
function judge(answer: LookupResult, fullName: string, dateOfBirth: string | undefined): VerificationResult {
  if (answer.outcome === 'unavailable') return 'provider_error';
  if (answer.outcome === 'not_found') return 'not_found';
  if (!namesMatch(fullName, answer.record)) return 'name_mismatch';
  const dob = answer.record.dateOfBirth;
  if (dateOfBirth !== undefined && dob !== undefined && dob !== dateOfBirth) return 'dob_mismatch';
  return 'verified';
}

interface Attempt {
  userId: string;
  kind: IdentityKind;
  provider: string;
  number: string;
}

/** The number taken by another account, or the provider's judgement: the record when it verifies. */
async function check(
  ctx: AppContext,
  attempt: Attempt,
  applicant: Applicant,
  lookup: string,
): Promise<{ result: VerificationResult; record?: IdentityRecord }> {
  if (await numberInUse(ctx.db, attempt.kind, lookup, attempt.userId)) return { result: 'in_use' };
  const { provider } = kycRuntime(ctx.config);
  const answer = await provider.lookup(attempt.kind, attempt.number, applicant);
  if (answer.outcome === 'unavailable')
    ctx.log.warn(
      { kyc: { kind: attempt.kind, provider: provider.name, detail: answer.detail } },
      'identity provider unavailable',
    );
  const result = judge(answer, applicant.fullName, applicant.dateOfBirth);
  return answer.outcome === 'found' && result === 'verified' ? { result, record: answer.record } : { result };
}

async function verifyNumber(
  ctx: AppContext,
  userId: string,
  kind: IdentityKind,
  number: string,
  dateOfBirth?: string,
): Promise<VerificationOutcome> {
  const user = await getUser(ctx.db, userId);
  if (!user) throw notFound('User');
  const profile = await getProfile(ctx.db, userId);
  if ((kind === 'bvn' ? profile.bvnVerifiedAt : profile.ninVerifiedAt) !== null)
    throw new AppError('kyc_already_verified', `Your ${kind.toUpperCase()} is verified already`);
  // The number that would complete tier 2: refused before any lookup when tier 2 needs a verified phone.
  if (profile.tier === 1 && (kind === 'bvn' ? profile.ninVerifiedAt : profile.bvnVerifiedAt) !== null)
    await assertPhoneForTier(ctx.db, userId, 2);
  const { sealer, provider } = kycRuntime(ctx.config);
  // The sandbox's test numbers are everybody's: there, "one number, one account" is per account.
  const lookup = sealer.lookup(kind, provider.name === 'sandbox' ? `${number}:${userId}` : number);
  const attempt: Attempt = { userId, kind, provider: provider.name, number };
  const { result, record } = await check(ctx, attempt, { fullName: user.fullName, dateOfBirth }, lookup);
  ctx.log.debug({ kyc: { kind, result, last4: lastFour(number) } }, 'kyc verification');
  if (result !== 'verified' || !record) {
    await recordAttempt(ctx.db, { ...attempt, result });
    throw REFUSALS[result === 'verified' ? 'provider_error' : result](kind);
  }
  try {
    const tier = await ctx.db.transaction(async (tx) => {
      const locked = await lockProfile(tx, userId);
      const sealed = { sealed: sealer.seal(number), lookup, number };
      const tier = await storeVerified(tx, locked, kind, sealed, record, dateOfBirth);
      await recordAttempt(tx, { ...attempt, result: 'verified' });
      // What a verified identity unlocks elsewhere (a bank account number) follows from this event.
      await publish(tx, {
        type: 'kyc.identity_verified',
        key: userId,
        userId,
        payload: { userId, kind, tier },
      });
      return tier;
    });
    return { kind, status: 'verified', number: masked(lastFour(number)) as string, tier };
  } catch (error) {
    // Two accounts verifying the same number at once: the unique lookup decides.
    if (pgErrorCode(error) !== PgCode.uniqueViolation) throw error;
    await recordAttempt(ctx.db, { ...attempt, result: 'in_use' });
    throw REFUSALS.in_use(kind);
  }
}

/** Stores the sealed number and the verified name; both numbers verified moves tier 1 to tier 2. */
async function storeVerified(
  tx: Queryable,
  profile: KycProfile,
  kind: IdentityKind,
  number: { sealed: string; lookup: string; number: string },
  record: IdentityRecord,
  dateOfBirth: string | undefined,
): Promise<KycProfile['tier']> {
  if ((kind === 'bvn' ? profile.bvnVerifiedAt : profile.ninVerifiedAt) !== null)
    throw new AppError('kyc_already_verified', `Your ${kind.toUpperCase()} is verified already`);
  const other = kind === 'bvn' ? profile.ninVerifiedAt : profile.bvnVerifiedAt;
  const tier = profile.tier === 1 && other !== null ? 2 : profile.tier;
  await tx.query(
    `UPDATE kyc.profiles
        SET ${kind}_ciphertext = $2, ${kind}_last4 = $3, ${kind}_lookup = $4, ${kind}_verified_at = now(),
            verified_first_name = coalesce(verified_first_name, $5),
            verified_last_name = coalesce(verified_last_name, $6),
            verified_dob = coalesce(verified_dob, $7::date),
            tier = $8, updated_at = now()
      WHERE user_id = $1`,
    [
      profile.userId,
      number.sealed,
      lastFour(number.number),
      number.lookup,
      record.firstName,
      record.lastName,
      record.dateOfBirth ?? dateOfBirth ?? null,
      tier,
    ],
  );
  return tier;
}
