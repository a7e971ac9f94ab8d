/**
 * The limits a money path charges for a person: their tier (from the cached
 * profile) and the tier's rules in force (cached here a few seconds), as the
 * limits module's LimitHolder. Enforcing them is the ledger's, through the
 * legs the limits module adds to the money transaction.
 */
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { getBalances, type Leg, listAccounts } from '../ledger/index.js';
import { checkSingle, type LimitHolder, type LimitRule, limitExceeded } from '../limits/index.js';
import { cachedProfile } from './profiles.js';
import { rulesFor, type Tier, type TierRule } from './rules.js';

/** How long a process trusts its copy of a tier's rules: a new version applies everywhere within this. */
export const RULES_CACHE_MS = 5_000;
const MAX_CACHED_RULES = 256;

const cache = new Map<string, { rule: TierRule | undefined; until: number }>();

/** Forgets this process's copy of the rules (after a change here, and in tests). */
export function forgetTierRules(): void {
  cache.clear();
}

async function cachedRule(db: Queryable, tier: Tier, currency: string): Promise<TierRule | undefined> {
  const key = `${tier}:${currency}`;
  const hit = cache.get(key);
  const now = Date.now();
  if (hit && hit.until > now) return hit.rule;
  const rule = await rulesFor(db, tier, currency, new Date(now));
  if (cache.size >= MAX_CACHED_RULES) cache.clear();
  cache.set(key, { rule, until: now + RULES_CACHE_MS });
  return rule;
}

const toLimitRule = (r: TierRule): LimitRule => ({
  dailyDebit: r.dailyDebitLimit,
  maxBalance: r.maxBalance,
  singleTransaction: r.singleTransactionLimit,
  singleDeposit: r.singleDepositLimit,
});

/** The 403 for a currency the person's tier does not allow (foreign currency below tier 3, by default). */
export const currencyNotAllowed = (currency: string, tier: Tier) =>
  new AppError('kyc_required', `Your account tier does not allow ${currency}; upgrade your tier first`, {
    reason: 'currency_not_allowed',
    tier,
  });

/** What the person holds in a currency across their wallets (posted), read in the caller's transaction. */
function heldIn(userId: string, currency: string) {
  return async (q: Tx): Promise<bigint> => {
    const wallets = await listAccounts(q, { ownerId: userId, type: 'user_wallet', currency });
    let held = 0n;
    for (const b of (
      await getBalances(
        q,
        wallets.map((w) => w.id),
      )
    ).values())
      held += b.posted;
    return held;
  };
}

/** The person's limits in a currency; throws 403 kyc_required when their tier does not allow the currency. */
export async function limitHolder(
  ctx: Pick<AppContext, 'db'>,
  userId: string,
  currency: string,
): Promise<LimitHolder> {
  const profile = await cachedProfile(ctx.db, userId);
  const rule = await cachedRule(ctx.db, profile.tier, currency);
  if (!rule) throw currencyNotAllowed(currency, profile.tier);
  return { userId, currency, rule: toLimitRule(rule), held: heldIn(userId, currency) };
}

/** The limit legs of one money transaction, and how to tell the person which limit refused it. */
export interface LimitCharge {
  legs: Leg[];
  /** The 422 limit_exceeded for a ledger answer of credit_limit_exceeded. */
  refusal(): Promise<AppError>;
}

/**
 * Charges a movement of `amount` to the limits of the person debited (daily
 * allowance, single transaction) and of the person credited (balance
 * headroom, single deposit). Throws the single-transaction refusals at once;
 * the rest is refused by the ledger in the same statement that moves the
 * money, whatever the concurrency.
 */
export async function chargeLimits(
  ctx: Pick<AppContext, 'db' | 'limits'>,
  parties: { debtor?: string; creditor?: string },
  currency: string,
  amount: bigint,
  options: { single?: boolean } = {},
): Promise<LimitCharge> {
  const [debtor, creditor] = await Promise.all([
    parties.debtor ? limitHolder(ctx, parties.debtor, currency) : undefined,
    parties.creditor ? limitHolder(ctx, parties.creditor, currency) : undefined,
  ]);
  const single = options.single ?? true; // false: a refund gives back, it is no new transaction
  if (debtor && single) checkSingle(debtor, amount, 'debit');
  if (creditor && single) checkSingle(creditor, amount, 'deposit', debtor ? 'recipient' : undefined);
  const [out, into] = await Promise.all([
    debtor ? ctx.limits.debitLegs(debtor, amount) : [],
    creditor ? ctx.limits.creditLegs(creditor, amount) : [],
  ]);
  return {
    legs: [...out, ...into],
    refusal: async () => limitExceeded(await ctx.limits.explain({ debtor, creditor }, amount)),
  };
}

/**
 * Refuses, before the person is sent to a checkout, a deposit that one
 * deposit may not bring in or that would take their balance past its maximum
 * now. The credit itself is charged again when the money arrives.
 */
export async function assertCanReceive(
  ctx: Pick<AppContext, 'db' | 'limits'>,
  userId: string,
  currency: string,
  amount: bigint,
): Promise<void> {
  const holder = await limitHolder(ctx, userId, currency);
  checkSingle(holder, amount, 'deposit');
  const max = holder.rule.maxBalance;
  if (max === null) return;
  await ctx.limits.creditLegs(holder, 0n); // opens the headroom from the balance held, once
  const room = (await ctx.limits.usage(holder)).balanceHeadroom ?? max;
  if (amount > room)
    throw limitExceeded({ limit: 'max_balance', limitAmount: max, used: max - room, remaining: room });
}
