/**
 * The matching engine: a pure function of the report's lines, our items and
 * the rules, so a resumed run (same snapshot, same rules) computes the same
 * rows in the same order and can skip the ones already written.
 *
 * A rule pairs items when its reference, currency and date criteria hold.
 * When the rule names the reference, the amount is a verdict, not a key: a pair
 * whose amounts differ beyond the drift is an amount_mismatch (the same
 * transaction, a different amount). A rule without a reference criterion pairs
 * on the amount too. A pair whose statuses differ (they delivered, we refunded)
 * is a status_mismatch, which wins over an amount difference. Lines no rule
 * pairs are duplicate_external when an earlier line has the same reference,
 * else missing_internal; our items no line pairs are missing_external.
 */
import type {
  Criterion,
  ExternalItem,
  InternalItem,
  ItemClass,
  ItemStatus,
  MatchRule,
  ResultRow,
} from './types.js';

type AmountCriterion = Extract<Criterion, { field: 'amount' }>;

/** What a rule compares: one line, or a group of lines or items summed into one. */
interface Side {
  reference: string;
  currency: string;
  date: Date;
  amount: bigint;
}

interface Pairing {
  externals: ExternalItem[];
  internals: InternalItem[];
  rule: MatchRule;
}

interface State {
  externals: ExternalItem[];
  internals: InternalItem[];
  assigned: Map<number, Pairing>;
  paired: Set<string>;
}

const lower = (s: string) => s.toLowerCase();
const abs = (n: bigint) => (n < 0n ? -n : n);
const sum = (items: readonly { amount: bigint }[]) => items.reduce((t, i) => t + i.amount, 0n);

export function ruleApplies(rule: MatchRule, source: string): boolean {
  return (
    rule.enabled &&
    rule.sources.some(
      (p) => p === '*' || p === source || (p === 'provider:*' && source.startsWith('provider:')),
    )
  );
}

const referenceOf = (rule: MatchRule) =>
  rule.criteria.find((c): c is Extract<Criterion, { field: 'reference' }> => c.field === 'reference')
    ?.operator;
const amountOf = (rule: MatchRule) => rule.criteria.find((c): c is AmountCriterion => c.field === 'amount');

/** Exact, or within a drift in minor units or in basis points of our amount. */
export function amountAgrees(c: AmountCriterion | undefined, external: bigint, internal: bigint): boolean {
  const diff = abs(external - internal);
  if (diff === 0n) return true;
  if (!c || c.operator === 'equals') return false;
  if (c.driftMinor !== undefined && diff <= BigInt(c.driftMinor)) return true;
  return c.driftBps !== undefined && diff * 10_000n <= BigInt(c.driftBps) * abs(internal);
}

/** The rule's pairing criteria (reference, currency, date; the amount when no reference is named). */
function pairs(rule: MatchRule, e: Side, i: Side): boolean {
  const byReference = referenceOf(rule) !== undefined;
  for (const c of rule.criteria) {
    if (c.field === 'reference') {
      const a = lower(e.reference);
      const b = lower(i.reference);
      if (c.operator === 'equals' ? a !== b : !(a.includes(b) || b.includes(a))) return false;
    } else if (c.field === 'currency') {
      if (e.currency !== i.currency) return false;
    } else if (c.field === 'date') {
      if (Math.abs(e.date.getTime() - i.date.getTime()) > c.windowSeconds * 1000) return false;
    } else if (!byReference && !amountAgrees(c, e.amount, i.amount)) return false;
  }
  return true;
}

const oneStatus = (items: readonly { status: ItemStatus }[]) =>
  items.every((i) => i.status === items[0]?.status) ? items[0]?.status : undefined;

function classify(p: Pairing): ItemClass {
  const theirs = oneStatus(p.externals);
  if (theirs === undefined || theirs !== oneStatus(p.internals)) return 'status_mismatch';
  if (!amountAgrees(amountOf(p.rule), sum(p.externals), sum(p.internals))) return 'amount_mismatch';
  return 'matched';
}

/** The closest in time, then the smallest id: the same choice on every run. */
function best<T extends { date: Date; id: string }>(candidates: readonly T[], at: Date): T | undefined {
  let chosen: T | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = Math.abs(c.date.getTime() - at.getTime());
    if (d < distance || (d === distance && chosen !== undefined && c.id < chosen.id)) {
      chosen = c;
      distance = d;
    }
  }
  return chosen;
}

