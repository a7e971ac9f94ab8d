/**
 * The engine: a trigger's facts against the running campaigns, and the
 * reward each pays: a ledger transaction from the campaign's account (which
 * must not go negative) to the person's wallet.
 *
 * Budget guarantee: every reward of a campaign is decided under that
 * campaign's row lock, so they are decided one at a time; the amount paid is
 * min(computed, what the campaign account holds) — a reward that would pass
 * the budget pays the remainder, and once the account is empty, nothing
 * (recorded as skipped: budget_exhausted). The ledger's own rule (the account
 * must not go negative) is the backstop: no code path can overspend.
 *
 * Idempotence: a reward is unique by (campaign, trigger_ref, role) and its
 * ledger transaction id is derived from the same triple, so a redelivered
 * trigger pays nothing twice.
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { transitionRow } from '../db/state-machine.js';
import { AppError } from '../errors/index.js';
import { getUser } from '../identity/index.js';
import { chargeLimits, tierOf } from '../kyc/index.js';
import { createTransactions, getBalances, type Leg } from '../ledger/index.js';
import { requestNotification } from '../notifications/index.js';
import { formatMoney } from '../receipts/index.js';
import { ensureWallet } from '../wallets/index.js';
import {
  type Campaign,
  type CampaignRow,
  loadCampaign,
  PROMOTIONS_NAMESPACE,
  toCampaign,
} from './campaigns.js';
import { factQualifies, rewardAmount, type TriggerFact } from './model.js';
import { type RewardStatus, rewardStates } from './reward-states.js';

export interface RewardRow {
  id: string;
  campaign_id: string;
  user_id: string;
  wallet_id: string | null;
  role: 'customer' | 'referrer' | 'referee';
  trigger_ref: string;
  source_ref: string;
  computed: bigint;
  amount: bigint;
  currency: string;
  status: RewardStatus;
  skip_reason: string | null;
  clawed_back_at: Date | null;
  receivable: bigint;
  created_at: Date;
}

export interface RewardClaim {
  userId: string;
  role: RewardRow['role'];
  triggerRef: string;
  sourceRef: string;
  computed: bigint;
}

const DEFAULT_NEW_CUSTOMER_DAYS = 30;
const DAY_MS = 86_400_000;

/** Campaigns running at `at` for a trigger. */
async function runningCampaigns(db: Queryable, trigger: string, at: Date): Promise<CampaignRow[]> {
  const { rows } = await db.query<CampaignRow>(
    `SELECT * FROM promotions.campaigns
      WHERE status = 'active' AND trigger = $1
        AND (starts_at IS NULL OR starts_at <= $2) AND (ends_at IS NULL OR ends_at > $2)`,
    [trigger, at],
  );
  return rows;
}

/** The person's side of the conditions: tier and how new they are. */
async function personQualifies(ctx: AppContext, c: Campaign, userId: string, at: Date) {
  const { tiers, newCustomersOnly, newCustomerDays } = c.conditions;
  if (tiers?.length && !tiers.includes(await tierOf(ctx.db, userId))) return 'tier';
  if (newCustomersOnly) {
    const user = await getUser(ctx.db, userId);
    const days = newCustomerDays ?? DEFAULT_NEW_CUSTOMER_DAYS;
    if (!user || at.getTime() - user.createdAt.getTime() > days * DAY_MS) return 'new_customers_only';
  }
  return undefined;
}

/** The rewards a fact earns from one campaign (none when it does not qualify). */
async function claimsOf(ctx: AppContext, c: Campaign, fact: TriggerFact): Promise<RewardClaim[]> {
  if (factQualifies(c.conditions, fact)) return [];
  if (await personQualifies(ctx, c, fact.userId, fact.at)) return [];
  if (c.effect.type !== 'referral') {
    const computed = rewardAmount(c.effect, fact.amount);
    return computed > 0n
      ? [
          {
            userId: fact.userId,
            role: 'customer',
            triggerRef: fact.sourceRef,
            sourceRef: fact.sourceRef,
            computed,
          },
        ]
      : [];
  }
  const referee = await getUser(ctx.db, fact.userId);
  if (!referee?.referredBy) return [];
  // Once per referee, whatever the payment: the trigger is the referee, not the payment.
  const triggerRef = `referee:${fact.userId}`;
  const claims: RewardClaim[] = [];
  if (c.effect.referrer > 0n)
    claims.push({
      userId: referee.referredBy,
      role: 'referrer',
      triggerRef,
      sourceRef: fact.sourceRef,
      computed: c.effect.referrer,
    });
  if (c.effect.referee > 0n)
    claims.push({
      userId: fact.userId,
      role: 'referee',
      triggerRef,
      sourceRef: fact.sourceRef,
      computed: c.effect.referee,
    });
  return claims;
}

/** Runs a trigger through every running campaign of its kind; answers the rewards decided. */
export async function processTrigger(ctx: AppContext, fact: TriggerFact): Promise<RewardRow[]> {
  const out: RewardRow[] = [];
  for (const row of await runningCampaigns(ctx.db, fact.trigger, fact.at)) {
    const campaign = toCampaign(row);
    if (campaign.currency !== fact.currency) continue;
    for (const claim of await claimsOf(ctx, campaign, fact)) {
      const reward = await grantReward(ctx, campaign.id, claim);
      if (reward) out.push(reward);
    }
  }
  return out;
}

