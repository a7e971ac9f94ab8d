/**
 * Risk rules as data: versioned like the KYC tier rules. A change is a new
 * row effective from a time (default now, never in the past); rows are never
 * updated (a trigger refuses it). The checker reads every version through a
 * per-process cache that is checked against the table's stamp (highest id and
 * latest insert) on every batch, so a new version counts from the next batch.
 */
import type { Queryable, Tx } from '../db/index.js';
import { AppError, forbidden } from '../errors/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { inForce } from './evaluate.js';
import {
  DEBIT_KINDS,
  type DebitKind,
  type RiskAction,
  type RiskRule,
  RULE_TYPES,
  type RuleParams,
  type RuleType,
} from './types.js';

interface RuleRow {
  id: bigint;
  key: string;
  type: RuleType;
  params: Record<string, unknown>;
  action: RiskAction;
  enabled: boolean;
  applies_to: DebitKind[];
  currency: string;
  effective_from: Date;
  created_by: string | null;
  created_at: Date;
  reason: string;
}

const COLUMNS = `id, key, type, params, action, enabled, applies_to, currency, effective_from, created_by,
  created_at, reason`;

/** Which params each type takes (all required, no others). */
const PARAMS: Record<RuleType, readonly (keyof RuleParams)[]> = {
  velocity_count: ['count', 'minutes'],
  velocity_amount: ['amount', 'minutes'],
  single_amount: ['amount'],
  new_recipient_amount: ['amount'],
  new_recipients_per_day: ['count'],
  new_device_large_debit: ['amount', 'minutes'],
};
const BOUNDS: Record<keyof RuleParams, [number, number]> = {
  count: [1, 1_000_000],
  minutes: [1, 7 * 24 * 60],
  amount: [1, Number.MAX_SAFE_INTEGER],
};

const toParams = (raw: Record<string, unknown>): RuleParams => ({
  ...(raw.count !== undefined && { count: Number(raw.count) }),
  ...(raw.minutes !== undefined && { minutes: Number(raw.minutes) }),
  ...(raw.amount !== undefined && { amount: BigInt(raw.amount as number) }),
});

const toRule = (r: RuleRow): RiskRule => ({
  id: String(r.id),
  key: r.key,
  type: r.type,
  params: toParams(r.params),
  action: r.action,
  enabled: r.enabled,
  appliesTo: r.applies_to,
  currency: r.currency.trim(),
  effectiveFrom: r.effective_from,
  createdBy: r.created_by,
  createdAt: r.created_at,
  reason: r.reason,
});

/** Every version, oldest first. */
export async function allRuleVersions(db: Queryable): Promise<RiskRule[]> {
  const { rows } = await db.query<RuleRow>(`SELECT ${COLUMNS} FROM risk.rules ORDER BY id`);
  return rows.map(toRule);
}

/** SQL for the table's stamp: changes whenever a version is added (rows are never updated or deleted). */
let cached: { stamp: string; versions: RiskRule[] } | undefined;

/** The versions this process last read, or undefined before the first read. */
export const cachedRuleVersions = (): RiskRule[] | undefined => cached?.versions;

/** Every version, from the cache when the stamp read in this transaction matches it. */
export async function ruleVersions(db: Queryable, stamp: string): Promise<RiskRule[]> {
  if (cached?.stamp === stamp) return cached.versions;
  const versions = await allRuleVersions(db);
  cached = { stamp, versions };
  return versions;
}

/** Every version, newest first per key; `inForce` marks the ones that apply now. */
export async function listRules(db: Queryable): Promise<(RiskRule & { inForce: boolean })[]> {
  const versions = await allRuleVersions(db);
  const now = new Set(inForce(versions, new Date()).map((r) => r.id));
  return versions
    .sort((a, b) => a.key.localeCompare(b.key) || Number(BigInt(b.id) - BigInt(a.id)))
    .map((r) => ({ ...r, inForce: now.has(r.id) }));
}

export interface RuleInput {
  key: string;
  type: RuleType;
  params: Record<string, unknown>;
  action: RiskAction;
  enabled: boolean;
  appliesTo: DebitKind[];
  currency: string;
}

