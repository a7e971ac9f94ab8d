/**
 * Provider float: what we hold with each bill provider. Our figure is the
 * provider_float ledger account (top-ups in, what each delivered vend cost
 * out); theirs is what the provider's balance endpoint says. Operators record
 * top-ups (bank -> float, idempotent by bank reference); the worker polls
 * the provider's balance, records the drift and raises low-float and drift
 * alerts (edge-triggered: one open alert per provider and kind).
 *
 * Sign: bill holds credit the float account and top-ups debit it, so the
 * float we hold with the provider is debits - credits (minus the account's
 * posted balance as the ledger reports it, credits - debits).
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { createTransactions, getBalanceAt, getBalances } from '../ledger/index.js';
import { systemAccountId } from '../wallets/index.js';
import { floatDrift, floatMinor } from './metrics.js';

export const SETTLEMENT_NAMESPACE = '0c5f8f7e-2d4b-4e61-9a3c-7b1d9e5f3a27';
/** Bill providers are paid in naira. */
export const FLOAT_CURRENCY = 'NGN';
const RECENT_TOPUPS = 20;
/** Balance checks kept per provider (older ones are pruned as new ones arrive). */
const CHECKS_KEPT = 10_000;

export const floatAccountOf = (provider: string) =>
  systemAccountId('provider_float', FLOAT_CURRENCY, provider);
export const bankAccount = () => systemAccountId('settlement_bank', FLOAT_CURRENCY);

/** The providers this process knows (the configured ones; both sandbox names when none run here). */
export function providerNames(ctx: AppContext): string[] {
  return ctx.providers?.names ?? ['vtpass', 'vtpass-b'];
}

function assertProvider(ctx: AppContext, provider: string) {
  if (!providerNames(ctx).includes(provider)) throw notFound(`Provider ${provider}`);
}

/** Our float with a provider now: posted (delivered vends, top-ups) and what in-flight vends hold. */
export async function ourFloat(db: Queryable, provider: string) {
  const id = floatAccountOf(provider);
  const b = (await getBalances(db as Tx, [id])).get(id);
  return { posted: b ? -b.posted : 0n, heldForVends: b?.creditsPending ?? 0n };
}

/** Our float with a provider as it stood at a moment, from the journal. */
export async function ourFloatAt(db: Queryable, provider: string, at: Date): Promise<bigint> {
  return -(await getBalanceAt(db as Tx, floatAccountOf(provider), at));
}

export interface FloatTopupRow {
  id: string;
  provider: string;
  currency: string;
  amount: bigint;
  bank_reference: string;
  actor_id: string | null;
  created_at: Date;
}

const topupView = (r: FloatTopupRow) => ({
  id: r.id,
  provider: r.provider,
  currency: r.currency.trim(),
  amount: r.amount,
  bankReference: r.bank_reference,
  actorId: r.actor_id,
  createdAt: r.created_at.toISOString(),
});

/**
 * An operator records money sent from our bank to a provider's float: one
 * ledger transfer (settlement bank -> provider float), its row and its audit
 * record in one transaction. The bank reference makes it idempotent: the same
 * reference again answers the first top-up; with another amount, 409.
 */
export async function recordFloatTopup(
  ctx: AppContext,
  actor: Actor,
  input: { provider: string; amount: bigint; bankReference: string },
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  assertProvider(ctx, input.provider);
  const id = uuidv5(`float-topup:${input.provider}:${input.bankReference}`, SETTLEMENT_NAMESPACE);
  const outcome = await ctx.db.transaction(async (tx) => {
    // The row first: a concurrent top-up with the same reference waits here for this one.
    const inserted = await tx.query<FloatTopupRow>(
      `INSERT INTO settlement.float_topups (id, provider, currency, amount, bank_reference, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (provider, bank_reference) DO NOTHING RETURNING *`,
      [id, input.provider, FLOAT_CURRENCY, input.amount, input.bankReference, actor.auth.userId],
    );
    const row = inserted.rows[0] ?? (await existingTopup(tx, input.provider, input.bankReference));
    if (!inserted.rows[0] && row.amount !== input.amount) {
      throw new AppError(
        'bank_reference_reused',
        `Bank reference ${input.bankReference} was already recorded for ${row.amount} minor units`,
      );
    }
    const created = inserted.rows[0] !== undefined;
    if (created) await bookTopup(tx, actor, row);
    const body = topupView(row);
    await completeIdempotent(tx, claim, created ? 201 : 200, body);
    return { status: created ? 201 : 200, body, created };
  });
  // Sandbox: the transfer "reaches" the in-process simulator, as a real one reaches VTpass.
  if (outcome.created) ctx.providers?.sims.find((s) => s.name === input.provider)?.topUp(input.amount);
  return { status: outcome.status, body: outcome.body };
}

