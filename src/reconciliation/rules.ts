/**
 * Matching rules as data: a table admins edit (each change audited with its
 * before and after, in the same transaction). A run copies the rules it starts
 * with, so editing a rule never changes a run already under way.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/index.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { isUuid } from '../ledger/index.js';
import { type Criterion, type MatchRule, STRATEGIES, type Strategy } from './types.js';

const MAX_RULES = 100;
const MAX_CRITERIA = 8;
const MAX_DRIFT_MINOR = 1_000_000_000;
const MAX_DRIFT_BPS = 10_000;
const MAX_WINDOW_SECONDS = 31 * 24 * 3600;

interface RuleRow {
  id: string;
  name: string;
  priority: number;
  strategy: Strategy;
  sources: string[];
  criteria: Criterion[];
  enabled: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const toRule = (r: RuleRow): MatchRule & { createdAt: Date; updatedAt: Date } => ({
  id: r.id,
  name: r.name,
  priority: r.priority,
  strategy: r.strategy,
  sources: r.sources,
  criteria: r.criteria,
  enabled: r.enabled,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listMatchRules(db: Queryable) {
  const { rows } = await db.query<RuleRow>(
    `SELECT * FROM reconciliation.rules ORDER BY priority, created_at, id LIMIT ${MAX_RULES}`,
  );
  return rows.map(toRule);
}

const invalid = (message: string) => new AppError('invalid_match_rule', message);

function checkCriterion(c: Record<string, unknown>): Criterion {
  const keys = Object.keys(c);
  const only = (...allowed: string[]) => {
    const extra = keys.find((k) => !allowed.includes(k));
    if (extra) throw invalid(`a ${String(c.field)} criterion takes no ${extra}`);
  };
  const intIn = (v: unknown, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
  if (c.field === 'reference' && (c.operator === 'equals' || c.operator === 'contains')) {
    only('field', 'operator');
    return { field: 'reference', operator: c.operator };
  }
  if (c.field === 'currency' && c.operator === 'equals') {
    only('field', 'operator');
    return { field: 'currency', operator: 'equals' };
  }
  if (c.field === 'amount' && c.operator === 'equals') {
    only('field', 'operator');
    return { field: 'amount', operator: 'equals' };
  }
  if (c.field === 'amount' && c.operator === 'within') {
    only('field', 'operator', 'driftMinor', 'driftBps');
    if (c.driftMinor === undefined && c.driftBps === undefined)
      throw invalid('an amount within criterion gives driftMinor (minor units) or driftBps (basis points)');
    if (c.driftMinor !== undefined && !intIn(c.driftMinor, MAX_DRIFT_MINOR))
      throw invalid(`driftMinor is an integer from 0 to ${MAX_DRIFT_MINOR} (minor units)`);
    if (c.driftBps !== undefined && !intIn(c.driftBps, MAX_DRIFT_BPS))
      throw invalid(`driftBps is an integer from 0 to ${MAX_DRIFT_BPS} (basis points)`);
    return {
      field: 'amount',
      operator: 'within',
      ...(c.driftMinor !== undefined && { driftMinor: c.driftMinor as number }),
      ...(c.driftBps !== undefined && { driftBps: c.driftBps as number }),
    };
  }
  if (c.field === 'date' && c.operator === 'within') {
    only('field', 'operator', 'windowSeconds');
    if (!intIn(c.windowSeconds, MAX_WINDOW_SECONDS))
      throw invalid(`windowSeconds is an integer from 0 to ${MAX_WINDOW_SECONDS}`);
    return { field: 'date', operator: 'within', windowSeconds: c.windowSeconds as number };
  }
  throw invalid(
    'a criterion is reference equals|contains, amount equals|within, date within or currency equals',
  );
}

export interface RuleInput {
  name: string;
  priority: number;
  strategy: Strategy;
  sources: string[];
  criteria: Record<string, unknown>[];
  enabled?: boolean;
}

const SOURCE_OR_WILDCARD = /^(\*|gateway|bank|provider:\*|provider:[a-z0-9_-]{1,40})$/;

export function checkRule(input: RuleInput): Omit<MatchRule, 'id'> {
  if (!STRATEGIES.includes(input.strategy)) throw invalid(`strategy is one of ${STRATEGIES.join(', ')}`);
  if (input.sources.length === 0 || input.sources.some((s) => !SOURCE_OR_WILDCARD.test(s)))
    throw invalid("sources are '*', 'gateway', 'bank', 'provider:*' or 'provider:<id>'");
  if (input.criteria.length === 0 || input.criteria.length > MAX_CRITERIA)
    throw invalid(`a rule has 1 to ${MAX_CRITERIA} criteria`);
  const criteria = input.criteria.map(checkCriterion);
  const fields = criteria.map((c) => c.field);
  if (new Set(fields).size !== fields.length) throw invalid('a rule names each field at most once');
  if (!fields.includes('reference') && !fields.includes('amount'))
    throw invalid('a rule pairs on the reference or on the amount');
  if (input.strategy === 'one_to_many' && !fields.includes('reference'))
    throw invalid('a one_to_many rule names the reference (ours contained in theirs)');
  return {
    name: input.name,
    priority: input.priority,
    strategy: input.strategy,
    sources: input.sources,
    criteria,
    enabled: input.enabled ?? true,
  };
}

const requireAdmin = (actor: Actor) => {
  if (actor.auth.role !== 'admin') throw forbidden('Only an admin can change matching rules');
};

export async function createMatchRule(tx: Tx, actor: Actor, input: RuleInput & { reason: string }) {
  requireAdmin(actor);
  const rule = checkRule(input);
  const { rows: count } = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM reconciliation.rules',
  );
  if ((count[0]?.n ?? 0) >= MAX_RULES) throw invalid(`at most ${MAX_RULES} rules`);
  const { rows } = await tx.query<RuleRow>(
    `INSERT INTO reconciliation.rules (id, name, priority, strategy, sources, criteria, enabled, created_by)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8) RETURNING *`,
    [
      randomUUID(),
      rule.name,
      rule.priority,
      rule.strategy,
      rule.sources,
      JSON.stringify(rule.criteria),
      rule.enabled,
      actor.auth.userId,
    ],
  );
  const created = toRule(rows[0] as RuleRow);
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: 'reconciliation.rule_create',
    targetType: 'reconciliation_rule',
    targetId: created.id,
    before: null,
    after: created,
    reason: input.reason,
    requestId: actor.requestId,
  });
  return created;
}

export async function updateMatchRule(
  tx: Tx,
  actor: Actor,
  id: string,
  input: Partial<RuleInput> & { reason: string },
) {
  requireAdmin(actor);
  if (!isUuid(id)) throw notFound('Matching rule');
  const { rows: found } = await tx.query<RuleRow>(
    'SELECT * FROM reconciliation.rules WHERE id = $1 FOR UPDATE',
    [id],
  );
  const row = found[0];
  if (!row) throw notFound('Matching rule');
  const before = toRule(row);
  const rule = checkRule({ ...before, ...input } as RuleInput);
  const { rows } = await tx.query<RuleRow>(
    `UPDATE reconciliation.rules SET name = $2, priority = $3, strategy = $4, sources = $5,
        criteria = $6::jsonb, enabled = $7, updated_at = now() WHERE id = $1 RETURNING *`,
    [id, rule.name, rule.priority, rule.strategy, rule.sources, JSON.stringify(rule.criteria), rule.enabled],
  );
  const after = toRule(rows[0] as RuleRow);
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: 'reconciliation.rule_update',
    targetType: 'reconciliation_rule',
    targetId: id,
    before,
    after,
    reason: input.reason,
    requestId: actor.requestId,
  });
  return after;
}
