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
import { cachedRuleVersions, ruleVersions } from './rules.js';
import type {
  Activity,
  Evaluation,
  RecentDebit,
  RiskAttempt,
  RiskDebit,
  RiskRule,
  RiskVerdict,
} from './types.js';

/** The advisory-lock class of risk's per-person locks (the two-key form: its own lock space). */
const LOCK_CLASS = 7700;
const VELOCITY_TYPES: readonly RiskRule['type'][] = ['velocity_count', 'velocity_amount'];

/** One person's facts from risk.debits, before this batch. */
interface Facts {
  /** The debits of this batch let through so far (the window totals below are from before it). */
  debits: RecentDebit[];
  windows: Map<string, { count: number; amount: bigint }>;
  known: Set<string>;
  newToday: { counterparty: string; at: Date }[];
}

interface FactRow {
  t: 's' | 'w' | 'k' | 'n';
  user_id: string;
  /** 'w': the rule key; 'k', 'n': the counterparty. */
  label: string;
  amount: bigint | null;
  n: bigint | null;
  created_at: Date | null;
}

/** Each person's velocity rules (deduplicated), with the earliest moment of their attempts in the batch. */
function velocityWindows(attempts: readonly RiskAttempt[], rules: readonly RiskRule[][]) {
  const byKey = new Map<string, { user: string; rule: RiskRule; at: Date }>();
  attempts.forEach((a, i) => {
    for (const rule of rules[i] ?? []) {
      if (!VELOCITY_TYPES.includes(rule.type)) continue;
      const k = `${a.userId}|${rule.key}`;
      const seen = byKey.get(k);
      if (!seen || a.at < seen.at) byKey.set(k, { user: a.userId, rule, at: a.at });
    }
  });
  return [...byKey.values()];
}

/**
 * Locks every person of the batch and reads their facts in one round trip
 * (risk.lock_and_facts, migration 0740): per velocity rule the count and
 * total of their debits in its window (summed by the database, so the cost
 * does not grow with how busy the person is), which counterparties of the
 * batch they paid before, their new counterparties today, and the rules'
 * stamp. The windows come from the rules this process has cached; when the
 * stamp says they changed, the facts are read again with the new rules.
 */
async function lockAndRead(
  tx: Tx,
  attempts: readonly RiskAttempt[],
  rulesOf: (versions: RiskRule[]) => RiskRule[][],
): Promise<{ rules: RiskRule[][]; facts: Map<string, Facts> }> {
  let versions = cachedRuleVersions();
  for (let attempt = 0; ; attempt++) {
    const rules = rulesOf(versions ?? []);
    const { stamp, facts } = await readFacts(tx, attempts, rules);
    const fresh = await ruleVersions(tx, stamp);
    if (fresh === versions || attempt > 0)
      return { rules: fresh === versions ? rules : rulesOf(fresh), facts };
    versions = fresh;
  }
}

async function readFacts(
  tx: Tx,
  attempts: readonly RiskAttempt[],
  rules: readonly RiskRule[][],
): Promise<{ stamp: string; facts: Map<string, Facts> }> {
  const earliest = Math.min(...attempts.map((a) => a.at.getTime()));
  const users = [...new Set(attempts.map((a) => a.userId))];
  const w = velocityWindows(attempts, rules);
  const { rows } = await tx.query<FactRow>(
    'SELECT * FROM risk.lock_and_facts($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
    [
      users,
      attempts.map((a) => a.userId),
      attempts.map((a) => a.counterparty),
      w.map((x) => x.user),
      w.map((x) => x.rule.key),
      w.map((x) => x.rule.params.minutes ?? 0),
      w.map((x) => x.rule.currency),
      w.map((x) => x.rule.appliesTo.join(',')),
      w.map((x) => x.at),
      lagosDayBounds(new Date(earliest)).start,
      LOCK_CLASS,
    ],
  );
  const facts = new Map<string, Facts>(
    users.map((u) => [u, { debits: [], windows: new Map(), known: new Set(), newToday: [] }]),
  );
  let stamp = '';
  for (const r of rows) {
    if (r.t === 's') {
      stamp = r.label;
      continue;
    }
    const f = facts.get(r.user_id);
    if (!f) continue;
    if (r.t === 'k') f.known.add(r.label);
    else if (r.t === 'n') f.newToday.push({ counterparty: r.label, at: r.created_at as Date });
    else f.windows.set(r.label, { count: Number(r.n ?? 0n), amount: r.amount ?? 0n });
  }
  return { stamp, facts };
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
      windows: f.windows,
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
  const rulesOf = (versions: RiskRule[]) =>
    attempts.map((a) => inForce(versions, a.at).filter((r) => appliesTo(r, a)));
  const { rules, facts } = await lockAndRead(tx, attempts, rulesOf);
  if (rules.every((r) => r.length === 0)) return attempts.map(() => undefined);
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
    `WITH added AS (
       INSERT INTO risk.debits (user_id, kind, amount, currency, counterparty, reference, new_counterparty)
       SELECT u, k, a, c, p, r,
              n = min(n) OVER (PARTITION BY u, p)
                AND NOT EXISTS (SELECT 1 FROM risk.debits d WHERE d.user_id = x.u AND d.counterparty = x.p)
         FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])
              WITH ORDINALITY AS x(u, k, a, c, p, r, n)
        ORDER BY n
       RETURNING user_id, kind, amount, currency, created_at)
     INSERT INTO risk.debit_minutes AS m (user_id, minute, kind, currency, n, amount)
     SELECT user_id, date_trunc('minute', created_at), kind, currency, count(*), sum(amount)
       FROM added GROUP BY 1, 2, 3, 4
     ON CONFLICT (user_id, minute, kind, currency)
     DO UPDATE SET n = m.n + EXCLUDED.n, amount = m.amount + EXCLUDED.amount`,
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