async function existingTopup(tx: Tx, provider: string, bankReference: string): Promise<FloatTopupRow> {
  const { rows } = await tx.query<FloatTopupRow>(
    'SELECT * FROM settlement.float_topups WHERE provider = $1 AND bank_reference = $2',
    [provider, bankReference],
  );
  if (!rows[0]) throw new Error(`float top-up ${bankReference}: conflict without a row`);
  return rows[0];
}

async function bookTopup(tx: Tx, actor: Actor, row: FloatTopupRow) {
  const [r] = await createTransactions(tx, [
    {
      id: row.id,
      kind: 'transfer',
      currency: FLOAT_CURRENCY,
      code: 'float_topup',
      legs: [
        { accountId: floatAccountOf(row.provider), side: 'D', amount: row.amount },
        { accountId: bankAccount(), side: 'C', amount: row.amount },
      ],
      metadata: {
        description: `Float top-up to ${row.provider}`,
        reference: row.bank_reference,
        bankReference: row.bank_reference,
        provider: row.provider,
      },
    },
  ]);
  if (!r?.ok) throw new AppError('ledger_refused', `The ledger refused the top-up (${r?.code})`);
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: 'provider.float_topup',
    targetType: 'provider',
    targetId: row.provider,
    before: null,
    after: { amount: String(row.amount), bankReference: row.bank_reference, topupId: row.id },
    requestId: actor.requestId,
  });
}

export interface FloatSettings {
  lowFloatThreshold: bigint;
  driftThreshold: bigint;
}

export async function floatSettings(db: Queryable, provider: string): Promise<FloatSettings> {
  const { rows } = await db.query<{ low_float_threshold: bigint; drift_threshold: bigint }>(
    'SELECT low_float_threshold, drift_threshold FROM settlement.provider_settings WHERE provider = $1',
    [provider],
  );
  return {
    lowFloatThreshold: rows[0]?.low_float_threshold ?? 0n,
    driftThreshold: rows[0]?.drift_threshold ?? 0n,
  };
}

/** An operator sets a provider's low-float and drift thresholds (audited in the same transaction). */
export async function changeFloatSettings(
  ctx: AppContext,
  actor: Actor,
  provider: string,
  update: Partial<FloatSettings>,
): Promise<FloatSettings> {
  assertProvider(ctx, provider);
  return ctx.db.transaction(async (tx) => {
    const before = await floatSettings(tx, provider);
    const after = { ...before, ...update };
    await tx.query(
      `INSERT INTO settlement.provider_settings (provider, low_float_threshold, drift_threshold)
       VALUES ($1, $2, $3)
       ON CONFLICT (provider) DO UPDATE SET low_float_threshold = $2, drift_threshold = $3, updated_at = now()`,
      [provider, after.lowFloatThreshold, after.driftThreshold],
    );
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: 'provider.float_settings',
      targetType: 'provider',
      targetId: provider,
      before: {
        lowFloatThreshold: String(before.lowFloatThreshold),
        driftThreshold: String(before.driftThreshold),
      },
      after: {
        lowFloatThreshold: String(after.lowFloatThreshold),
        driftThreshold: String(after.driftThreshold),
      },
      requestId: actor.requestId,
    });
    return after;
  });
}

