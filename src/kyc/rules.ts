/**
 * Tier rules: what each tier may do in a currency. Versioned: a change is a
 * new row effective from a time, and the version in force at a moment is the
 * latest one that started at or before it. Rows are never updated (a trigger
 * refuses it), so "what applied then" can always be answered.
 */
import type { Queryable, Tx } from '../db/index.js';
import { AppError, forbidden } from '../errors/index.js';
import { type Actor, recordAudit } from '../identity/index.js';

export type Tier = 1 | 2 | 3;
export const TIERS: readonly Tier[] = [1, 2, 3];

export interface TierRule {
  id: string;
  tier: Tier;
  currency: string;
  dailyDebitLimit: bigint;
  /** null: no maximum balance. */
  maxBalance: bigint | null;
  singleTransactionLimit: bigint;
  singleDepositLimit: bigint;
  effectiveFrom: Date;
  /** null: the migration's seed. */
  createdBy: string | null;
  createdAt: Date;
  reason: string;
}

interface RuleRow {
  id: bigint;
  tier: number;
  currency: string;
  daily_debit_limit: bigint;
  max_balance: bigint | null;
  single_transaction_limit: bigint;
  single_deposit_limit: bigint;
  effective_from: Date;
  created_by: string | null;
  created_at: Date;
  reason: string;
}

const COLUMNS = `id, tier, currency, daily_debit_limit, max_balance, single_transaction_limit,
  single_deposit_limit, effective_from, created_by, created_at, reason`;

const toRule = (r: RuleRow): TierRule => ({
  id: String(r.id),
  tier: r.tier as Tier,
  currency: r.currency.trim(),
  dailyDebitLimit: r.daily_debit_limit,
  maxBalance: r.max_balance,
  singleTransactionLimit: r.single_transaction_limit,
  singleDepositLimit: r.single_deposit_limit,
  effectiveFrom: r.effective_from,
  createdBy: r.created_by,
  createdAt: r.created_at,
  reason: r.reason,
});

/**
 * The rule version in force for a tier and currency at a moment, or
 * undefined: that currency is not allowed at that tier (then, or yet).
 */
export async function rulesFor(
  db: Queryable,
  tier: Tier,
  currency: string,
  at: Date = new Date(),
): Promise<TierRule | undefined> {
  const { rows } = await db.query<RuleRow>(
    `SELECT ${COLUMNS} FROM kyc.tier_rules
      WHERE tier = $1 AND currency = $2 AND effective_from <= $3
      ORDER BY effective_from DESC, id DESC LIMIT 1`,
    [tier, currency, at],
  );
  return rows[0] && toRule(rows[0]);
}

/** Every version, by tier and currency, newest first; `inForce` marks the one that applies now. */
export async function listTierRules(db: Queryable): Promise<(TierRule & { inForce: boolean })[]> {
  const { rows } = await db.query<RuleRow & { in_force: boolean }>(
    `SELECT ${COLUMNS},
            id = (SELECT n.id FROM kyc.tier_rules n
                   WHERE n.tier = r.tier AND n.currency = r.currency AND n.effective_from <= now()
                   ORDER BY n.effective_from DESC, n.id DESC LIMIT 1) AS in_force
       FROM kyc.tier_rules r
      ORDER BY currency, tier, effective_from DESC, id DESC`,
  );
  return rows.map((r) => ({ ...toRule(r), inForce: r.in_force }));
}

export interface TierRuleInput {
  tier: Tier;
  currency: string;
  dailyDebitLimit: bigint;
  maxBalance: bigint | null;
  singleTransactionLimit: bigint;
  singleDepositLimit: bigint;
  /** Default: now. Never in the past: that would change what already applied. */
  effectiveFrom?: Date;
  reason: string;
}

/** How far in the past "now" may be given (the clock of the client and ours differ). */
const PAST_SLACK_MS = 60_000;

function checkRuleInput(input: TierRuleInput, now: Date): Date {
  const effectiveFrom = input.effectiveFrom ?? now;
  if (effectiveFrom.getTime() < now.getTime() - PAST_SLACK_MS)
    throw new AppError(
      'validation_failed',
      'effectiveFrom may not be in the past: add a version from now on',
    );
  if (input.singleTransactionLimit > input.dailyDebitLimit)
    throw new AppError('validation_failed', 'singleTransactionLimit may not exceed dailyDebitLimit');
  if (input.maxBalance !== null && input.singleDepositLimit > input.maxBalance)
    throw new AppError('validation_failed', 'singleDepositLimit may not exceed maxBalance');
  return effectiveFrom;
}

/**
 * Adds a rule version for a tier and currency (admins only), effective from
 * a time (default now), audited in the same transaction with the version it
 * replaces. Older versions stay as they are.
 */
export async function setTierRules(tx: Tx, actor: Actor, input: TierRuleInput): Promise<TierRule> {
  if (actor.auth.role !== 'admin') throw forbidden('Only an admin can change tier rules');
  const now = new Date();
  const effectiveFrom = checkRuleInput(input, now);
  const before = await rulesFor(tx, input.tier, input.currency, effectiveFrom);
  const { rows } = await tx.query<RuleRow>(
    `INSERT INTO kyc.tier_rules (tier, currency, daily_debit_limit, max_balance, single_transaction_limit,
                                 single_deposit_limit, effective_from, created_by, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (tier, currency, effective_from) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      input.tier,
      input.currency,
      input.dailyDebitLimit,
      input.maxBalance,
      input.singleTransactionLimit,
      input.singleDepositLimit,
      effectiveFrom,
      actor.auth.userId,
      input.reason,
    ],
  );
  if (!rows[0])
    throw new AppError(
      'validation_failed',
      'A version for this tier and currency starts at that time already',
    );
  const rule = toRule(rows[0]);
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: 'kyc.tier_rules_set',
    targetType: 'kyc_tier_rule',
    targetId: rule.id,
    before: before ?? null,
    after: rule,
    reason: input.reason,
    requestId: actor.requestId,
  });
  return rule;
}
