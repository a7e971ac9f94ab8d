/**
 * The rules' decision, pure: given the rules in force, an attempted debit and
 * the person's recent activity, which rules fire and the strongest action
 * (block > hold > flag). Every threshold is "more than": exactly at it passes.
 */
import type { Activity, Evaluation, Fired, RiskAttempt, RiskRule } from './types.js';

const STRENGTH: Record<Evaluation['action'], number> = { allow: 0, flag: 1, hold: 2, block: 3 };
const MINUTE_MS = 60_000;

/** The stronger of two actions. */
export const stronger = (a: Evaluation['action'], b: Evaluation['action']): Evaluation['action'] =>
  STRENGTH[b] > STRENGTH[a] ? b : a;

/** Formats kobo-like minor units for a reason line: 100000000 -> "1,000,000.00". */
const money = (amount: bigint, currency: string) => {
  const major = amount / 100n;
  const minor = (amount % 100n).toString().padStart(2, '0');
  return `${currency} ${major.toLocaleString('en-US')}.${minor}`;
};

/** The debits of the window that count for a rule: its kinds and currency, within `minutes` before the attempt. */
function inWindow(rule: RiskRule, attempt: RiskAttempt, activity: Activity) {
  const from = attempt.at.getTime() - (rule.params.minutes ?? 0) * MINUTE_MS;
  return activity.debits.filter(
    (d) => d.at.getTime() > from && d.currency === rule.currency && rule.appliesTo.includes(d.kind),
  );
}

type Check = (rule: RiskRule, attempt: RiskAttempt, activity: Activity) => string | undefined;

const isNew = (attempt: RiskAttempt, activity: Activity) =>
  !activity.knownCounterparties.has(attempt.counterparty);

/** Each rule type: the reason it fires, or undefined. */
const CHECKS: Record<RiskRule['type'], Check> = {
  velocity_count(rule, attempt, activity) {
    const before = activity.windows?.get(rule.key)?.count ?? 0;
    const n = before + inWindow(rule, attempt, activity).length + 1;
    const max = rule.params.count ?? 0;
    return n > max ? `${n} debits in ${rule.params.minutes} minutes (more than ${max})` : undefined;
  },
  velocity_amount(rule, attempt, activity) {
    const before = activity.windows?.get(rule.key)?.amount ?? 0n;
    const total = inWindow(rule, attempt, activity).reduce(
      (sum, d) => sum + d.amount,
      attempt.amount + before,
    );
    const max = rule.params.amount ?? 0n;
    return total > max
      ? `${money(total, rule.currency)} in ${rule.params.minutes} minutes (more than ${money(max, rule.currency)})`
      : undefined;
  },
  single_amount(rule, attempt) {
    const max = rule.params.amount ?? 0n;
    return attempt.amount > max
      ? `one debit of ${money(attempt.amount, rule.currency)} (more than ${money(max, rule.currency)})`
      : undefined;
  },
  new_recipient_amount(rule, attempt, activity) {
    const max = rule.params.amount ?? 0n;
    return isNew(attempt, activity) && attempt.amount > max
      ? `first debit to ${attempt.counterparty}: ${money(attempt.amount, rule.currency)} (more than ${money(max, rule.currency)})`
      : undefined;
  },
  new_recipients_per_day(rule, attempt, activity) {
    if (!isNew(attempt, activity)) return undefined;
    const n = new Set([...activity.newCounterpartiesToday, attempt.counterparty]).size;
    const max = rule.params.count ?? 0;
    return n > max ? `${n} new counterparties today (more than ${max})` : undefined;
  },
  new_device_large_debit(rule, attempt, activity) {
    const login = activity.lastNewDeviceLogin;
    const max = rule.params.amount ?? 0n;
    if (!login || attempt.amount <= max) return undefined;
    const since = attempt.at.getTime() - login.getTime();
    if (since > (rule.params.minutes ?? 0) * MINUTE_MS) return undefined;
    return `${money(attempt.amount, rule.currency)} ${Math.max(0, Math.floor(since / MINUTE_MS))} minutes after a login from a new device (more than ${money(max, rule.currency)} within ${rule.params.minutes} minutes)`;
  },
};

/** True when a rule looks at this attempt at all: enabled, its kind and its currency. */
export const appliesTo = (rule: RiskRule, attempt: Pick<RiskAttempt, 'kind' | 'currency'>): boolean =>
  rule.enabled && rule.currency === attempt.currency && rule.appliesTo.includes(attempt.kind);

/**
 * Which of the rules (the versions in force) fire for the attempt, and the
 * strongest action among them; 'allow' when none fires.
 */
export function evaluate(rules: readonly RiskRule[], attempt: RiskAttempt, activity: Activity): Evaluation {
  const fired: Fired[] = [];
  let action: Evaluation['action'] = 'allow';
  for (const rule of rules) {
    if (!appliesTo(rule, attempt)) continue;
    const why = CHECKS[rule.type](rule, attempt, activity);
    if (why === undefined) continue;
    fired.push({ key: rule.key, action: rule.action, why });
    action = stronger(action, rule.action);
  }
  return { action, fired };
}

/** The version of each rule in force at a moment: per key, the latest that started at or before it. */
export function inForce(versions: readonly RiskRule[], at: Date): RiskRule[] {
  const byKey = new Map<string, RiskRule>();
  for (const v of versions) {
    if (v.effectiveFrom.getTime() > at.getTime()) continue;
    const best = byKey.get(v.key);
    const later =
      !best ||
      v.effectiveFrom.getTime() > best.effectiveFrom.getTime() ||
      (v.effectiveFrom.getTime() === best.effectiveFrom.getTime() && BigInt(v.id) > BigInt(best.id));
    if (later) byKey.set(v.key, v);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}