const periodStart = (period: string) =>
  period === 'campaign'
    ? `'-infinity'::timestamptz`
    : // Africa/Lagos is UTC+1 all year: the period starts at Lagos midnight.
      `date_trunc('${period}', now() + interval '1 hour') - interval '1 hour'`;

async function existingReward(tx: Queryable, campaignId: string, claim: RewardClaim) {
  const { rows } = await tx.query<RewardRow>(
    'SELECT * FROM promotions.rewards WHERE campaign_id = $1 AND trigger_ref = $2 AND role = $3',
    [campaignId, claim.triggerRef, claim.role],
  );
  return rows[0];
}

async function insertReward(
  tx: Tx,
  c: CampaignRow,
  claim: RewardClaim,
  id: string,
  paid: { amount: bigint; walletId: string | null; status: RewardStatus; reason?: string },
) {
  const { rows } = await tx.query<RewardRow>(
    `INSERT INTO promotions.rewards
       (id, campaign_id, user_id, wallet_id, role, trigger_ref, source_ref, computed, amount, currency, status, skip_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      id,
      c.id,
      claim.userId,
      paid.walletId,
      claim.role,
      claim.triggerRef,
      claim.sourceRef,
      claim.computed,
      paid.amount,
      c.currency.trim(),
      paid.status,
      paid.reason ?? null,
    ],
  );
  return rows[0]!;
}

/** The balance-headroom legs of crediting the person, read before the reward's transaction. */
async function creditLegs(ctx: AppContext, userId: string, currency: string, amount: bigint) {
  try {
    return (await chargeLimits(ctx, { creditor: userId }, currency, amount, { single: false })).legs;
  } catch (error) {
    if (error instanceof AppError && error.code === 'kyc_required') return undefined;
    throw error;
  }
}

/** Legs computed for one amount, for another (the limit legs move what the wallet does). */
const scaled = (legs: Leg[], amount: bigint) => legs.map((l) => ({ ...l, amount }));

/**
 * Decides and pays one reward, idempotently (see the module comment for the
 * budget rule). Answers the reward row, or undefined when the campaign is no
 * longer running (nothing recorded: a paused campaign earns nothing).
 */
export async function grantReward(
  ctx: AppContext,
  campaignId: string,
  claim: RewardClaim,
): Promise<RewardRow | undefined> {
  const head = await loadCampaign(ctx.db, campaignId);
  const currency = head.currency.trim();
  const limits = await creditLegs(ctx, claim.userId, currency, claim.computed);
  return ctx.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, campaignId, true); // one reward decision at a time per campaign
    const done = await existingReward(tx, campaignId, claim);
    if (done) return done;
    if (c.status !== 'active') return undefined;
    const id = uuidv5(`reward:${campaignId}:${claim.triggerRef}:${claim.role}`, PROMOTIONS_NAMESPACE);
    const skip = (reason: string) =>
      insertReward(tx, c, claim, id, { amount: 0n, walletId: null, status: 'skipped', reason });
    if (!limits) return skip('kyc_required');
    if (c.per_person_limit !== null) {
      const { rows } = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM promotions.rewards
          WHERE campaign_id = $1 AND user_id = $2 AND status <> 'skipped'
            AND created_at >= ${periodStart(c.per_person_period)}`,
        [campaignId, claim.userId],
      );
      if ((rows[0]?.n ?? 0) >= c.per_person_limit) return skip('per_person_limit');
    }
    const left = (await getBalances(tx, [c.account_id])).get(c.account_id)?.available ?? 0n;
    const amount = claim.computed < left ? claim.computed : left;
    if (amount <= 0n) return skip('budget_exhausted');
    const wallet = await ensureWallet(tx, claim.userId, currency);
    const [r] = await createTransactions(tx, [
      {
        id,
        kind: 'transfer',
        currency,
        code: 'reward',
        legs: [
          { accountId: c.account_id, side: 'D', amount },
          { accountId: wallet.id, side: 'C', amount },
          ...scaled(limits, amount),
        ],
        metadata: {
          description: `Reward: ${c.name}`,
          campaignId,
          rewardId: id,
          source: claim.sourceRef,
        },
      },
    ]);
    if (r?.code === 'credit_limit_exceeded') return skip('max_balance');
    if (r?.code === 'account_frozen' || r?.code === 'account_closed')
      return skip(`wallet_${r.code.slice(8)}`);
    if (!r?.ok) throw new Error(`reward ${id}: ledger refused: ${r?.code}`);
    await requestNotification(tx, {
      userId: claim.userId,
      template: 'reward_earned',
      data: { amount: formatMoney(amount, currency), campaignName: c.name },
    });
    return insertReward(tx, c, claim, id, {
      amount,
      walletId: wallet.id,
      status: 'paid',
      reason: amount < claim.computed ? 'budget_remainder' : undefined,
    });
  });
}

