/**
 * Resolving an exception: an operator's action with a reason, once per
 * exception (its row is locked and must still be open), the change and its
 * audit row and idempotent answer in one transaction.
 * - requery: asks the provider about our bill payment now (the bills module's
 *   own check, which settles the payment by its state machine if the answer
 *   is final), then records what the payment became.
 * - adjust: a ledger transaction between the source's clearing account
 *   (provider float, gateway clearing, payout clearing) and suspense, its id
 *   derived from the exception: history is never edited, and never twice.
 * - link: pairs a line we could not match with one of our items of the same
 *   run that no line matched (both rows are resolved as linked).
 * - accept: the difference is understood and needs nothing.
 */
import { v5 as uuidv5 } from 'uuid';
import { checkPayment, getPaymentView } from '../bills/index.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { createTransactions, isUuid, type Leg } from '../ledger/index.js';
import { systemAccountId } from '../wallets/index.js';
import { loadExternal, loadInternal, loadRun, type ResultDbRow, type RunRow } from './store.js';
import type { ResolutionAction } from './types.js';
import { actionsFor, exceptionViews } from './views.js';

const NAMESPACE = '5c2e8a14-7d3f-4b6a-8e9c-0f1a2b3c4d5e';

export interface ResolveInput {
  runId: string;
  exceptionId: string;
  action: ResolutionAction;
  reason: string;
  /** adjust: minor units, and which way. */
  amount?: bigint;
  direction?: 'to_suspense' | 'from_suspense';
  /** link: one of our items in this run that no line matched. */
  internalId?: string;
}

const notResolvable = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError('not_resolvable', message, extra);

async function lockOpen(tx: Tx, input: ResolveInput): Promise<{ run: RunRow; row: ResultDbRow }> {
  if (!isUuid(input.runId) || !isUuid(input.exceptionId)) throw notFound('Reconciliation exception');
  const run = await loadRun(tx, input.runId);
  const { rows } = await tx.query<ResultDbRow>(
    'SELECT * FROM reconciliation.results WHERE id = $1 AND run_id = $2 FOR UPDATE',
    [input.exceptionId, input.runId],
  );
  const row = rows[0];
  if (!run || !row || row.class === 'matched') throw notFound('Reconciliation exception');
  if (run.status !== 'completed')
    throw notResolvable('The run has not completed yet', { runStatus: run.status });
  if (row.resolution !== null)
    throw notResolvable(`This exception is already resolved (${row.resolution})`, {
      resolution: row.resolution,
    });
  if (!actionsFor(row.class, run.source, row.internal_ids).includes(input.action))
    throw notResolvable(`A ${row.class} exception cannot be resolved by ${input.action}`, {
      allowed: actionsFor(row.class, run.source, row.internal_ids),
    });
  return { run, row };
}

async function markResolved(
  tx: Tx,
  row: ResultDbRow,
  actor: Actor,
  resolution: string,
  reason: string,
  detail: Record<string, unknown>,
): Promise<void> {
  const { rowCount } = await tx.query(
    `UPDATE reconciliation.results SET resolution = $2, resolution_reason = $3, resolution_detail = $4::jsonb,
        resolved_by = $5, resolved_at = now() WHERE id = $1 AND resolution IS NULL`,
    [row.id, resolution, reason, JSON.stringify(detail), actor.auth.userId],
  );
  if (rowCount !== 1) throw notResolvable('This exception was resolved meanwhile');
}

/** The clearing account a source's money passes through: what an adjustment moves against suspense. */
function clearingAccount(source: string, currency: string): string {
  if (source.startsWith('provider:'))
    return systemAccountId('provider_float', currency, source.slice('provider:'.length));
  return systemAccountId(source === 'gateway' ? 'gateway_clearing' : 'payout_clearing', currency);
}

async function currencyOf(tx: Tx, run: RunRow, row: ResultDbRow): Promise<string> {
  const [external] = row.external_seqs.length ? await loadExternal(tx, run.id, row.external_seqs) : [];
  if (external) return external.currency;
  const [internal] = await loadInternal(tx, run.id, row.internal_ids);
  return internal?.currency ?? 'NGN';
}

