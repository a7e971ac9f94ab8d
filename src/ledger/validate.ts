import { createHash } from 'node:crypto';
import { type InputError, type LedgerItem, type Leg, MAX_AMOUNT, MAX_LEGS } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENCY = /^[A-Z]{3}$/;
/** At most 10 years: a hold that must never expire uses timeoutMs 0. */
const MAX_TIMEOUT_MS = 10 * 365 * 24 * 3600 * 1000;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

function checkLegs(legs: unknown, requireBalanced: boolean): InputError | undefined {
  if (!Array.isArray(legs) || legs.length === 0) return 'no_legs';
  if (legs.length > MAX_LEGS) return 'too_many_legs';
  let debits = 0n;
  let credits = 0n;
  const sides = new Map<string, string>();
  for (const leg of legs as Leg[]) {
    if (!isUuid(leg?.accountId)) return 'invalid_account_id';
    if (leg.side !== 'D' && leg.side !== 'C') return 'invalid_side';
    if (typeof leg.amount !== 'bigint') return 'invalid_amount';
    if (leg.amount <= 0n) return 'invalid_amount';
    if (leg.amount > MAX_AMOUNT) return 'amount_out_of_range';
    const seen = sides.get(leg.accountId);
    if (seen !== undefined && seen !== leg.side) return 'same_account_both_sides';
    sides.set(leg.accountId, leg.side);
    if (leg.side === 'D') debits += leg.amount;
    else credits += leg.amount;
  }
  if (debits > MAX_AMOUNT || credits > MAX_AMOUNT) return 'amount_out_of_range';
  if (requireBalanced && debits !== credits) return 'unbalanced';
  return undefined;
}

/** Checks an item's shape and arithmetic. Returns the first error, or undefined when it may go to the database. */
export function validateItem(item: LedgerItem): InputError | undefined {
  if (!isUuid(item.id)) return 'invalid_id';
  switch (item.kind) {
    case 'transfer':
    case 'hold': {
      if (typeof item.currency !== 'string' || !CURRENCY.test(item.currency)) return 'invalid_currency';
      const legError = checkLegs(item.legs, true);
      if (legError) return legError;
      if (item.kind === 'hold' && item.timeoutMs !== undefined) {
        if (!Number.isInteger(item.timeoutMs) || item.timeoutMs < 0 || item.timeoutMs > MAX_TIMEOUT_MS) {
          return 'invalid_timeout';
        }
      }
      return undefined;
    }
    case 'post':
      if (!isUuid(item.pendingId)) return 'invalid_pending_id';
      if (item.legs !== undefined) return checkLegs(item.legs, true);
      return undefined;
    case 'void':
      if (!isUuid(item.pendingId)) return 'invalid_pending_id';
      return undefined;
    default:
      return 'invalid_id';
  }
}

/** JSON.stringify that writes bigint as a decimal string. */
export const stringifyJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));

const legJson = (legs: Leg[] | undefined) =>
  legs?.map((l) => [l.accountId.toLowerCase(), l.side, l.amount.toString()] as const);

/**
 * The fields that make a request what it is, in a fixed order. Two requests
 * with the same id and the same hash are the same request; a different hash
 * is `exists_with_different_fields`.
 */
export function requestHash(item: LedgerItem): string {
  const canonical = stringifyJson([
    item.kind,
    'currency' in item ? item.currency : null,
    legJson('legs' in item ? item.legs : undefined) ?? null,
    'pendingId' in item ? item.pendingId.toLowerCase() : null,
    item.kind === 'hold' ? (item.timeoutMs ?? 0) : null,
    item.kind === 'void' ? Boolean(item.expiry) : null,
    item.code ?? '',
    Boolean(item.linked),
    item.metadata ?? {},
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The JSON the SQL function reads (see migrations/0002). */
export function toWire(item: LedgerItem, now: number): Record<string, unknown> {
  const wire: Record<string, unknown> = { id: item.id, k: item.kind, h: requestHash(item) };
  if (item.code) wire.code = item.code;
  if (item.metadata) wire.m = item.metadata;
  if (item.linked) wire.f = true;
  if ('currency' in item) wire.c = item.currency;
  if ('legs' in item && item.legs) wire.l = legJson(item.legs);
  if ('pendingId' in item) wire.p = item.pendingId;
  if (item.kind === 'hold' && item.timeoutMs) wire.x = new Date(now + item.timeoutMs).toISOString();
  if (item.kind === 'void' && item.expiry) wire.e = true;
  return wire;
}
