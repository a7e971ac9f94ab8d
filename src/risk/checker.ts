/**
 * The ledger batcher's `risk` checker and `risk.debits` writer. The checker
 * runs in the batch's transaction before the ledger: it serialises each
 * person's debits (a transaction-scoped advisory lock per person, taken in
 * one order), reads the rules in force and every person's recent facts in
 * one query for the whole batch, counts earlier rows of the same batch as
 * done, and opens a case for each attempt a rule fires on. flag lets the
 * debit through; hold and block answer a RiskVerdict instead.
 */
import type { Queryable, Tx } from '../db/index.js';
import { lastNewDeviceLogins } from '../identity/index.js';
import { lagosDayBounds } from '../limits/index.js';
import { openCases } from './cases.js';
import { appliesTo, evaluate, inForce } from './evaluate.js';
import { RULES_STAMP_SQL, ruleVersions } from './rules.js';
import type {
  Activity,
  DebitKind,
  Evaluation,
  RecentDebit,
  RiskAttempt,
  RiskDebit,
  RiskRule,
  RiskVerdict,
} from './types.js';

const MINUTE_MS = 60_000;
/** The advisory-lock class of risk's per-person locks (the two-key form: its own lock space). */
const LOCK_CLASS = 7700;
const VELOCITY_TYPES: readonly RiskRule['type'][] = ['velocity_count', 'velocity_amount'];

/** Locks each person once, in hash order (no two batches can deadlock); the rules' stamp. */
async function lockPeople(tx: Tx, userIds: readonly string[]): Promise<string> {
  const { rows } = await tx.query<{ stamp: string }>(
    `WITH locked AS (
       SELECT pg_advisory_xact_lock(${LOCK_CLASS}, h)
         FROM (SELECT DISTINCT hashtext(u) AS h FROM unnest($1::text[]) AS u ORDER BY 1) s)
     SELECT (SELECT count(*) FROM locked) AS n, ${RULES_STAMP_SQL} AS stamp`,
    [userIds],
  );
  return rows[0]?.stamp ?? '';
}

/** One person's facts from risk.debits, before this batch. */
interface Facts {
  debits: RecentDebit[];
  known: Set<string>;
  newToday: { counterparty: string; at: Date }[];
}

interface FactRow {
  t: 'd' | 'k' | 'n';
  user_id: string;
  kind: DebitKind | null;
  amount: bigint | null;
  currency: string | null;
  counterparty: string;
  created_at: Date | null;
}

/** Every person's recent debits, known counterparties (of this batch) and new counterparties today: one query. */
async function readFacts(
  db: Queryable,
  attempts: readonly RiskAttempt[],
  rules: readonly RiskRule[][],
): Promise<Map<string, Facts>> {
  const minutes = Math.max(
    0,
    ...rules
      .flat()
      .filter((r) => VELOCITY_TYPES.includes(r.type))
      .map((r) => r.params.minutes ?? 0),
  );
  const earliest = Math.min(...attempts.map((a) => a.at.getTime()));
  const users = [...new Set(attempts.map((a) => a.userId))];
  const { rows } = await db.query<FactRow>(
    `SELECT 'd'::text AS t, user_id::text, kind, amount, currency::text, counterparty, created_at
       FROM risk.debits WHERE $4::boolean AND user_id = ANY($1::uuid[]) AND created_at > $5::timestamptz
     UNION ALL
     SELECT DISTINCT 'k'::text, p.u::text, NULL::text, NULL::bigint, NULL::text, p.c, NULL::timestamptz
       FROM unnest($2::uuid[], $3::text[]) AS p(u, c)
      WHERE EXISTS (SELECT 1 FROM risk.debits d WHERE d.user_id = p.u AND d.counterparty = p.c)
     UNION ALL
     SELECT 'n'::text, user_id::text, NULL::text, NULL::bigint, NULL::text, counterparty, created_at
       FROM risk.debits WHERE user_id = ANY($1::uuid[]) AND new_counterparty AND created_at >= $6::timestamptz`,
    [
      users,
      attempts.map((a) => a.userId),
      attempts.map((a) => a.counterparty),
      minutes > 0,
      new Date(earliest - minutes * MINUTE_MS),
      lagosDayBounds(new Date(earliest)).start,
    ],
  );
  const facts = new Map<string, Facts>(users.map((u) => [u, { debits: [], known: new Set(), newToday: [] }]));
  for (const r of rows) {
    const f = facts.get(r.user_id);
    if (!f) continue;
    if (r.t === 'k') f.known.add(r.counterparty);
    else if (r.t === 'n') f.newToday.push({ counterparty: r.counterparty, at: r.created_at as Date });
    else
      f.debits.push({
        kind: r.kind as DebitKind,
        amount: r.amount as bigint,
        currency: (r.currency as string).trim(),
        counterparty: r.counterparty,
        at: r.created_at as Date,
      });
  }
  return facts;
}