async function adjust(tx: Tx, run: RunRow, row: ResultDbRow, input: ResolveInput) {
  if (input.amount === undefined || input.direction === undefined)
    throw new AppError('validation_failed', 'An adjustment gives amount (minor units) and direction');
  const currency = await currencyOf(tx, run, row);
  const clearing = clearingAccount(run.source, currency);
  const suspense = systemAccountId('suspense', currency);
  const toSuspense = input.direction === 'to_suspense';
  const legs: Leg[] = [
    { accountId: toSuspense ? clearing : suspense, side: 'D', amount: input.amount },
    { accountId: toSuspense ? suspense : clearing, side: 'C', amount: input.amount },
  ];
  const transactionId = uuidv5(`reconciliation-adjust:${row.id}`, NAMESPACE);
  const [result] = await createTransactions(tx, [
    {
      id: transactionId,
      kind: 'transfer',
      currency,
      code: 'reconciliation_adjustment',
      legs,
      metadata: {
        description: 'Reconciliation adjustment',
        runId: run.id,
        exceptionId: row.id,
        class: row.class,
      },
    },
  ]);
  if (!result?.ok)
    throw new AppError('ledger_refused', `The ledger refused the adjustment (${result?.code})`);
  return { transactionId, amount: String(input.amount), currency, direction: input.direction };
}

async function link(tx: Tx, actor: Actor, run: RunRow, row: ResultDbRow, input: ResolveInput) {
  if (input.internalId === undefined || !isUuid(input.internalId))
    throw new AppError('validation_failed', 'A link names internalId: one of our items in this run');
  const { rows } = await tx.query<ResultDbRow>(
    `SELECT * FROM reconciliation.results
      WHERE run_id = $1 AND class = 'missing_external' AND internal_ids = ARRAY[$2::uuid] FOR UPDATE`,
    [run.id, input.internalId],
  );
  const other = rows[0];
  if (!other || other.resolution !== null)
    throw notResolvable('That item is not one of ours in this run that no line matched (or it is resolved)');
  await markResolved(tx, other, actor, 'linked', input.reason, {
    externalSeqs: row.external_seqs,
    exceptionId: row.id,
  });
  return { internalId: input.internalId, exceptionId: other.id };
}

/** Asks the provider about each of our bill payments in the exception; answers what they became. */
async function requery(ctx: AppContext, row: ResultDbRow) {
  const payments: { id: string; statusBefore: string; statusAfter: string }[] = [];
  for (const id of row.internal_ids) {
    const before = await getPaymentView(ctx.db, id);
    await checkPayment(ctx, id);
    const after = await getPaymentView(ctx.db, id);
    payments.push({ id, statusBefore: before.status, statusAfter: after.status });
  }
  return { payments };
}

export async function resolveException(
  ctx: AppContext,
  actor: Actor,
  input: ResolveInput,
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  // The provider is asked outside any transaction (a slow provider holds no lock); the row is checked first.
  const peek = await ctx.db.transaction((tx) => lockOpen(tx, input));
  const asked = input.action === 'requery' ? await requery(ctx, peek.row) : undefined;
  return ctx.db.transaction(async (tx) => {
    const { run, row } = await lockOpen(tx, input);
    let detail: Record<string, unknown> = {};
    if (input.action === 'adjust') detail = await adjust(tx, run, row, input);
    else if (input.action === 'link') detail = await link(tx, actor, run, row, input);
    else if (asked) detail = asked;
    const resolution = { requery: 'requeried', adjust: 'adjusted', link: 'linked', accept: 'accepted' }[
      input.action
    ];
    await markResolved(tx, row, actor, resolution, input.reason, detail);
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: `reconciliation.exception_${input.action}`,
      targetType: 'reconciliation_exception',
      targetId: row.id,
      before: { runId: run.id, class: row.class, resolution: null },
      after: { runId: run.id, class: row.class, resolution, ...detail },
      reason: input.reason,
      requestId: actor.requestId,
    });
    const { rows } = await tx.query<ResultDbRow>('SELECT * FROM reconciliation.results WHERE id = $1', [
      row.id,
    ]);
    const [body] = await exceptionViews(tx, run, rows);
    await completeIdempotent(tx, claim, 200, body);
    return { status: 200, body };
  });
}
