/**
 * Risk cases: opened by the checker in the batch's transaction when a rule
 * fires, listed for operators with the person's recent debits, and resolved
 * once (released / refused for held money, dismissed / confirmed otherwise),
 * each decision audited in the same transaction. An operator may also freeze
 * the person from a case.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { InvalidTransition, transitionRow } from '../db/state-machine.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { decodeCursorAs, encodeCursor, pageSize } from '../http/pagination.js';
import { type Actor, changeUserStatus, recordAudit } from '../identity/index.js';
import { type CaseStatus, caseStates } from './case-states.js';
import { type CaseRef, holdResolverOf } from './holds.js';
import type { DebitKind, Evaluation, Fired, RiskAction, RiskAttempt } from './types.js';

export type CaseDecision = 'released' | 'refused' | 'dismissed' | 'confirmed';
export type ResolveAs = 'release' | 'refuse' | 'dismiss' | 'confirm';

const DECISIONS: Record<ResolveAs, CaseDecision> = {
  release: 'released',
  refuse: 'refused',
  dismiss: 'dismissed',
  confirm: 'confirmed',
};

/** One row of risk.debits, as operators see it. */
export interface ActivityLine {
  kind: DebitKind;
  amount: bigint;
  currency: string;
  counterparty: string;
  reference: string;
  newCounterparty: boolean;
  createdAt: Date;
}