/** Opens (once) or resolves an alert; true when this call opened it. */
async function setAlert(tx: Tx, provider: string, kind: 'low_float' | 'drift', on: boolean, message: string) {
  if (!on) {
    await tx.query(
      'UPDATE settlement.alerts SET resolved_at = now() WHERE provider = $1 AND kind = $2 AND resolved_at IS NULL',
      [provider, kind],
    );
    return false;
  }
  const { rows } = await tx.query(
    `INSERT INTO settlement.alerts (provider, kind, message) VALUES ($1, $2, $3)
     ON CONFLICT (provider, kind) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
    [provider, kind, message.slice(0, 500)],
  );
  return rows.length > 0;
}

export interface FloatCheck {
  provider: string;
  ours: bigint;
  theirs: bigint | null;
  drift: bigint | null;
  error: string | null;
  opened: ('low_float' | 'drift')[];
}

const abs = (v: bigint) => (v < 0n ? -v : v);

/**
 * Reads one provider's balance, compares it with our float account, records
 * the check, sets the gauges and opens or resolves the alerts. Low float is
 * judged on the provider's figure when it answered (it is what refuses vends
 * with 018), else on ours.
 */
export async function checkProviderFloat(ctx: AppContext, provider: string): Promise<FloatCheck> {
  const adapter = ctx.providers?.router.get(provider);
  const answer = adapter?.balance ? await adapter.balance() : undefined;
  const theirs = answer?.ok && answer.balanceMinor !== undefined ? answer.balanceMinor : null;
  const error =
    theirs === null
      ? answer
        ? `${answer.code ?? 'error'}: ${answer.message ?? ''}`.trim()
        : 'no balance endpoint'
      : null;
  return ctx.db.transaction(async (tx) => {
    const ours = (await ourFloat(tx, provider)).posted;
    const drift = theirs === null ? null : theirs - ours;
    await tx.query(
      'INSERT INTO settlement.balance_checks (provider, theirs, ours, drift, error) VALUES ($1, $2, $3, $4, $5)',
      [provider, theirs, ours, drift, error?.slice(0, 500) ?? null],
    );
    await tx.query(
      `DELETE FROM settlement.balance_checks WHERE provider = $1 AND id <= (
         SELECT id FROM settlement.balance_checks WHERE provider = $1 ORDER BY id DESC OFFSET $2 LIMIT 1)`,
      [provider, CHECKS_KEPT],
    );
    floatMinor.set({ provider, side: 'ours' }, Number(ours));
    if (theirs !== null) floatMinor.set({ provider, side: 'theirs' }, Number(theirs));
    if (drift !== null) floatDrift.set({ provider }, Number(drift));
    const settings = await floatSettings(tx, provider);
    const opened: FloatCheck['opened'] = [];
    const level = theirs ?? ours;
    const low = settings.lowFloatThreshold > 0n && level < settings.lowFloatThreshold;
    if (await setAlert(tx, provider, 'low_float', low, `float ${level} below ${settings.lowFloatThreshold}`))
      opened.push('low_float');
    // Drift is only known when the provider answered; an unanswered check leaves the alert as it was.
    if (drift !== null) {
      const drifting = abs(drift) > settings.driftThreshold;
      if (
        await setAlert(
          tx,
          provider,
          'drift',
          drifting,
          `provider says ${theirs}, ledger says ${ours}: drift ${drift}`,
        )
      )
        opened.push('drift');
    }
    for (const kind of opened) ctx.log.warn({ provider, kind, ours, theirs, drift }, 'provider float alert');
    return { provider, ours, theirs, drift, error, opened };
  });
}

/** The worker's task: every provider's float, one after the other (a failing one does not stop the rest). */
export async function checkFloats(ctx: AppContext): Promise<void> {
  for (const provider of providerNames(ctx)) {
    try {
      await checkProviderFloat(ctx, provider);
    } catch (error) {
      ctx.log.warn({ err: error, provider }, 'provider float check failed');
    }
  }
}

/** The console's float page: per provider, ours vs theirs, drift, thresholds, alerts, recent top-ups. */
export async function floatOverview(ctx: AppContext) {
  return Promise.all(providerNames(ctx).map((provider) => providerFloatView(ctx.db, provider)));
}

async function providerFloatView(db: Queryable, provider: string) {
  const [ours, settings, checks, alerts, topups] = await Promise.all([
    ourFloat(db, provider),
    floatSettings(db, provider),
    db.query<{ at: Date; theirs: bigint | null; ours: bigint; drift: bigint | null; error: string | null }>(
      'SELECT at, theirs, ours, drift, error FROM settlement.balance_checks WHERE provider = $1 ORDER BY id DESC LIMIT 1',
      [provider],
    ),
    db.query<{ kind: string; message: string; opened_at: Date }>(
      'SELECT kind, message, opened_at FROM settlement.alerts WHERE provider = $1 AND resolved_at IS NULL ORDER BY id',
      [provider],
    ),
    db.query<FloatTopupRow>(
      'SELECT * FROM settlement.float_topups WHERE provider = $1 ORDER BY created_at DESC, id LIMIT $2',
      [provider, RECENT_TOPUPS],
    ),
  ]);
  const last = checks.rows[0];
  return {
    provider,
    currency: FLOAT_CURRENCY,
    ours: ours.posted,
    heldForVends: ours.heldForVends,
    lastCheck: last
      ? {
          at: last.at.toISOString(),
          theirs: last.theirs,
          ours: last.ours,
          drift: last.drift,
          error: last.error,
        }
      : null,
    lowFloatThreshold: settings.lowFloatThreshold,
    driftThreshold: settings.driftThreshold,
    alerts: alerts.rows.map((a) => ({
      kind: a.kind,
      message: a.message,
      openedAt: a.opened_at.toISOString(),
    })),
    topups: topups.rows.map(topupView),
  };
}