/** Unpaired internal items, indexed by reference when the rule pairs on an exact reference. */
function poolOf(state: State, rule: MatchRule): (side: Side) => readonly InternalItem[] {
  const unpaired = state.internals.filter((i) => !state.paired.has(i.id));
  if (referenceOf(rule) !== 'equals') return () => unpaired;
  const index = new Map<string, InternalItem[]>();
  for (const i of unpaired) {
    const key = lower(i.reference);
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  }
  return (side) => index.get(lower(side.reference)) ?? [];
}

function record(state: State, pairing: Pairing): void {
  for (const e of pairing.externals) state.assigned.set(e.seq, pairing);
  for (const i of pairing.internals) state.paired.add(i.id);
}

const unassigned = (state: State) => state.externals.filter((e) => !state.assigned.has(e.seq));

function oneToOne(state: State, rule: MatchRule): void {
  const pool = poolOf(state, rule);
  for (const e of unassigned(state)) {
    const candidates = pool(e).filter((i) => !state.paired.has(i.id) && pairs(rule, e, i));
    const chosen = best(candidates, e.date);
    if (chosen) record(state, { externals: [e], internals: [chosen], rule });
  }
}

/** Several lines for one of our items (part payments): their amounts summed must agree. */
function manyToOne(state: State, rule: MatchRule): void {
  const groups = new Map<string, ExternalItem[]>();
  for (const e of unassigned(state)) {
    const key = `${lower(e.reference)}\u0000${e.currency}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const pool = poolOf(state, rule);
  for (const group of groups.values()) {
    const first = group[0] as ExternalItem;
    if (group.length < 2) continue;
    const side: Side = { ...first, amount: sum(group), date: first.date };
    const candidates = pool(side).filter(
      (i) =>
        !state.paired.has(i.id) &&
        pairs(rule, side, i) &&
        amountAgrees(amountOf(rule), side.amount, i.amount),
    );
    const chosen = best(candidates, side.date);
    if (chosen) record(state, { externals: group, internals: [chosen], rule });
  }
}

/** One line for several of our items (a batch settlement): our amounts summed must agree. */
function oneToMany(state: State, rule: MatchRule): void {
  const pool = poolOf(state, rule);
  for (const e of unassigned(state)) {
    const candidates = pool(e)
      .filter((i) => !state.paired.has(i.id) && pairs(rule, e, i))
      .sort((a, b) => a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : 1));
    if (candidates.length >= 2 && amountAgrees(amountOf(rule), e.amount, sum(candidates)))
      record(state, { externals: [e], internals: candidates, rule });
  }
}

const STRATEGY = { one_to_one: oneToOne, many_to_one: manyToOne, one_to_many: oneToMany } as const;

/** Every line and item in exactly one result row, in a stable order. */
export function reconcile(
  externals: readonly ExternalItem[],
  internals: readonly InternalItem[],
  rules: readonly MatchRule[],
  source: string,
): ResultRow[] {
  const state: State = {
    externals: [...externals].sort((a, b) => a.seq - b.seq),
    internals: [...internals].sort((a, b) => a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : 1)),
    assigned: new Map(),
    paired: new Set(),
  };
  const ordered = rules.filter((r) => ruleApplies(r, source)).sort((a, b) => a.priority - b.priority);
  for (const rule of ordered) STRATEGY[rule.strategy](state, rule);
  return rowsOf(state);
}

function rowsOf(state: State): ResultRow[] {
  const rows: Omit<ResultRow, 'position'>[] = [];
  const firstSeq = new Map<string, number>();
  for (const e of state.externals) {
    const key = `${lower(e.reference)}\u0000${e.currency}`;
    if (!firstSeq.has(key)) firstSeq.set(key, e.seq);
    const pairing = state.assigned.get(e.seq);
    if (pairing) {
      // A group is one row, written at its first line.
      if (pairing.externals[0] !== e) continue;
      rows.push({
        class: classify(pairing),
        externalSeqs: pairing.externals.map((x) => x.seq),
        internalIds: pairing.internals.map((i) => i.id),
        ruleId: pairing.rule.id,
        externalAmount: sum(pairing.externals),
        internalAmount: sum(pairing.internals),
      });
      continue;
    }
    const duplicate = (firstSeq.get(key) as number) < e.seq;
    rows.push({
      class: duplicate ? 'duplicate_external' : 'missing_internal',
      externalSeqs: [e.seq],
      internalIds: [],
      ruleId: null,
      externalAmount: e.amount,
      internalAmount: null,
    });
  }
  for (const i of state.internals) {
    if (state.paired.has(i.id) || !i.inPeriod) continue;
    rows.push({
      class: 'missing_external',
      externalSeqs: [],
      internalIds: [i.id],
      ruleId: null,
      externalAmount: null,
      internalAmount: i.amount,
    });
  }
  return rows.map((r, index) => ({ ...r, position: index + 1 }));
}