export interface RiskCase {
  id: string;
  userId: string;
  status: CaseStatus;
  action: RiskAction;
  ruleKeys: string[];
  fired: Fired[];
  references: string[];
  kind: DebitKind;
  amount: bigint;
  currency: string;
  counterparty: string;
  held: boolean;
  decision: CaseDecision | null;
  reason: string | null;
  resolvedBy: string | null;
  frozenBy: string | null;
  frozenAt: Date | null;
  freezeReason: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

interface CaseRow {
  id: string;
  seq: bigint;
  user_id: string;
  status: CaseStatus;
  action: RiskAction;
  rule_keys: string[];
  fired: Fired[];
  refs: string[];
  kind: DebitKind;
  amount: bigint;
  currency: string;
  counterparty: string;
  held: boolean;
  decision: CaseDecision | null;
  reason: string | null;
  resolved_by: string | null;
  frozen_by: string | null;
  frozen_at: Date | null;
  freeze_reason: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

const COLUMNS = `id, seq, user_id, status, action, rule_keys, fired, refs, kind, amount, currency, counterparty,
  held, decision, reason, resolved_by, frozen_by, frozen_at, freeze_reason, created_at, resolved_at`;

const toCase = (r: CaseRow): RiskCase => ({
  id: r.id,
  userId: r.user_id,
  status: r.status,
  action: r.action,
  ruleKeys: r.rule_keys,
  fired: r.fired,
  references: r.refs,
  kind: r.kind,
  amount: r.amount,
  currency: r.currency.trim(),
  counterparty: r.counterparty,
  held: r.held,
  decision: r.decision,
  reason: r.reason,
  resolvedBy: r.resolved_by,
  frozenBy: r.frozen_by,
  frozenAt: r.frozen_at,
  freezeReason: r.freeze_reason,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
});

/**
 * Opens one case per attempt whose evaluation fired (action flag, hold or
 * block), in one statement; the new case ids, aligned with the entries.
 */
export async function openCases(
  tx: Tx,
  entries: readonly { attempt: RiskAttempt; evaluation: Evaluation }[],
): Promise<string[]> {
  if (entries.length === 0) return [];
  const joined = await joinOpenFlags(tx, entries);
  const fresh = entries.filter((_, i) => joined[i] === undefined);
  const made = await insertCases(tx, fresh);
  let k = 0;
  return joined.map((id) => id ?? (made[k++] as string));
}

/** A flagged case keeps at most this many triggering references; the next opens a new case. */
export const MAX_CASE_REFS = 100;

/**
 * A flag firing again for a person whose open flagged case has the same rules
 * joins that case (its reference appended) instead of opening another: a
 * busy account under a velocity rule is one case for an operator, not one per
 * debit. Holds and blocks always open their own case (each is a decision).
 * The id of the case each entry joined, or undefined.
 */
async function joinOpenFlags(
  tx: Tx,
  entries: readonly { attempt: RiskAttempt; evaluation: Evaluation }[],
): Promise<(string | undefined)[]> {
  const flags = entries.flatMap((e, i) => (e.evaluation.action === 'flag' ? [{ e, i }] : []));
  const joined: (string | undefined)[] = entries.map(() => undefined);
  if (flags.length === 0) return joined;
  const keysOf = (e: (typeof entries)[number]) => e.evaluation.fired.map((f) => f.key).join(',');
  // One statement: find each person's open flagged case with the same rules and append the references.
  const { rows } = await tx.query<{ i: number; id: string }>(
    `WITH x AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS x(u, keys, ref, i)),
     open AS (
       SELECT DISTINCT ON (c.user_id, array_to_string(c.rule_keys, ',')) c.id, c.user_id,
              array_to_string(c.rule_keys, ',') AS keys
         FROM risk.cases c
        WHERE c.user_id IN (SELECT u FROM x) AND c.status = 'open' AND c.action = 'flag'
          AND cardinality(c.refs) < $5
        ORDER BY c.user_id, array_to_string(c.rule_keys, ','), c.seq DESC),
     matched AS (SELECT x.i, o.id, x.ref FROM x JOIN open o ON o.user_id = x.u AND o.keys = x.keys),
     appended AS (
       UPDATE risk.cases c SET refs = c.refs || m.refs
         FROM (SELECT id, array_agg(ref ORDER BY i) AS refs FROM matched GROUP BY id) m
        WHERE c.id = m.id RETURNING c.id)
     SELECT i, id::text FROM matched`,
    [
      flags.map(({ e }) => e.attempt.userId),
      flags.map(({ e }) => keysOf(e)),
      flags.map(({ e }) => e.attempt.reference),
      flags.map(({ i }) => i),
      MAX_CASE_REFS,
    ],
  );
  for (const r of rows) joined[r.i] = r.id;
  return joined;
}

async function insertCases(
  tx: Tx,
  entries: readonly { attempt: RiskAttempt; evaluation: Evaluation }[],
): Promise<string[]> {
  if (entries.length === 0) return [];
  const ids = entries.map(() => randomUUID());
  const of = (f: (e: (typeof entries)[number]) => unknown) => entries.map(f);
  await tx.query(
    `INSERT INTO risk.cases (id, user_id, action, rule_keys, fired, refs, kind, amount, currency, counterparty, held)
     SELECT id, user_id, action, ARRAY(SELECT f->>'key' FROM jsonb_array_elements(fired::jsonb) f), fired::jsonb,
            ARRAY[ref], kind, amount, currency, counterparty, action = 'hold'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[],
                   $8::text[], $9::text[])
         AS x(id, user_id, action, fired, ref, kind, amount, currency, counterparty)`,
    [
      ids,
      of((e) => e.attempt.userId),
      of((e) => e.evaluation.action),
      of((e) => JSON.stringify(e.evaluation.fired)),
      of((e) => e.attempt.reference),
      of((e) => e.attempt.kind),
      of((e) => String(e.attempt.amount)),
      of((e) => e.attempt.currency),
      of((e) => e.attempt.counterparty),
    ],
  );
  return ids;
}

/** The last `limit` debits of each person (risk.debits), newest first, in one query. */
export async function recentActivity(
  db: Queryable,
  userIds: readonly string[],
  limit = 20,
): Promise<Map<string, ActivityLine[]>> {
  const out = new Map<string, ActivityLine[]>(userIds.map((u) => [u, []]));
  if (userIds.length === 0) return out;
  const { rows } = await db.query<{
    user_id: string;
    kind: DebitKind;
    amount: bigint;
    currency: string;
    counterparty: string;
    reference: string;
    new_counterparty: boolean;
    created_at: Date;
  }>(
    `SELECT u AS user_id, d.kind, d.amount, d.currency, d.counterparty, d.reference, d.new_counterparty, d.created_at
       FROM unnest($1::uuid[]) AS u,
            LATERAL (SELECT * FROM risk.debits WHERE user_id = u ORDER BY created_at DESC, id DESC LIMIT $2) d
      ORDER BY u, d.created_at DESC, d.id DESC`,
    [[...new Set(userIds)], limit],
  );
  for (const r of rows)
    out.get(r.user_id)?.push({
      kind: r.kind,
      amount: r.amount,
      currency: r.currency.trim(),
      counterparty: r.counterparty,
      reference: r.reference,
      newCounterparty: r.new_counterparty,
      createdAt: r.created_at,
    });
  return out;
}

export type CaseWithActivity = RiskCase & { recentActivity: ActivityLine[] };

async function withActivity(db: Queryable, cases: RiskCase[]): Promise<CaseWithActivity[]> {
  const activity = await recentActivity(
    db,
    cases.map((c) => c.userId),
  );
  return cases.map((c) => ({ ...c, recentActivity: activity.get(c.userId) ?? [] }));
}

/** The case queue, oldest first (open by default), optionally one person's; keyset-paginated. */
export async function listCases(
  db: Queryable,
  filter: { status?: CaseStatus; userId?: string; limit?: number; cursor?: string } = {},
): Promise<{ data: CaseWithActivity[]; nextCursor: string | null }> {
  const limit = pageSize(filter.limit, 20);
  const [after = null] = filter.cursor === undefined ? [] : decodeCursorAs(filter.cursor, ['seq']);
  const { rows } = await db.query<CaseRow>(
    `SELECT ${COLUMNS} FROM risk.cases
      WHERE status = $1 AND ($2::uuid IS NULL OR user_id = $2::uuid) AND ($3::bigint IS NULL OR seq > $3::bigint)
      ORDER BY seq LIMIT $4`,
    [filter.status ?? 'open', filter.userId ?? null, after, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: await withActivity(db, page.map(toCase)),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.seq)]) : null,
  };
}

