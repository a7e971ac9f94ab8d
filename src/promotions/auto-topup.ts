/**
 * Auto top-up: when a wallet falls below the person's threshold, the worker
 * charges their saved card (Paystack's charge_authorization) for the rule's
 * amount, at most max_per_day times a Lagos day and max_per_month in a
 * month. The charge is a deposit like any other: recorded pending before the
 * gateway is asked, credited by the same webhook (or verify) path. One
 * charge per triggering balance event: the charge row is unique by the event
 * and the gateway reference is derived from it, so a redelivered event (or a
 * concurrent one for the same rule, serialised on the rule's row lock)
 * never charges twice; while a charge is unresolved no other starts.
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { defineStates, transitionRow } from '../db/state-machine.js';
import { AppError, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { assertCanReceive } from '../kyc/index.js';
import { getBalances } from '../ledger/index.js';
import { chargeAuthorization, PaystackRefused, PaystackUnavailable } from '../paystack/index.js';
import {
  applyGatewayEvent,
  depositStatuses,
  getOwnWallet,
  insertCardChargeDeposit,
} from '../wallets/index.js';
import { type CardRow, getCard } from './cards.js';
import { PROMOTIONS_NAMESPACE } from './campaigns.js';

export const MIN_TOPUP = 100n;
export const MAX_TOPUP = 1_000_000_000n;
export const MAX_PER_DAY = 10;

type ChargeStatus = 'pending' | 'succeeded' | 'failed';
const chargeStates = defineStates<ChargeStatus>('auto_topup_charge', {
  pending: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
});

export interface RuleRow {
  id: string;
  user_id: string;
  wallet_id: string;
  card_id: string;
  threshold: bigint;
  amount: bigint;
  max_per_day: number;
  max_per_month: bigint;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

interface ChargeRow {
  id: string;
  rule_id: string;
  trigger_ref: string;
  reference: string;
  deposit_id: string;
  amount: bigint;
  status: ChargeStatus;
  reason: string | null;
  created_at: Date;
}

export interface RuleInput {
  walletId: string;
  cardId: string;
  threshold: bigint;
  amount: bigint;
  maxPerDay: number;
  maxPerMonth: bigint;
  enabled?: boolean;
}

function validate(r: Omit<RuleInput, 'walletId' | 'cardId'>) {
  if (r.threshold < 1n || r.threshold > MAX_TOPUP)
    throw new AppError('invalid_auto_topup_rule', 'threshold is out of range');
  if (r.amount < MIN_TOPUP || r.amount > MAX_TOPUP)
    throw new AppError('invalid_auto_topup_rule', `amount must be ${MIN_TOPUP}..${MAX_TOPUP} minor units`);
  if (!Number.isInteger(r.maxPerDay) || r.maxPerDay < 1 || r.maxPerDay > MAX_PER_DAY)
    throw new AppError('invalid_auto_topup_rule', `maxPerDay must be 1..${MAX_PER_DAY}`);
  if (r.maxPerMonth < r.amount)
    throw new AppError('invalid_auto_topup_rule', 'maxPerMonth must be at least one top-up');
}

/** A rule as its owner sees it, with its recent charges (the outcome read from their deposits). */
async function ruleViews(db: Queryable, rules: RuleRow[]) {
  if (rules.length === 0) return [];
  const { rows: charges } = await db.query<ChargeRow>(
    `SELECT * FROM promotions.auto_topup_charges WHERE rule_id = ANY ($1::uuid[]) ORDER BY created_at DESC LIMIT 200`,
    [rules.map((r) => r.id)],
  );
  const statuses = await depositStatuses(
    db,
    charges.map((c) => c.deposit_id),
  );
  const { rows: cards } = await db.query<CardRow>(
    'SELECT * FROM promotions.saved_cards WHERE id = ANY ($1::uuid[])',
    [rules.map((r) => r.card_id)],
  );
  return rules.map((r) => {
    const card = cards.find((c) => c.id === r.card_id);
    return {
      id: r.id,
      walletId: r.wallet_id,
      cardId: r.card_id,
      card: card ? { last4: card.last4, brand: card.brand, removed: card.removed_at !== null } : null,
      threshold: r.threshold,
      amount: r.amount,
      maxPerDay: r.max_per_day,
      maxPerMonth: r.max_per_month,
      enabled: r.enabled,
      charges: charges
        .filter((c) => c.rule_id === r.id)
        .slice(0, 20)
        .map((c) => ({
          id: c.id,
          reference: c.reference,
          amount: c.amount,
          status: effectiveStatus(c, statuses.get(c.deposit_id)),
          reason: c.reason,
          createdAt: c.created_at.toISOString(),
        })),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

/** A charge's outcome: its own when settled here, else its deposit's (the webhook or verify settles that). */
function effectiveStatus(c: ChargeRow, deposit: string | undefined): ChargeStatus {
  if (c.status !== 'pending') return c.status;
  if (deposit === 'succeeded') return 'succeeded';
  if (deposit === 'failed' || deposit === 'flagged') return 'failed';
  return 'pending';
}

export async function listRules(db: Queryable, userId: string) {
  const { rows } = await db.query<RuleRow>(
    'SELECT * FROM promotions.auto_topup_rules WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
  return ruleViews(db, rows);
}

async function ownRule(db: Queryable, userId: string, id: string, lock = false): Promise<RuleRow> {
  const { rows } = await db.query<RuleRow>(
    `SELECT * FROM promotions.auto_topup_rules WHERE id = $1 AND user_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [id, userId],
  );
  if (!rows[0]) throw notFound('Auto top-up rule');
  return rows[0];
}

/** Sets up auto top-up for one wallet (one rule per wallet: 409 when it has one). */
export async function createRule(
  ctx: AppContext,
  userId: string,
  input: RuleInput,
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  validate(input);
  const wallet = await getOwnWallet(ctx.db, userId, input.walletId);
  if (wallet.currency !== 'NGN') throw new AppError('unsupported_currency', 'Auto top-up is for NGN wallets');
  await getCard(ctx.db, userId, input.cardId);
  const id = uuidv5(`auto-topup-rule:${claim.scope}:${claim.key}`, PROMOTIONS_NAMESPACE);
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<RuleRow>(
      `INSERT INTO promotions.auto_topup_rules
         (id, user_id, wallet_id, card_id, threshold, amount, max_per_day, max_per_month, enabled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (wallet_id) DO NOTHING RETURNING *`,
      [
        id,
        userId,
        wallet.id,
        input.cardId,
        input.threshold,
        input.amount,
        input.maxPerDay,
        input.maxPerMonth,
        input.enabled ?? true,
      ],
    );
    if (!rows[0])
      throw new AppError(
        'auto_topup_rule_exists',
        'This wallet already has an auto top-up rule: change it instead',
      );
    const body = (await ruleViews(tx, rows))[0];
    await completeIdempotent(tx, claim, 201, body);
    return { status: 201, body };
  });
}

export async function updateRule(
  ctx: AppContext,
  userId: string,
  id: string,
  patch: Partial<Omit<RuleInput, 'walletId'>>,
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  if (patch.cardId) await getCard(ctx.db, userId, patch.cardId);
  return ctx.db.transaction(async (tx) => {
    const r = await ownRule(tx, userId, id, true);
    const next = {
      cardId: patch.cardId ?? r.card_id,
      threshold: patch.threshold ?? r.threshold,
      amount: patch.amount ?? r.amount,
      maxPerDay: patch.maxPerDay ?? r.max_per_day,
      maxPerMonth: patch.maxPerMonth ?? r.max_per_month,
      enabled: patch.enabled ?? r.enabled,
    };
    validate(next);
    const { rows } = await tx.query<RuleRow>(
      `UPDATE promotions.auto_topup_rules
          SET card_id = $3, threshold = $4, amount = $5, max_per_day = $6, max_per_month = $7, enabled = $8, updated_at = now()
        WHERE id = $1 AND user_id = $2 RETURNING *`,
      [id, userId, next.cardId, next.threshold, next.amount, next.maxPerDay, next.maxPerMonth, next.enabled],
    );
    const body = (await ruleViews(tx, rows))[0];
    await completeIdempotent(tx, claim, 200, body);
    return { status: 200, body };
  });
}

export async function deleteRule(ctx: AppContext, userId: string, id: string) {
  await ctx.db.transaction(async (tx) => {
    await ownRule(tx, userId, id, true);
    // A rule with charges stays (they refer to it), switched off; one without goes.
    const { rows } = await tx.query(
      'SELECT 1 FROM promotions.auto_topup_charges WHERE rule_id = $1 LIMIT 1',
      [id],
    );
    if (rows.length > 0)
      await tx.query(
        'UPDATE promotions.auto_topup_rules SET enabled = false, updated_at = now() WHERE id = $1',
        [id],
      );
    else await tx.query('DELETE FROM promotions.auto_topup_rules WHERE id = $1', [id]);
  });
}

export type TopupOutcome =
  | 'no_rule'
  | 'above_threshold'
  | 'duplicate'
  | 'in_flight'
  | 'day_cap'
  | 'month_cap'
  | 'over_limit'
  | 'charged'
  | 'declined'
  | 'pending';

/** Lagos (UTC+1) day and month starts, for the caps. */
const LAGOS = "interval '1 hour'";

interface Started {
  charge: ChargeRow;
  card: CardRow;
}

/** Under the rule's lock: the caps, then the charge and its pending deposit (or why not). */
async function startCharge(
  ctx: AppContext,
  tx: Tx,
  ruleId: string,
  triggerRef: string,
): Promise<Started | TopupOutcome> {
  const { rows } = await tx.query<RuleRow>(
    'SELECT * FROM promotions.auto_topup_rules WHERE id = $1 FOR UPDATE',
    [ruleId],
  );
  const rule = rows[0];
  if (!rule?.enabled) return 'no_rule';
  const seen = await tx.query('SELECT 1 FROM promotions.auto_topup_charges WHERE trigger_ref = $1', [
    triggerRef,
  ]);
  if (seen.rows.length > 0) return 'duplicate';
  const { rows: month } = await tx.query<ChargeRow & { today: boolean }>(
    `SELECT *, created_at >= date_trunc('day', now() + ${LAGOS}) - ${LAGOS} AS today
       FROM promotions.auto_topup_charges
      WHERE rule_id = $1 AND created_at >= date_trunc('month', now() + ${LAGOS}) - ${LAGOS}`,
    [rule.id],
  );
  const statuses = await depositStatuses(
    tx,
    month.map((c) => c.deposit_id),
  );
  const live = month.filter((c) => effectiveStatus(c, statuses.get(c.deposit_id)) !== 'failed');
  if (live.some((c) => effectiveStatus(c, statuses.get(c.deposit_id)) === 'pending')) return 'in_flight';
  if (live.filter((c) => c.today).length >= rule.max_per_day) return 'day_cap';
  if (live.reduce((s, c) => s + c.amount, 0n) + rule.amount > rule.max_per_month) return 'month_cap';
  const balance = (await getBalances(tx, [rule.wallet_id])).get(rule.wallet_id);
  if (!balance || balance.available >= rule.threshold) return 'above_threshold';
  const { rows: cards } = await tx.query<CardRow>(
    'SELECT * FROM promotions.saved_cards WHERE id = $1 AND removed_at IS NULL',
    [rule.card_id],
  );
  if (!cards[0]) return 'no_rule';
  const id = uuidv5(`auto-topup:${triggerRef}`, PROMOTIONS_NAMESPACE);
  const reference = `VATU-${id.replaceAll('-', '').slice(0, 20).toUpperCase()}`;
  const depositId = uuidv5(`auto-topup-deposit:${id}`, PROMOTIONS_NAMESPACE);
  await insertCardChargeDeposit(ctx, tx, {
    id: depositId,
    reference,
    userId: rule.user_id,
    walletId: rule.wallet_id,
    amount: rule.amount,
    currency: 'NGN',
  });
  const { rows: inserted } = await tx.query<ChargeRow>(
    `INSERT INTO promotions.auto_topup_charges (id, rule_id, user_id, trigger_ref, reference, deposit_id, amount)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [id, rule.id, rule.user_id, triggerRef, reference, depositId, rule.amount],
  );
  return { charge: inserted[0]!, card: cards[0] };
}

async function settleCharge(ctx: AppContext, charge: ChargeRow, to: 'succeeded' | 'failed', reason?: string) {
  await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<ChargeRow>(
      'SELECT * FROM promotions.auto_topup_charges WHERE id = $1 FOR UPDATE',
      [charge.id],
    );
    if (rows[0]?.status !== 'pending') return;
    await transitionRow(tx, chargeStates, {
      table: 'promotions.auto_topup_charges',
      id: charge.id,
      from: 'pending',
      to,
      set: { reason: (v) => `${v(reason ?? null)}::text` },
    });
  });
}

/** Which of these wallets have an enabled rule, with one query (the common answer is none). */
export async function walletsWithRules(db: Queryable, walletIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ wallet_id: string }>(
    'SELECT wallet_id FROM promotions.auto_topup_rules WHERE wallet_id = ANY ($1::uuid[]) AND enabled',
    [walletIds],
  );
  return new Set(rows.map((r) => r.wallet_id));
}

/**
 * A balance event for a wallet: charges its saved card when the wallet is
 * below the rule's threshold and the caps allow. `triggerRef` names the
 * event (one charge per event, ever).
 */
export async function checkAutoTopup(
  ctx: AppContext,
  walletId: string,
  triggerRef: string,
): Promise<TopupOutcome> {
  const { rows } = await ctx.db.query<RuleRow>(
    'SELECT * FROM promotions.auto_topup_rules WHERE wallet_id = $1 AND enabled',
    [walletId],
  );
  const rule = rows[0];
  if (!rule) return 'no_rule';
  const balance = (await getBalances(ctx.db, [walletId])).get(walletId);
  if (!balance || balance.available >= rule.threshold) return 'above_threshold';
  try {
    // Never charge a card for money the wallet may not hold (the tier's maximum balance).
    await assertCanReceive(ctx, rule.user_id, 'NGN', rule.amount);
  } catch (error) {
    if (error instanceof AppError) return 'over_limit';
    throw error;
  }
  const started = await ctx.db.transaction((tx) => startCharge(ctx, tx, rule.id, triggerRef));
  if (typeof started === 'string') return started;
  const { charge, card } = started;
  const gateway = ctx.paystack?.gateway;
  if (!gateway) return 'pending'; // the verify task asks about it (and fails it, never seen, after its window)
  const base = { reference: charge.reference, amount: Number(charge.amount), currency: 'NGN' };
  try {
    const t = await chargeAuthorization(gateway, {
      authorizationCode: card.authorization_code,
      email: card.email,
      amount: charge.amount,
      currency: 'NGN',
      reference: charge.reference,
    });
    if (t.status === 'success') {
      await applyGatewayEvent(ctx, {
        event: 'charge.success',
        via: 'verify',
        data: { ...base, status: t.status, id: t.id },
      });
      await settleCharge(ctx, charge, 'succeeded');
      return 'charged';
    }
    if (t.status === 'failed') {
      await applyGatewayEvent(ctx, {
        event: 'charge.failed',
        via: 'verify',
        data: { ...base, status: t.status, id: t.id },
      });
      await settleCharge(ctx, charge, 'failed', t.gateway_response ?? 'declined');
      return 'declined';
    }
    return 'pending';
  } catch (error) {
    if (error instanceof PaystackRefused) {
      await applyGatewayEvent(ctx, {
        event: 'charge.failed',
        via: 'verify',
        data: { ...base, status: 'failed' },
      });
      await settleCharge(ctx, charge, 'failed', error.message);
      return 'declined';
    }
    if (error instanceof PaystackUnavailable) {
      // Unknown outcome: the deposit stays pending and the verify task settles it. Never charged again.
      ctx.log.warn({ reference: charge.reference, reason: error.message }, 'auto top-up charge: no answer');
      return 'pending';
    }
    throw error;
  }
}
