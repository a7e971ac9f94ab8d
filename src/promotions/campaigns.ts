/**
 * Campaigns: created by operators as data, funded from the promotions
 * treasury into an account of their own (which must not go negative), then
 * started, paused, resumed and ended. Every operator action commits with its
 * audit row.
 */
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { transitionRow } from '../db/state-machine.js';
import { AppError, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { createAccount, createTransactions, getBalances } from '../ledger/index.js';
import { systemAccountId } from '../wallets/index.js';
import { type CampaignStatus, campaignStates } from './campaign-states.js';
import {
  type Conditions,
  conditionsFromJson,
  conditionsToJson,
  type Effect,
  effectFromJson,
  effectToJson,
  effectView,
  type Period,
  parseConditions,
  parseEffect,
  type Trigger,
} from './model.js';

export const PROMOTIONS_NAMESPACE = '5c2a8e14-3b7d-4f60-9a1e-7d4b2c6f8e03';
/** The treasury campaigns are funded from: an equity account (the business's own money set aside). */
export const treasuryAccountId = (currency: string) => systemAccountId('equity', currency, 'promotions');
export const treasuryAccounts = () => [
  { type: 'equity' as const, currency: 'NGN', suffix: 'promotions', name: 'Promotions treasury NGN' },
];

export interface CampaignRow {
  id: string;
  name: string;
  description: string;
  trigger: Trigger;
  conditions: Record<string, unknown>;
  effect: Record<string, unknown>;
  per_person_limit: number | null;
  per_person_period: Period;
  currency: string;
  account_id: string;
  status: CampaignStatus;
  starts_at: Date | null;
  ends_at: Date | null;
  sandbox: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface Campaign {
  id: string;
  name: string;
  description: string;
  trigger: Trigger;
  conditions: Conditions;
  effect: Effect;
  perPersonLimit: number | null;
  perPersonPeriod: Period;
  currency: string;
  accountId: string;
  status: CampaignStatus;
  startsAt: Date | null;
  endsAt: Date | null;
}

export const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  name: r.name,
  description: r.description,
  trigger: r.trigger,
  conditions: conditionsFromJson(r.conditions),
  effect: effectFromJson(r.effect),
  perPersonLimit: r.per_person_limit,
  perPersonPeriod: r.per_person_period,
  currency: r.currency.trim(),
  accountId: r.account_id,
  status: r.status,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
});

