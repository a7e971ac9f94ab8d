/**
 * GET /v1/admin/users/{id}/kyc: what staff see of a person's KYC on their
 * page: the tier and its state, the verified BVN and NIN (when, and the last
 * four digits only), every tier-3 request with its document's details and the
 * decision (who, when, why), and per currency of their wallets the tier's
 * limits with today's use and what they hold now.
 */
import type { AppContext } from '../context.js';
import { getUser } from '../identity/index.js';
import { getBalances, listAccounts } from '../ledger/index.js';
import { getProfile } from './profiles.js';
import { type KycSummary, kycSummary } from './summary.js';
import type { Tier } from './rules.js';
import { listUserReviews, type Review } from './tier3.js';

export interface StaffReview extends Review {
  /** The staff member who decided, when decided. */
  reviewer: { id: string; email: string; fullName: string } | null;
}

export interface WalletLimits {
  currency: string;
  limits: KycSummary['limits'];
  usage: KycSummary['usage'];
  /** Posted balance across the person's wallets in this currency, minor units. */
  held: bigint;
}

export interface StaffKycView {
  userId: string;
  tier: Tier;
  status: KycSummary['status'];
  bvn: { last4: string | null; verifiedAt: Date | null };
  nin: { last4: string | null; verifiedAt: Date | null };
  pnd: boolean;
  pndReason: string | null;
  reviews: StaffReview[];
  wallets: WalletLimits[];
}

/** Posted balances of the person's wallets, summed per currency. */
async function heldByCurrency(ctx: AppContext, userId: string): Promise<Map<string, bigint>> {
  const accounts = await listAccounts(ctx.db, { ownerId: userId, type: 'user_wallet' });
  const balances = await getBalances(
    ctx.db,
    accounts.map((a) => a.id),
  );
  const held = new Map<string, bigint>();
  for (const a of accounts)
    held.set(a.currency, (held.get(a.currency) ?? 0n) + (balances.get(a.id)?.posted ?? 0n));
  return held;
}

async function withReviewers(ctx: AppContext, reviews: Review[]): Promise<StaffReview[]> {
  const ids = [...new Set(reviews.flatMap((r) => (r.reviewerId ? [r.reviewerId] : [])))];
  const people = new Map(
    (await Promise.all(ids.map((id) => getUser(ctx.db, id)))).flatMap((u) => (u ? [[u.id, u]] : [])),
  );
  return reviews.map((r) => {
    const u = r.reviewerId ? people.get(r.reviewerId) : undefined;
    return { ...r, reviewer: u ? { id: u.id, email: u.email, fullName: u.fullName } : null };
  });
}

export async function staffKycView(ctx: AppContext, userId: string, now = new Date()): Promise<StaffKycView> {
  const profile = await getProfile(ctx.db, userId);
  const held = await heldByCurrency(ctx, userId);
  const currencies = held.size ? [...held.keys()].sort() : ['NGN'];
  const summaries = [];
  for (const currency of currencies) summaries.push(await kycSummary(ctx, userId, currency, now));
  const first = summaries[0]!;
  return {
    userId,
    tier: profile.tier,
    status: first.status,
    bvn: { last4: profile.bvnLast4, verifiedAt: profile.bvnVerifiedAt },
    nin: { last4: profile.ninLast4, verifiedAt: profile.ninVerifiedAt },
    pnd: profile.pnd,
    pndReason: profile.pndReason,
    reviews: await withReviewers(ctx, await listUserReviews(ctx.db, userId)),
    wallets: summaries.map((s) => ({
      currency: s.currency,
      limits: s.limits,
      usage: s.usage,
      held: held.get(s.currency) ?? 0n,
    })),
  };
}
