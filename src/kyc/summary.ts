/** GET /v1/me/kyc: the person's tier, its limits in a currency, today's usage and what the next tier needs. */
import type { AppContext } from '../context.js';
import { getUser } from '../identity/index.js';
import { lagosDayBounds } from '../limits/index.js';
import { limitHolder } from './limit-holder.js';
import { refusalOf } from './pnd.js';
import { getProfile, type KycProfile } from './profiles.js';
import { rulesFor, type Tier, type TierRule } from './rules.js';
import { masked } from './sealing.js';
import { requiresVerifiedPhone } from './tier-settings.js';
import { latestReview, type Review } from './tier3.js';

/** The Africa/Lagos calendar day holding `at`: [start, end) as instants (the limits module's definition). */
export const lagosDay = lagosDayBounds;

export type KycStatus = 'active' | 'post_no_debit' | 'review_pending';
/** What the next tier still needs: a verified phone, a BVN, a NIN, the tier-3 submission, staff approval. */
export type Requirement = 'verified_phone' | 'bvn' | 'nin' | 'address_and_id' | 'review_approval';

export interface KycSummary {
  tier: Tier;
  status: KycStatus;
  bvn: string | null;
  nin: string | null;
  currency: string;
  /** null: this currency is not allowed at this tier. */
  limits: Pick<
    TierRule,
    'dailyDebitLimit' | 'maxBalance' | 'singleTransactionLimit' | 'singleDepositLimit' | 'effectiveFrom'
  > | null;
  usage: { dailyDebitUsed: bigint; resetsAt: Date; balanceHeadroom: bigint | null };
  nextTier: { tier: Tier | null; requirements: Requirement[] };
}

/** What is still missing for the next tier, as stable codes. */
function nextTierOf(
  profile: KycProfile,
  review: Review | undefined,
  needsPhone: boolean,
): KycSummary['nextTier'] {
  if (profile.tier === 3) return { tier: null, requirements: [] };
  const phone: Requirement[] = needsPhone ? ['verified_phone'] : [];
  if (profile.tier === 2) {
    const pending = review?.status === 'pending';
    return {
      tier: 3,
      requirements: [...phone, ...(pending ? [] : (['address_and_id'] as const)), 'review_approval'],
    };
  }
  const requirements: Requirement[] = [
    ...phone,
    ...(profile.bvnVerifiedAt === null ? (['bvn'] as const) : []),
    ...(profile.ninVerifiedAt === null ? (['nin'] as const) : []),
  ];
  return { tier: 2, requirements };
}

function statusOf(ctx: AppContext, profile: KycProfile, review: Review | undefined): KycStatus {
  if (refusalOf(profile, ctx.config.kyc.tier1RequiresId)) return 'post_no_debit';
  return review?.status === 'pending' ? 'review_pending' : 'active';
}

/**
 * Today's (Lagos) debits and the headroom left, read from the limit accounts
 * that enforce them: what the person is shown is what the ledger will allow.
 */
async function usageOf(
  ctx: AppContext,
  userId: string,
  currency: string,
  rule: TierRule | undefined,
  now: Date,
) {
  if (!rule) return { used: 0n, resetsAt: lagosDay(now).end, headroom: 0n };
  const holder = await limitHolder(ctx, userId, currency);
  if (holder.rule.maxBalance !== null) await ctx.limits.creditLegs(holder, 0n); // opens the headroom, once
  const usage = await ctx.limits.usage(holder);
  return { used: usage.dailyDebitUsed, resetsAt: new Date(usage.resetsAt), headroom: usage.balanceHeadroom };
}

/** Whether the next tier needs a verified phone that the person does not have. */
async function phoneMissing(ctx: AppContext, userId: string, tier: Tier): Promise<boolean> {
  if (tier === 3) return false;
  if (!(await requiresVerifiedPhone(ctx.db, (tier + 1) as Tier))) return false;
  return !(await getUser(ctx.db, userId))?.phoneVerified;
}

export async function kycSummary(
  ctx: AppContext,
  userId: string,
  currency = 'NGN',
  now: Date = new Date(),
): Promise<KycSummary> {
  const profile = await getProfile(ctx.db, userId);
  const review = await latestReview(ctx.db, userId);
  const rule = await rulesFor(ctx.db, profile.tier, currency, now);
  const usage = await usageOf(ctx, userId, currency, rule, now);
  return {
    tier: profile.tier,
    status: statusOf(ctx, profile, review),
    bvn: masked(profile.bvnLast4),
    nin: masked(profile.ninLast4),
    currency,
    limits: rule
      ? {
          dailyDebitLimit: rule.dailyDebitLimit,
          maxBalance: rule.maxBalance,
          singleTransactionLimit: rule.singleTransactionLimit,
          singleDepositLimit: rule.singleDepositLimit,
          effectiveFrom: rule.effectiveFrom,
        }
      : null,
    usage: {
      dailyDebitUsed: usage.used,
      resetsAt: usage.resetsAt,
      balanceHeadroom: usage.headroom, // a currency not allowed at this tier has no room at all
    },
    nextTier: nextTierOf(profile, review, await phoneMissing(ctx, userId, profile.tier)),
  };
}