/** A campaign as the API shows it: its rules, and its money (funded, paid out, left). */
export async function campaignViews(db: Queryable, rows: CampaignRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [balances, stats] = await Promise.all([
    getBalances(
      db,
      rows.map((r) => r.account_id),
    ),
    db.query<{ campaign_id: string; funded: bigint; paid: bigint; rewards: number; receivable: bigint }>(
      `SELECT c.id AS campaign_id,
              COALESCE((SELECT sum(amount) FROM promotions.fundings f WHERE f.campaign_id = c.id), 0)::bigint AS funded,
              COALESCE((SELECT sum(amount) FROM promotions.rewards r WHERE r.campaign_id = c.id AND r.status = 'paid'), 0)::bigint AS paid,
              (SELECT count(*) FROM promotions.rewards r WHERE r.campaign_id = c.id AND r.amount > 0)::int AS rewards,
              COALESCE((SELECT sum(receivable) FROM promotions.rewards r WHERE r.campaign_id = c.id), 0)::bigint AS receivable
         FROM promotions.campaigns c WHERE c.id = ANY ($1::uuid[])`,
      [ids],
    ),
  ]);
  const byId = new Map(stats.rows.map((s) => [s.campaign_id, s]));
  return rows.map((r) => {
    const s = byId.get(r.id);
    const funded = BigInt(s?.funded ?? 0n);
    const remaining = balances.get(r.account_id)?.available ?? 0n;
    return {
      ...publicView(r),
      perPersonLimit: r.per_person_limit,
      perPersonPeriod: r.per_person_period,
      conditions: conditionsFromJson(r.conditions),
      accountId: r.account_id,
      sandbox: r.sandbox,
      funded,
      spent: funded - remaining,
      remaining,
      redemptions: s?.rewards ?? 0,
      receivable: BigInt(s?.receivable ?? 0n),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

/** What a customer sees of a running campaign. */
export const publicView = (r: CampaignRow) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  trigger: r.trigger,
  effect: effectView(effectFromJson(r.effect)),
  categories: (r.conditions.categories as string[] | undefined) ?? [],
  currency: r.currency.trim(),
  status: r.status,
  startsAt: r.starts_at?.toISOString() ?? null,
  endsAt: r.ends_at?.toISOString() ?? null,
});

export async function loadCampaign(db: Queryable, id: string, lock = false): Promise<CampaignRow> {
  const { rows } = await db.query<CampaignRow>(
    `SELECT * FROM promotions.campaigns WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound('Campaign');
  return rows[0];
}

export async function listCampaigns(db: Queryable, status?: CampaignStatus) {
  const { rows } = await db.query<CampaignRow>(
    `SELECT * FROM promotions.campaigns WHERE ($1::text IS NULL OR status = $1)
      ORDER BY created_at DESC LIMIT 200`,
    [status ?? null],
  );
  return campaignViews(db, rows);
}

/** The campaigns a customer may earn from now. */
export async function activeCampaigns(db: Queryable, now: Date) {
  const { rows } = await db.query<CampaignRow>(
    `SELECT * FROM promotions.campaigns
      WHERE status = 'active' AND (starts_at IS NULL OR starts_at <= $1) AND (ends_at IS NULL OR ends_at > $1)
      ORDER BY created_at DESC LIMIT 100`,
    [now],
  );
  return rows.map(publicView);
}

export interface CampaignInput {
  name: string;
  description?: string;
  trigger: Trigger;
  conditions?: Record<string, unknown>;
  effect: Record<string, unknown>;
  perPersonLimit?: number | null;
  perPersonPeriod?: Period;
  currency?: string;
  startsAt?: string | null;
  endsAt?: string | null;
}

/** Creates a campaign (a draft) with its own promotion account; audited. */
export async function createCampaign(
  ctx: AppContext,
  actor: Actor | null,
  input: CampaignInput,
  options: { id?: string; sandbox?: boolean; tx?: Tx } = {},
) {
  const effect = parseEffect(input.trigger, input.effect);
  const conditions = parseConditions(input.conditions);
  const startsAt = input.startsAt ? new Date(input.startsAt) : null;
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if ((startsAt && Number.isNaN(startsAt.getTime())) || (endsAt && Number.isNaN(endsAt.getTime())))
    throw new AppError('invalid_campaign', 'startsAt and endsAt must be dates');
  if (startsAt && endsAt && endsAt <= startsAt)
    throw new AppError('invalid_campaign', 'endsAt must be after startsAt');
  const currency = input.currency ?? 'NGN';
  if (currency !== 'NGN') throw new AppError('unsupported_currency', 'Campaigns pay in NGN');
  const id = options.id ?? uuidv7();
  const run = async (tx: Tx) => {
    const account = await createAccount(tx, {
      id: uuidv5(`campaign-account:${id}`, PROMOTIONS_NAMESPACE),
      key: `campaign:${id}`,
      currency,
      type: 'promotion_expense',
      name: `Campaign: ${input.name}`.slice(0, 200),
      debitsMustNotExceedCredits: true,
      metadata: { campaignId: id },
    });
    const { rows } = await tx.query<CampaignRow>(
      `INSERT INTO promotions.campaigns
         (id, name, description, trigger, conditions, effect, per_person_limit, per_person_period,
          currency, account_id, starts_at, ends_at, sandbox, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO NOTHING RETURNING *`,
      [
        id,
        input.name,
        input.description ?? '',
        input.trigger,
        JSON.stringify(conditionsToJson(conditions)),
        JSON.stringify(effectToJson(effect)),
        input.perPersonLimit ?? null,
        input.perPersonPeriod ?? 'campaign',
        currency,
        account.id,
        startsAt,
        endsAt,
        options.sandbox ?? false,
        actor?.auth.userId ?? null,
      ],
    );
    const row = rows[0] ?? (await loadCampaign(tx, id));
    if (rows[0])
      await recordAudit(tx, {
        actorId: actor?.auth.userId ?? null,
        action: 'campaign.create',
        targetType: 'campaign',
        targetId: id,
        before: null,
        after: { ...input },
        requestId: actor?.requestId,
      });
    return row;
  };
  if (options.tx) return (await campaignViews(options.tx, [await run(options.tx)]))[0]!;
  const row = await ctx.db.transaction(run);
  return (await campaignViews(ctx.db, [row]))[0]!;
}

/** Pauses, resumes (active), starts (active) or ends a campaign, as the table allows; audited. */
export async function changeCampaignStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  to: CampaignStatus,
  reason?: string,
) {
  const row = await ctx.db.transaction(async (tx) => {
    const c = await loadCampaign(tx, id, true);
    if (!campaignStates.allows(c.status, to))
      throw new AppError('campaign_state_invalid', `A campaign that is ${c.status} cannot become ${to}`);
    await transitionRow(tx, campaignStates, {
      table: 'promotions.campaigns',
      id,
      from: c.status,
      to,
      set: { updated_at: 'now()' },
    });
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: `campaign.${to === 'active' ? (c.status === 'draft' ? 'start' : 'resume') : to === 'paused' ? 'pause' : 'end'}`,
      targetType: 'campaign',
      targetId: id,
      before: { status: c.status },
      after: { status: to },
      reason,
      requestId: actor.requestId,
    });
    return loadCampaign(tx, id);
  });
  return (await campaignViews(ctx.db, [row]))[0]!;
}

/**
 * Funds a campaign: treasury -> the campaign's account, a ledger transaction
 * whose id is derived from the idempotency key, with its funding row and
 * audit row in the same database transaction. An ended campaign takes no
 * more money.
 */
export async function fundCampaign(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  amount: bigint,
  claim: IdempotencyClaim | { scope: string; key: string; system: true },
  tx?: Tx,
): Promise<IdempotentResult> {
  const fundingId = uuidv5(`campaign-funding:${claim.scope}:${claim.key}`, PROMOTIONS_NAMESPACE);
  const run = async (t: Tx) => {
    const c = await loadCampaign(t, id, true);
    if (c.status === 'ended')
      throw new AppError('campaign_state_invalid', 'An ended campaign takes no more money');
    const inserted = await t.query(
      `INSERT INTO promotions.fundings (id, campaign_id, amount, actor_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING 1`,
      [fundingId, id, amount, actor?.auth.userId ?? null],
    );
    if (inserted.rows.length > 0) {
      const currency = c.currency.trim();
      const [r] = await createTransactions(t, [
        {
          id: fundingId,
          kind: 'transfer',
          currency,
          code: 'campaign_funding',
          legs: [
            { accountId: treasuryAccountId(currency), side: 'D', amount },
            { accountId: c.account_id, side: 'C', amount },
          ],
          metadata: { description: `Funding: ${c.name}`, campaignId: id },
        },
      ]);
      if (!r?.ok) throw new AppError('ledger_refused', `The ledger refused the funding (${r?.code})`);
      await recordAudit(t, {
        actorId: actor?.auth.userId ?? null,
        action: 'campaign.fund',
        targetType: 'campaign',
        targetId: id,
        before: null,
        after: { amount, fundingId },
        requestId: actor?.requestId,
      });
    }
    const body = (await campaignViews(t, [await loadCampaign(t, id)]))[0]!;
    if (!('system' in claim)) await completeIdempotent(t, claim, 201, body);
    return { status: 201, body };
  };
  return tx ? run(tx) : ctx.db.transaction(run);
}