/** New-device logins, asked (of identity) only for people with a debit large enough for such a rule. */
async function deviceLogins(
  db: Queryable,
  attempts: readonly RiskAttempt[],
  rules: readonly RiskRule[][],
): Promise<Map<string, Date>> {
  const users = attempts
    .filter((a, i) =>
      rules[i]?.some((r) => r.type === 'new_device_large_debit' && a.amount > (r.params.amount ?? 0n)),
    )
    .map((a) => a.userId);
  return users.length === 0 ? new Map() : lastNewDeviceLogins(db, users);
}

/** Evaluates the batch in order; an attempt let through counts for the same person's later rows. */
function evaluateBatch(
  attempts: readonly RiskAttempt[],
  rules: readonly RiskRule[][],
  facts: Map<string, Facts>,
  devices: Map<string, Date>,
): Evaluation[] {
  return attempts.map((attempt, i) => {
    const f = facts.get(attempt.userId) as Facts;
    const dayStart = lagosDayBounds(attempt.at).start.getTime();
    const activity: Activity = {
      debits: f.debits,
      knownCounterparties: f.known,
      newCounterpartiesToday: f.newToday.filter((n) => n.at.getTime() >= dayStart).map((n) => n.counterparty),
      lastNewDeviceLogin: devices.get(attempt.userId) ?? null,
    };
    const evaluation = evaluate(rules[i] ?? [], attempt, activity);
    if (evaluation.action === 'allow' || evaluation.action === 'flag') {
      const { kind, amount, currency, counterparty, at } = attempt;
      f.debits.push({ kind, amount, currency, counterparty, at });
      if (!f.known.has(counterparty)) f.newToday.push({ counterparty, at });
      f.known.add(counterparty);
    }
    return evaluation;
  });
}

/**
 * A bill payment cannot wait for an operator (the token is wanted now, and a
 * vend must never start after the person gave up on it): a hold on one is a
 * block, recorded as such on its case. Transfers and withdrawals wait.
 */
const canWait = (a: RiskAttempt) => a.kind !== 'bill_payment';

const normalise = (row: unknown): RiskAttempt => {
  const a = row as RiskAttempt;
  return { ...a, amount: BigInt(a.amount), at: a.at instanceof Date ? a.at : new Date(a.at ?? Date.now()) };
};

/**
 * The batcher's `risk` checker: one RiskAttempt per row, in order; answers
 * undefined (go on: nothing fired, or only flags, whose case is opened here)
 * or a RiskVerdict (hold or block; its case is opened here too).
 */
export async function riskChecker(tx: Tx, rows: readonly unknown[]): Promise<(RiskVerdict | undefined)[]> {
  if (rows.length === 0) return [];
  const attempts = rows.map(normalise);
  const stamp = await lockPeople(tx, [...new Set(attempts.map((a) => a.userId))]);
  const versions = await ruleVersions(tx, stamp);
  const rules = attempts.map((a) => inForce(versions, a.at).filter((r) => appliesTo(r, a)));
  if (rules.every((r) => r.length === 0)) return attempts.map(() => undefined);
  const facts = await readFacts(tx, attempts, rules);
  const evaluations = evaluateBatch(attempts, rules, facts, await deviceLogins(tx, attempts, rules)).map(
    (e, i) =>
      e.action === 'hold' && !canWait(attempts[i] as RiskAttempt) ? { ...e, action: 'block' as const } : e,
  );
  const firing = evaluations.flatMap((evaluation, i) =>
    evaluation.action === 'allow' ? [] : [{ i, attempt: attempts[i] as RiskAttempt, evaluation }],
  );
  const caseIds = await openCases(tx, firing);
  const verdicts: (RiskVerdict | undefined)[] = attempts.map(() => undefined);
  firing.forEach(({ i, evaluation }, n) => {
    if (evaluation.action === 'hold' || evaluation.action === 'block')
      verdicts[i] = {
        kind: 'risk',
        action: evaluation.action,
        caseId: caseIds[n] as string,
        fired: evaluation.fired,
      };
  });
  return verdicts;
}

/**
 * The batcher's `risk.debits` writer: the debits that went through, in one
 * statement, each marked when it is the person's first to its counterparty.
 * Rows come from items the checker saw, so each person is locked already.
 */
export async function riskDebitsWriter(tx: Tx, rows: readonly unknown[]): Promise<void> {
  if (rows.length === 0) return;
  const debits = rows as RiskDebit[];
  const of = (f: (d: RiskDebit) => unknown) => debits.map(f);
  await tx.query(
    `INSERT INTO risk.debits (user_id, kind, amount, currency, counterparty, reference, new_counterparty)
     SELECT u, k, a, c, p, r,
            n = min(n) OVER (PARTITION BY u, p)
              AND NOT EXISTS (SELECT 1 FROM risk.debits d WHERE d.user_id = x.u AND d.counterparty = x.p)
       FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])
            WITH ORDINALITY AS x(u, k, a, c, p, r, n)
      ORDER BY n`,
    [
      of((d) => d.userId),
      of((d) => d.kind),
      of((d) => String(d.amount)),
      of((d) => d.currency),
      of((d) => d.counterparty),
      of((d) => d.reference),
    ],
  );
}