const invalid = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError('invalid_risk_rule', message, extra);

/** Checks one rule's params for its type: the ones it takes, each an integer in bounds. */
export function checkParams(type: RuleType, params: Record<string, unknown>): RuleParams {
  if (!RULE_TYPES.includes(type)) throw invalid(`Unknown rule type ${type}`);
  const wanted = PARAMS[type];
  const extra = Object.keys(params).filter((k) => !(wanted as readonly string[]).includes(k));
  if (extra.length > 0) throw invalid(`A ${type} rule takes ${wanted.join(', ')} only`, { type });
  for (const name of wanted) {
    const value = params[name];
    const [min, max] = BOUNDS[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw invalid(
        `${name} must be an integer from ${min} to ${max}${name === 'amount' ? ' (minor units)' : ''}`,
        {
          type,
          param: name,
        },
      );
  }
  return toParams(params);
}

/** How far in the past "now" may be given (the client's clock and ours differ). */
const PAST_SLACK_MS = 60_000;

function checkInput(
  inputs: readonly RuleInput[],
  existing: readonly RiskRule[],
  effectiveFrom: Date,
  now: Date,
) {
  if (effectiveFrom.getTime() < now.getTime() - PAST_SLACK_MS)
    throw invalid('effectiveFrom may not be in the past: add a version from now on');
  const keys = new Set<string>();
  for (const input of inputs) {
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(input.key))
      throw invalid('A rule key is lower-case letters, digits and _ (up to 63), starting with a letter');
    if (keys.has(input.key)) throw invalid(`The rule ${input.key} is given twice`);
    keys.add(input.key);
    const earlier = existing.find((r) => r.key === input.key);
    if (earlier && earlier.type !== input.type)
      throw invalid(`The rule ${input.key} is a ${earlier.type} rule; give a new key for another type`);
    if (input.appliesTo.length === 0 || input.appliesTo.some((k) => !DEBIT_KINDS.includes(k)))
      throw invalid(`appliesTo lists debit kinds: ${DEBIT_KINDS.join(', ')}`);
    checkParams(input.type, input.params);
  }
}

/**
 * Adds a version of one or more rules (admins only), effective from a time
 * (default now), each audited in the same transaction with the version it
 * replaces. Older versions stay as they are.
 */
export async function setRules(
  tx: Tx,
  actor: Actor,
  input: { rules: RuleInput[]; effectiveFrom?: Date; reason: string },
): Promise<RiskRule[]> {
  if (actor.auth.role !== 'admin') throw forbidden('Only an admin can change risk rules');
  const now = new Date();
  const effectiveFrom = input.effectiveFrom ?? now;
  const existing = await allRuleVersions(tx);
  checkInput(input.rules, existing, effectiveFrom, now);
  const before = inForce(existing, effectiveFrom);
  const added: RiskRule[] = [];
  for (const rule of input.rules) {
    const created = await insertVersion(tx, actor, rule, effectiveFrom, input.reason);
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: 'risk.rule_set',
      targetType: 'risk_rule',
      targetId: created.key,
      before: before.find((r) => r.key === rule.key) ?? null,
      after: created,
      reason: input.reason,
      requestId: actor.requestId,
    });
    added.push(created);
  }
  cached = undefined;
  return added;
}

async function insertVersion(tx: Tx, actor: Actor, rule: RuleInput, effectiveFrom: Date, reason: string) {
  const { rows } = await tx.query<RuleRow>(
    `INSERT INTO risk.rules (key, type, params, action, enabled, applies_to, currency, effective_from, created_by, reason)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6::text[], $7, $8, $9, $10)
     ON CONFLICT (key, effective_from) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      rule.key,
      rule.type,
      JSON.stringify(rule.params),
      rule.action,
      rule.enabled,
      [...new Set(rule.appliesTo)],
      rule.currency,
      effectiveFrom,
      actor.auth.userId,
      reason,
    ],
  );
  if (!rows[0]) throw invalid(`A version of ${rule.key} starts at that time already`);
  return toRule(rows[0]);
}