async function caseRow(db: Queryable, id: string, lock: boolean): Promise<CaseRow> {
  const { rows } = await db.query<CaseRow>(
    `SELECT ${COLUMNS} FROM risk.cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound('Risk case');
  return rows[0];
}

/** One case with the person's last 20 debits; 404 not_found. */
export async function getCase(db: Queryable, id: string): Promise<CaseWithActivity> {
  const [found] = await withActivity(db, [toCase(await caseRow(db, id, false))]);
  return found as CaseWithActivity;
}

function checkDecision(row: CaseRow, actor: Actor, as: ResolveAs): void {
  if (actor.auth.role === 'customer') throw forbidden('Only staff can resolve risk cases');
  if (row.user_id === actor.auth.userId)
    throw new AppError('cannot_target_self', 'You cannot resolve a case about yourself');
  if (row.status !== 'open')
    throw new AppError('risk_case_not_open', `This case was ${row.decision} already`);
  const moneyDecision = as === 'release' || as === 'refuse';
  if (moneyDecision && !row.held)
    throw new AppError('risk_case_not_held', 'No money is held for this case: dismiss or confirm it');
  if (!moneyDecision && row.held)
    throw new AppError('validation_failed', 'Money is held for this case: release or refuse it');
}

const caseRefOf = (row: CaseRow): CaseRef => ({
  caseId: row.id,
  userId: row.user_id,
  kind: row.kind,
  references: row.refs,
  amount: row.amount,
  currency: row.currency.trim(),
  counterparty: row.counterparty,
});

/**
 * Decides an open case (staff; never one's own). release / refuse only for
 * held money: the money module's resolver runs in this transaction, with the
 * case's update and its audit record. dismiss / confirm for the others.
 */
export async function resolveCase(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { decision: ResolveAs; reason: string },
): Promise<CaseWithActivity> {
  const row = await caseRow(tx, caseId, true);
  checkDecision(row, actor, input.decision);
  if (input.decision === 'release') await holdResolverOf(row.kind).release(tx, ctx, caseRefOf(row), actor);
  if (input.decision === 'refuse') await holdResolverOf(row.kind).refuse(tx, ctx, caseRefOf(row), actor);
  const decision = DECISIONS[input.decision];
  try {
    await transitionRow(tx, caseStates, {
      table: 'risk.cases',
      id: caseId,
      from: row.status,
      to: 'resolved',
      set: {
        decision: (p) => p(decision),
        reason: (p) => p(input.reason),
        resolved_by: (p) => `${p(actor.auth.userId)}::uuid`,
        resolved_at: 'now()',
      },
    });
  } catch (error) {
    if (error instanceof InvalidTransition)
      throw new AppError('risk_case_not_open', 'This case is resolved already');
    throw error;
  }
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: `risk.case_${input.decision}`,
    targetType: 'risk_case',
    targetId: caseId,
    before: { status: row.status, userId: row.user_id, held: row.held, references: row.refs },
    after: { status: 'resolved', decision },
    reason: input.reason,
    requestId: actor.requestId,
  });
  return getCase(tx, caseId);
}

/**
 * Freezes the person a case is about (identity's changeUserStatus: staff
 * only, operators only customers, never oneself; audited as user.freeze) and
 * records it on the case, audited as risk.case_freeze. Again on a case
 * already frozen from changes nothing.
 */
export async function freezeFromCase(
  tx: Tx,
  actor: Actor,
  caseId: string,
  reason: string,
): Promise<CaseWithActivity> {
  if (actor.auth.role === 'customer') throw forbidden('Only staff can freeze accounts');
  const row = await caseRow(tx, caseId, true);
  if (row.frozen_at !== null) return getCase(tx, caseId);
  const user = await changeUserStatus(tx, actor, row.user_id, 'frozen', reason);
  await tx.query(
    `UPDATE risk.cases SET frozen_by = $2, frozen_at = now(), freeze_reason = $3 WHERE id = $1 AND frozen_at IS NULL`,
    [caseId, actor.auth.userId, reason],
  );
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: 'risk.case_freeze',
    targetType: 'risk_case',
    targetId: caseId,
    before: { userId: row.user_id },
    after: { userId: row.user_id, userStatus: user.status },
    reason,
    requestId: actor.requestId,
  });
  return getCase(tx, caseId);
}
