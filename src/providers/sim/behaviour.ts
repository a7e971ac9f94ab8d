/**
 * What the simulated VTpass does for a given customer reference: pure
 * functions, no I/O, so the behaviour table lives in one place.
 */
import { createHash } from 'node:crypto';
import type { ServiceCategory } from '../catalogue.js';
import type { SimProfile } from './knobs.js';

/** VTpass's documented sandbox numbers. */
export const SANDBOX_REFS = Object.freeze({
  prepaid: '1111111111111',
  postpaid: '1010101010101',
  pending: '201000000000',
  timeout: '300000000000',
  noResponse: '400000000000',
  badJson: '500000000000',
  phone: '08011111111',
  smartcard: '1212121212',
});

/** Our additions (default profile only). */
export const SIM_REFS = Object.freeze({
  fails: '3333333333333',
  reverses: '4444444444444',
});

/** How /api/pay treats a customer reference. */
export type PayScript =
  | 'prepaid' // delivered with a token, whatever the variation
  | 'postpaid' // delivered, no token
  | 'pending' // pending for pendingMs, then delivered
  | 'timeout' // delivered, answer sent timeoutMs late
  | 'no_response' // socket destroyed, nothing vended
  | 'bad_json' // delivered, answer is an HTML page
  | 'fail' // 016
  | 'reverse' // delivered, reversed reversalMs later
  | 'ordinary' // delivered, subject to the knobs
  | 'rejected'; // fails validation; pay answers 016

const TABLE: Readonly<Record<string, PayScript>> = {
  [SANDBOX_REFS.prepaid]: 'prepaid',
  [SANDBOX_REFS.postpaid]: 'postpaid',
  [SANDBOX_REFS.pending]: 'pending',
  [SANDBOX_REFS.timeout]: 'timeout',
  [SANDBOX_REFS.noResponse]: 'no_response',
  [SANDBOX_REFS.badJson]: 'bad_json',
};

const SIM_TABLE: Readonly<Record<string, PayScript>> = {
  [SIM_REFS.fails]: 'fail',
  [SIM_REFS.reverses]: 'reverse',
};

/** Does merchant-verify accept this customer? */
export function customerAccepted(profile: SimProfile, category: ServiceCategory, ref: string): boolean {
  if (Object.hasOwn(TABLE, ref)) return true;
  if (profile === 'vtpass-sandbox') return ref === SANDBOX_REFS.phone || ref === SANDBOX_REFS.smartcard;
  if (Object.hasOwn(SIM_TABLE, ref)) return true;
  // Meters and smartcards never start with 0; phone numbers (airtime, data) do.
  if (category === 'airtime' || category === 'data') return /^\d{10,13}$/.test(ref);
  return /^[1-9]\d{9,12}$/.test(ref);
}

export function payScript(profile: SimProfile, category: ServiceCategory, ref: string): PayScript {
  const fixed = TABLE[ref] ?? (profile === 'default' ? SIM_TABLE[ref] : undefined);
  if (fixed) return fixed;
  return customerAccepted(profile, category, ref) ? 'ordinary' : 'rejected';
}

const FIRST = [
  'Adaeze',
  'Babatunde',
  'Chinedu',
  'Damilola',
  'Emeka',
  'Funmilayo',
  'Ibrahim',
  'Kemi',
  'Ngozi',
  'Oluwaseun',
  'Tunde',
  'Zainab',
];
const LAST = [
  'Adeyemi',
  'Bello',
  'Chukwu',
  'Eze',
  'Ibekwe',
  'Lawal',
  'Musa',
  'Nwosu',
  'Okafor',
  'Olawale',
  'Usman',
  'Yakubu',
];
const STREETS = [
  'Allen Avenue',
  'Awolowo Road',
  'Herbert Macaulay Way',
  'Adeola Odeku Street',
  'Ahmadu Bello Way',
  'Aba Road',
];
const CITIES = [
  'Ikeja, Lagos',
  'Lekki, Lagos',
  'Wuse II, Abuja',
  'Bodija, Ibadan',
  'GRA, Port Harcourt',
  'Independence Layout, Enugu',
];

function digest(label: string, value: string): Buffer {
  return createHash('sha256').update(`${label}:${value}`).digest();
}

function pickFrom<T>(list: readonly T[], byte: number | undefined): T {
  return list[(byte ?? 0) % list.length] as T;
}