/**
 * Claws back every reward a reversed transaction earned: a new ledger
 * transaction (wallet -> campaign account), never an edit. When the wallet
 * no longer holds the reward (spent), nothing moves and the reward becomes a
 * receivable for operators. Idempotent: only a `paid` reward changes.
 */
export async function clawBack(ctx: AppContext, sourceRef: string): Promise<RewardRow[]> {
  const { rows } = await ctx.db.query<RewardRow>(
    `SELECT * FROM promotions.rewards WHERE source_ref = $1 AND status = 'paid'`,
    [sourceRef],
  );
  const out: RewardRow[] = [];
  for (const reward of rows) out.push(await clawBackOne(ctx, reward));
  return out;
}

async function clawBackOne(ctx: AppContext, reward: RewardRow): Promise<RewardRow> {
  const currency = reward.currency.trim();
  // The inverse of the reward's headroom legs: the room it took is given back.
  const legs = ((await creditLegs(ctx, reward.user_id, currency, reward.amount)) ?? []).map((l) => ({
    ...l,
    side: l.side === 'C' ? ('D' as const) : ('C' as const),
  }));
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<RewardRow>('SELECT * FROM promotions.rewards WHERE id = $1 FOR UPDATE', [
      reward.id,
    ]);
    const r = rows[0]!;
    if (r.status !== 'paid') return r;
    const c = await loadCampaign(tx, r.campaign_id);
    const [result] = await createTransactions(tx, [
      {
        id: uuidv5(`reward-clawback:${r.id}`, PROMOTIONS_NAMESPACE),
        kind: 'transfer',
        currency,
        code: 'reward_clawback',
        legs: [
          { accountId: r.wallet_id as string, side: 'D', amount: r.amount },
          { accountId: c.account_id, side: 'C', amount: r.amount },
          ...legs,
        ],
        metadata: {
          description: `Reward reversed: ${c.name}`,
          campaignId: c.id,
          rewardId: r.id,
          source: r.source_ref,
        },
      },
    ]);
    const to: RewardStatus = result?.ok ? 'clawed_back' : 'receivable';
    if (!result?.ok)
      ctx.log.warn(
        { rewardId: r.id, code: result?.code },
        'reward clawback: wallet cannot cover it; receivable recorded',
      );
    await transitionRow(tx, rewardStates, {
      table: 'promotions.rewards',
      id: r.id,
      from: 'paid',
      to,
      set: {
        clawed_back_at: 'now()',
        receivable: (v) => `${v(to === 'receivable' ? r.amount.toString() : '0')}::bigint`,
      },
    });
    const { rows: after } = await tx.query<RewardRow>('SELECT * FROM promotions.rewards WHERE id = $1', [
      r.id,
    ]);
    return after[0]!;
  });
}

/** A reward as its earner sees it. */
export const rewardView = (r: RewardRow & { campaign_name?: string }) => ({
  id: r.id,
  campaignId: r.campaign_id,
  campaignName: r.campaign_name ?? '',
  role: r.role,
  amount: r.amount,
  computed: r.computed,
  currency: r.currency.trim(),
  status: r.status,
  reason: r.skip_reason,
  source: r.source_ref,
  receivable: r.receivable,
  createdAt: r.created_at.toISOString(),
});

/** What a person earned (paid rewards and their later fate), newest first, with totals. */
export async function listRewards(db: Queryable, userId: string) {
  const { rows } = await db.query<RewardRow & { campaign_name: string }>(
    `SELECT r.*, c.name AS campaign_name FROM promotions.rewards r
       JOIN promotions.campaigns c ON c.id = r.campaign_id
      WHERE r.user_id = $1 AND r.status <> 'skipped' ORDER BY r.created_at DESC LIMIT 200`,
    [userId],
  );
  const earned = rows.filter((r) => r.status === 'paid').reduce((s, r) => s + r.amount, 0n);
  return { data: rows.map(rewardView), totals: { earned, currency: 'NGN' } };
}

/** A campaign's redemptions (every decision, skipped ones with why), newest first. */
export async function campaignRewards(db: Queryable, campaignId: string) {
  await loadCampaign(db, campaignId);
  const { rows } = await db.query<RewardRow & { campaign_name: string }>(
    `SELECT r.*, c.name AS campaign_name FROM promotions.rewards r
       JOIN promotions.campaigns c ON c.id = r.campaign_id
      WHERE r.campaign_id = $1 ORDER BY r.created_at DESC LIMIT 200`,
    [campaignId],
  );
  return rows.map((r) => ({ ...rewardView(r), userId: r.user_id }));
}

/** Clawbacks the wallets could not cover: what people owe back, for operators. */
export async function listReceivables(db: Queryable) {
  const { rows } = await db.query<RewardRow & { campaign_name: string }>(
    `SELECT r.*, c.name AS campaign_name FROM promotions.rewards r
       JOIN promotions.campaigns c ON c.id = r.campaign_id
      WHERE r.status = 'receivable' ORDER BY r.created_at DESC LIMIT 200`,
  );
  return rows.map((r) => ({ ...rewardView(r), userId: r.user_id }));
}
