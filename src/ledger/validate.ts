import crypto from 'node:crypto';
import { stringifyJson } from '../db/index.js';
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

/** A JSON value, or null for a missing one (as JSON.stringify writes undefined inside an array). */
const jsonOrNull = (value: unknown): string =>
  value === undefined || value === null ? 'null' : stringifyJson(value);

/**
 * Legs as JSON: [["account-id","D","amount"], ...]. Ids are checked UUIDs and
 * amounts bigints, so nothing needs escaping. Written by hand: this runs for
 * every item of every batch.
 */
function legsJson(legs: readonly Leg[]): string {
  let out = '[';
  for (let i = 0; i < legs.length; i++) {
    const l = legs[i] as Leg;
    out += `${i === 0 ? '' : ','}["${l.accountId.toLowerCase()}","${l.side}","${l.amount}"]`;
  }
  return `${out}]`;
}

const sha256 =
  typeof crypto.hash === 'function'
    ? (text: string) => crypto.hash('sha256', text, 'base64url')
    : (text: string) => crypto.createHash('sha256').update(text).digest('base64url');

/**
 * The fields that make a request what it is, in a fixed order. Two requests
 * with the same id and the same hash (of this text) are the same request; a
 * different hash is `exists_with_different_fields`. The canonical text is the
 * JSON array [kind, currency, legs, pendingId, timeoutMs, expiry, code, linked,
 * metadata] (stored hashes depend on it: never change it).
 */
function canonical(item: LedgerItem, legs: string): string {
  return `[${JSON.stringify(item.kind)},${'currency' in item ? jsonOrNull(item.currency) : 'null'},${legs},${
    'pendingId' in item ? jsonOrNull(item.pendingId.toLowerCase()) : 'null'
  },${item.kind === 'hold' ? String(item.timeoutMs ?? 0) : 'null'},${
    item.kind === 'void' ? String(Boolean(item.expiry)) : 'null'
  },${JSON.stringify(item.code ?? '')},${Boolean(item.linked)},${stringifyJson(item.metadata ?? {})}]`;
}

/** One item as the JSON object the SQL function reads (see migrations/repeatable/ledger_create_transactions.sql). */
export function toWire(item: LedgerItem, now: number): string {
  const legs = 'legs' in item && item.legs ? legsJson(item.legs) : undefined;
  let out = `{"id":${JSON.stringify(item.id)},"k":${JSON.stringify(item.kind)},"h":"${sha256(canonical(item, legs ?? 'null'))}"`;
  if (item.code) out += `,"code":${JSON.stringify(item.code)}`;
  if (item.metadata) out += `,"m":${stringifyJson(item.metadata)}`;
  if (item.linked) out += ',"f":true';
  if ('currency' in item && item.currency !== undefined) out += `,"c":${JSON.stringify(item.currency)}`;
  if (legs) out += `,"l":${legs}`;
  if ('pendingId' in item && item.pendingId !== undefined) out += `,"p":${JSON.stringify(item.pendingId)}`;
  if (item.kind === 'hold' && item.timeoutMs) out += `,"x":"${new Date(now + item.timeoutMs).toISOString()}"`;
  if (item.kind === 'void' && item.expiry) out += ',"e":true';
  return `${out}}`;
}