/** A deterministic customer for any reference: same number, same name, every run. */
export function customerFor(ref: string): { name: string; address: string } {
  const h = digest('customer', ref);
  return {
    name: `${pickFrom(LAST, h[1]).toUpperCase()} ${pickFrom(FIRST, h[0]).toUpperCase()}`,
    address: `${((h[2] ?? 0) % 200) + 1} ${pickFrom(STREETS, h[3])}, ${pickFrom(CITIES, h[4])}`,
  };
}

/** A 20-digit token, deterministic per request id. */
export function tokenFor(requestId: string): string {
  const h = digest('token', requestId);
  let token = '';
  for (let i = 0; i < 20; i++) token += String((h[i] ?? 0) % 10);
  return token;
}

/** "12345678901234567890" -> "1234-5678-9012-3456-7890", as printed on receipts. */
export function dashedToken(token: string): string {
  return token.replace(/(\d{4})(?=\d)/g, '$1-');
}

/** Simulated Band A tariff, kobo per kWh (₦209.50). */
export const TARIFF_KOBO_PER_KWH = 20_950n;
/** VAT on electricity, 7.5%, in tenths of a percent. */
const VAT_PER_MILLE = 75n;

/** Prepaid split of a vend: VAT taken out, units bought with the rest (integer arithmetic). */
export function electricityBreakdown(amountKobo: bigint): {
  taxKobo: bigint;
  tokenKobo: bigint;
  units: string;
} {
  // amount includes VAT: tax = amount * 7.5 / 107.5
  const taxKobo = (amountKobo * VAT_PER_MILLE) / (1000n + VAT_PER_MILLE);
  const tokenKobo = amountKobo - taxKobo;
  const tenthsKwh = (tokenKobo * 10n) / TARIFF_KOBO_PER_KWH;
  return { taxKobo, tokenKobo, units: `${tenthsKwh / 10n}.${tenthsKwh % 10n} kWh` };
}

/** Commission rates per category, in tenths of a percent. */
const COMMISSION_PER_MILLE: Readonly<Record<ServiceCategory, bigint>> = {
  'electricity-bill': 10n, // 1.0%
  'water-bill': 10n,
  'gas-bill': 10n,
  airtime: 30n, // 3.0%
  data: 30n,
  'tv-subscription': 15n, // 1.5%
};

export function commissionFor(category: ServiceCategory, amountKobo: bigint): bigint {
  return (amountKobo * COMMISSION_PER_MILLE[category]) / 1000n;
}

/** A numeric transactionId like VTpass's (17 digits), deterministic per request id. */
export function transactionIdFor(requestId: string): string {
  const h = digest('txid', requestId);
  let id = '17';
  for (let i = 0; i < 15; i++) id += String((h[i] ?? 0) % 10);
  return id;
}

/** Sandbox postpaid accounts with a bill outstanding this month (kobo; due on this day of the month). */
export const SANDBOX_BILLS: Readonly<Record<string, { amountKobo: bigint; dueDay: number }>> = Object.freeze({
  'ikeja-electric|1010101010101': { amountKobo: 450_000n, dueDay: 25 },
  'lagos-water|6060606060': { amountKobo: 230_000n, dueDay: 20 },
  'gaslink-gas|7070707070': { amountKobo: 185_000n, dueDay: 15 },
});
/** Any other postpaid account's monthly bill. */
export const DEFAULT_BILL = Object.freeze({ amountKobo: 150_000n, dueDay: 28 });

export interface SimBill {
  reference: string;
  /** YYYY-MM (Africa/Lagos). */
  period: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  amountKobo: bigint;
}

/** This month's bill of a postpaid account (before what was paid against it). */
export function monthlyBill(serviceId: string, ref: string, lagosYyyymmdd: string): SimBill {
  const rule = SANDBOX_BILLS[`${serviceId}|${ref}`] ?? DEFAULT_BILL;
  const yyyy = lagosYyyymmdd.slice(0, 4);
  const mm = lagosYyyymmdd.slice(4, 6);
  return {
    reference: `${serviceId}-${yyyy}${mm}-${ref}`,
    period: `${yyyy}-${mm}`,
    dueDate: `${yyyy}-${mm}-${String(rule.dueDay).padStart(2, '0')}`,
    amountKobo: rule.amountKobo,
  };
}
