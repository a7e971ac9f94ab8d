/**
 * A VTpass-compatible provider simulator: a real HTTP server speaking the
 * same API as VTpass (merchant-verify, pay, requery, service-variations), so
 * the real adapter is exercised over real sockets. Behaviour is chosen by the
 * customer reference (see behaviour.ts) and by knobs that can be turned while
 * it runs. Everything it keeps is in memory and bounded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'undici';
import { formatMinor, parseMajorToMinor } from '../amount.js';
import { type CatalogueService, type ServiceCategory, findService } from '../catalogue.js';
import { lagosDate, parseLagosStamp } from '../lagos-time.js';
import {
  commissionFor,
  customerAccepted,
  customerFor,
  dashedToken,
  electricityBreakdown,
  monthlyBill,
  payScript,
  tokenFor,
  transactionIdFor,
} from './behaviour.js';
import { DEFAULT_KNOBS, mergeKnobs, type SimKnobs } from './knobs.js';
import { buildReport, readReportQuery } from './report.js';

export interface SimOptions extends Partial<SimKnobs> {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port (default). */
  port?: number;
  name?: string;
  /** Credentials the simulator accepts; anything else answers 087. */
  apiKey?: string;
  secretKey?: string;
  publicKey?: string;
  /** Call log capacity (oldest dropped). Default 100,000. */
  maxCalls?: number;
  /** Transactions kept (oldest forgotten: a forgotten request_id would vend again). Default 200,000. */
  maxTransactions?: number;
  /** Randomness for the rate knobs; inject for deterministic tests. */
  random?: () => number;
}

export interface SimCall {
  seq: number;
  at: string;
  /** /api/pay, /api/requery, /api/merchant-verify, /api/service-variations, webhook */
  endpoint: string;
  requestId: string | null;
  billersCode: string | null;
  serviceID: string | null;
  /** VTpass code answered, or no_response (socket destroyed), not_json, late (answered after timeoutMs), http_NNN/error (webhooks). */
  code: string;
  /** True only for the call that created a vended (delivered/pending) transaction. */
  vended: boolean;
}

export interface ProviderSim {
  url: string;
  port: number;
  name: string;
  close(): Promise<void>;
  calls(filter?: { requestId?: string }): SimCall[];
  setKnobs(update: Partial<SimKnobs>): SimKnobs;
  knobs(): SimKnobs;
  /** Money reaching our float with this provider (a bank transfer to it). */
  topUp(amountMinor: bigint): void;
  /** The float as /api/balance reports it (kobo, the drift knob included). */
  balance(): bigint;
  /** A fixed-price variation's new price, as the provider would change it (null: back to the catalogue's). */
  setPrice(serviceId: string, code: string, amountMinor: bigint | null): void;
}

export const SANDBOX_CREDENTIALS = Object.freeze({
  apiKey: 'sandbox-api-key',
  secretKey: 'sandbox-secret-key',
  publicKey: 'sandbox-public-key',
});

const MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_MAX_CALLS = 100_000;
const DEFAULT_MAX_TRANSACTIONS = 200_000;
const DEFAULT_CALLS_LIMIT = 10_000;
const WEBHOOK_ATTEMPTS = 5; // VTpass retries 5 times
const WEBHOOK_TIMEOUT_MS = 5_000;
const WEBHOOK_BACKOFF_MS = 250;
const WEBHOOK_BACKOFF_MAX_MS = 5_000;
const WEBHOOK_MAX_ANSWER_CHARS = 4_096;
/** A request_id stamped a few minutes off "today" (clock skew at midnight) is still accepted. */
const STAMP_SKEW_MS = 10 * 60_000;

type TxKind = 'delivered' | 'pending' | 'failed' | 'reversing' | 'reversed';
type TxStatus = 'delivered' | 'pending' | 'failed' | 'reversed';

interface SimTx {
  requestId: string;
  service: CatalogueService;
  variationCode: string | null;
  billersCode: string;
  phone: string | null;
  email: string | null;
  amountKobo: bigint;
  createdAtMs: number;
  transactionId: string;
  kind: TxKind;
  /** pending -> delivered, or delivered -> reversed, at this time. */
  changeAtMs: number | null;
  token: string | null;
  /** Fixed at the vend (from the knobs then): the float is charged amountKobo - commissionKobo. */
  commissionKobo: bigint;
  commissionRule: { rate: string | null; type: 'percent' | 'flat' };
}

type Reply =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'destroy' }
  | { kind: 'html' }
  | { kind: 'late'; delayMs: number; body: unknown };

interface Handled {
  reply: Reply;
  log: Omit<SimCall, 'seq' | 'at' | 'endpoint'>;
}

const CATEGORY_LABEL: Readonly<Record<ServiceCategory, string>> = {
  'electricity-bill': 'Electricity Bill',
  'water-bill': 'Water Bill',
  'gas-bill': 'Gas Bill',
  airtime: 'Airtime Recharge',
  data: 'Data Services',
  'tv-subscription': 'TV Subscription',
};

/**
 * Naira as a JSON number, like VTpass sends. Built from the exact decimal
 * string; a double prints back to the same shortest decimal, so the JSON text
 * is exact for any amount below 2^53 kobo.
 */
function nairaNumber(kobo: bigint): number {
  return Number(formatMinor(kobo));
}

function statusOf(tx: SimTx, nowMs: number): TxStatus {
  switch (tx.kind) {
    case 'pending':
      return tx.changeAtMs !== null && nowMs >= tx.changeAtMs ? 'delivered' : 'pending';
    case 'reversing':
      return tx.changeAtMs !== null && nowMs >= tx.changeAtMs ? 'reversed' : 'delivered';
    default:
      return tx.kind;
  }
}

const DESCRIPTION: Readonly<Record<TxStatus, string>> = {
  delivered: 'TRANSACTION SUCCESSFUL',
  pending: 'TRANSACTION PROCESSING',
  failed: 'TRANSACTION FAILED',
  reversed: 'TRANSACTION REVERSAL',
};

/** The pay/requery answer for a transaction as it stands now. */
function render(tx: SimTx, nowMs: number): Record<string, unknown> {
  const status = statusOf(tx, nowMs);
  const code = status === 'failed' ? '016' : status === 'reversed' ? '040' : '000';
  const commission = status === 'failed' ? 0n : tx.commissionKobo;
  const amount = nairaNumber(tx.amountKobo);
  const body: Record<string, unknown> = {
    code,
    content: {
      transactions: {
        status,
        product_name: tx.service.name,
        unique_element: tx.billersCode,
        unit_price: amount,
        quantity: 1,
        service_verification: null,
        channel: 'api',
        commission: nairaNumber(commission),
        commission_details: {
          amount: nairaNumber(commission),
          rate: tx.commissionRule.rate,
          rate_type: tx.commissionRule.type,
          computation_type: 'default',
        },
        total_amount: nairaNumber(tx.amountKobo - commission),
        discount: null,
        type: CATEGORY_LABEL[tx.service.category],
        email: tx.email,
        phone: tx.phone,
        name: null,
        convinience_fee: 0,
        amount,
        platform: 'api',
        method: 'api',
        transactionId: tx.transactionId,
      },
    },
    response_description: DESCRIPTION[status],
    requestId: tx.requestId,
    amount,
    transaction_date: new Date(tx.createdAtMs).toISOString(),
    purchased_code: '',
  };
  if (tx.service.category === 'electricity-bill') {
    const customer = customerFor(tx.billersCode);
    body.customerName = customer.name;
    body.customerAddress = customer.address;
    body.meterNumber = tx.billersCode;
    if (status === 'delivered') {
      body.exchangeReference = tx.transactionId.slice(-12);
      if (tx.token !== null) {
        const split = electricityBreakdown(tx.amountKobo);
        body.purchased_code = `Token : ${dashedToken(tx.token)}`;
        body.token = tx.token;
        body.units = split.units;
        body.tokenAmount = nairaNumber(split.tokenKobo);
        body.taxAmount = nairaNumber(split.taxKobo);
        body.debtAmount = 0;
        body.tariff = 'A1 - Band A';
        body.resetToken = null;
        body.configureToken = null;
        body.fixChargeAmount = null;
      } else {
        body.utilityName = tx.service.name;
        body.balance = 0;
      }
    }
  }
  return body;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown, max = 64): string | null {
  return typeof v === 'string' && v.length > 0 && v.length <= max ? v : null;
}

/**
 * What the script decides for a new vend: the transaction's fate (mutated in
 * place), whether the answer says "processing" (099) and whether it is lost.
 */
function applyScript(
  tx: SimTx,
  script: ReturnType<typeof payScript>,
  knobs: SimKnobs,
  random: () => number,
  now: number,
): { processing: boolean; lost: boolean } {
  let processing = false; // answer 099 instead of 000/pending
  let lost = false;
  switch (script) {
    case 'prepaid':
      tx.token = tokenFor(tx.requestId);
      break;
    case 'postpaid':
    case 'timeout':
    case 'bad_json':
      break;
    case 'pending':
      tx.kind = 'pending';
      tx.changeAtMs = now + knobs.pendingMs;
      break;
    case 'fail':
    case 'rejected':
      tx.kind = 'failed';
      break;
    case 'reverse':
      tx.kind = 'reversing';
      tx.changeAtMs = now + knobs.reversalMs;
      break;
    case 'ordinary':
      if (random() < knobs.failureRate) tx.kind = 'failed';
      else if (random() < knobs.pendingRate) {
        tx.kind = 'pending';
        tx.changeAtMs = now + knobs.pendingMs;
        processing = true;
      }
      lost = tx.kind !== 'failed' && random() < knobs.lostResponseRate;
      break;
  }
  return { processing, lost };
}

/** VTpass's rule: 12 digits of today's Lagos date-time, then letters/digits. */
function requestIdAcceptable(id: string, nowMs: number): boolean {
  if (!/^\d{12}[A-Za-z0-9]{0,52}$/.test(id)) return false;
  const stampMs = parseLagosStamp(id.slice(0, 12));
  if (stampMs === undefined) return false;
  return (
    lagosDate(new Date(stampMs)) === lagosDate(new Date(nowMs)) || Math.abs(nowMs - stampMs) <= STAMP_SKEW_MS
  );
}

function answer(code: string, description: string, content: Record<string, unknown> = {}): Reply {
  return { kind: 'json', status: 200, body: { code, response_description: description, content } };
}

/** Everything one running simulator keeps; the functions below share it instead of closing over it. */
interface SimulatorState {
  credentials: { apiKey: string; secretKey: string; publicKey: string };
  maxCalls: number;
  maxTransactions: number;
  random: () => number;
  knobs: SimKnobs;
  transactions: Map<string, SimTx>;
  /** serviceID|customer -> last vend time, for the 019 duplicate check. */
  recentVends: Map<string, number>;
  /** Ring buffer of calls. */
  callRing: SimCall[];
  callStart: number;
  seq: number;
  timers: Set<NodeJS.Timeout>;
  /** Wakes the handlers sleeping on latencyMs when the simulator closes. */
  sleepers: Set<() => void>;
  webhookAborts: Set<AbortController>;
  closed: boolean;
  /** Float top-ups received, and charges of transactions forgotten (maxTransactions) while charged. */
  toppedUpKobo: bigint;
  forgottenChargesKobo: bigint;
  /** Bill reference -> kobo vended against it (bounded like the transactions). */
  billPayments: Map<string, bigint>;
  /** serviceID|variation -> a price that replaced the catalogue's. */
  prices: Map<string, bigint>;
}

// ---------------------------------------------------------------- options and state

function readLimits(opts: SimOptions): { maxCalls: number; maxTransactions: number } {
  const maxCalls = opts.maxCalls ?? DEFAULT_MAX_CALLS;
  const maxTransactions = opts.maxTransactions ?? DEFAULT_MAX_TRANSACTIONS;
  if (!Number.isInteger(maxCalls) || maxCalls < 1)
    throw new RangeError('sim: maxCalls must be a positive integer');
  if (!Number.isInteger(maxTransactions) || maxTransactions < 1)
    throw new RangeError('sim: maxTransactions must be a positive integer');
  return { maxCalls, maxTransactions };
}

function initialKnobs(opts: SimOptions): SimKnobs {
  const initial: Partial<SimKnobs> = {};
  for (const key of Object.keys(DEFAULT_KNOBS) as (keyof SimKnobs)[]) {
    if (opts[key] !== undefined) Object.assign(initial, { [key]: opts[key] });
  }
  const merged = mergeKnobs({ ...DEFAULT_KNOBS }, initial);
  if ('error' in merged) throw new RangeError(`sim: ${merged.error}`);
  return merged;
}

function createSimulatorState(opts: SimOptions): SimulatorState {
  const credentials = {
    apiKey: opts.apiKey ?? SANDBOX_CREDENTIALS.apiKey,
    secretKey: opts.secretKey ?? SANDBOX_CREDENTIALS.secretKey,
    publicKey: opts.publicKey ?? SANDBOX_CREDENTIALS.publicKey,
  };
  const { maxCalls, maxTransactions } = readLimits(opts);
  const random = opts.random ?? Math.random;
  return {
    credentials,
    maxCalls,
    maxTransactions,
    random,
    knobs: initialKnobs(opts),
    transactions: new Map(),
    recentVends: new Map(),
    callRing: [],
    callStart: 0,
    seq: 0,
    timers: new Set(),
    sleepers: new Set(),
    webhookAborts: new Set(),
    closed: false,
    toppedUpKobo: 0n,
    forgottenChargesKobo: 0n,
    billPayments: new Map(),
    prices: new Map(),
  };
}

// ---------------------------------------------------------------- call log, timers, memory

function logCall(state: SimulatorState, endpoint: string, log: Handled['log']): void {
  const entry: SimCall = { seq: ++state.seq, at: new Date().toISOString(), endpoint, ...log };
  if (state.callRing.length < state.maxCalls) state.callRing.push(entry);
  else {
    state.callRing[state.callStart] = entry;
    state.callStart = (state.callStart + 1) % state.maxCalls;
  }
}

function orderedCalls(state: SimulatorState): SimCall[] {
  return [...state.callRing.slice(state.callStart), ...state.callRing.slice(0, state.callStart)];
}

function later(state: SimulatorState, ms: number, fn: () => void): NodeJS.Timeout {
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    fn();
  }, ms);
  state.timers.add(timer);
  return timer;
}

function cancel(state: SimulatorState, timer: NodeJS.Timeout): void {
  clearTimeout(timer);
  state.timers.delete(timer);
}

function sleep(state: SimulatorState, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = () => {
      state.sleepers.delete(wake);
      resolve();
    };
    state.sleepers.add(wake);
    later(state, ms, wake);
  });
}

function remember(state: SimulatorState, tx: SimTx): void {
  state.transactions.set(tx.requestId, tx);
  if (state.transactions.size > state.maxTransactions) {
    const oldest = state.transactions.keys().next().value;
    const forgotten = oldest === undefined ? undefined : state.transactions.get(oldest);
    if (forgotten) state.forgottenChargesKobo += chargeOf(forgotten, Date.now());
    if (oldest !== undefined) state.transactions.delete(oldest);
  }
}

// ---------------------------------------------------------------- float

/** The commission on a vend by the knobs: flat, a rate, or the catalogue's rate for the category. */
function commissionRule(knobs: SimKnobs, category: ServiceCategory, amountKobo: bigint) {
  if (knobs.commissionFlatMinor !== null) {
    const flat = BigInt(knobs.commissionFlatMinor);
    return { kobo: flat < amountKobo ? flat : amountKobo, rate: null, type: 'flat' as const };
  }
  if (knobs.commissionBps !== null) {
    const kobo = (amountKobo * BigInt(knobs.commissionBps)) / 10_000n;
    return { kobo, rate: (knobs.commissionBps / 100).toFixed(2), type: 'percent' as const };
  }
  const kobo = commissionFor(category, amountKobo);
  const rate = ((Number(commissionFor(category, 100_000n)) / 100_000) * 100).toFixed(2);
  return { kobo, rate, type: 'percent' as const };
}

/** What a transaction takes from the float now: amount - commission while delivered or pending, else nothing. */
function chargeOf(tx: SimTx, nowMs: number): bigint {
  const status = statusOf(tx, nowMs);
  return status === 'delivered' || status === 'pending' ? tx.amountKobo - tx.commissionKobo : 0n;
}

/** The float as the provider's books have it (without the drift knob). */
function floatOf(state: SimulatorState, nowMs: number): bigint {
  let charged = state.forgottenChargesKobo;
  for (const tx of state.transactions.values()) charged += chargeOf(tx, nowMs);
  return state.toppedUpKobo - charged;
}

/** GET /api/balance: VTpass's shape, naira. */
function handleBalance(state: SimulatorState): Handled {
  const balance = floatOf(state, Date.now()) + BigInt(state.knobs.balanceDriftMinor);
  return {
    reply: { kind: 'json', status: 200, body: { code: 1, contents: { balance: nairaNumber(balance) } } },
    log: { requestId: null, billersCode: null, serviceID: null, code: '1', vended: false },
  };
}

// ---------------------------------------------------------------- webhooks

/**
 * At changeAtMs the transaction settles (pending -> delivered, delivered ->
 * reversed) and a transaction-update webhook goes out. Settling in the timer,
 * not only by comparing clocks, matters: a timer can fire a millisecond before
 * Date.now() reaches changeAtMs, and the webhook must announce the new state.
 */
function scheduleChange(state: SimulatorState, tx: SimTx, delayMs: number): void {
  later(state, delayMs, () => {
    if (tx.kind === 'pending') tx.kind = 'delivered';
    else if (tx.kind === 'reversing') tx.kind = 'reversed';
    tx.changeAtMs = null;
    void sendWebhook(state, tx, 1);
  });
}

async function sendWebhook(state: SimulatorState, tx: SimTx, attempt: number): Promise<void> {
  const url = state.knobs.webhookUrl;
  if (state.closed || url === null) return;
  const body = JSON.stringify({ type: 'transaction-update', data: render(tx, Date.now()) });
  const controller = new AbortController();
  state.webhookAborts.add(controller);
  const timer = setTimeout(() => controller.abort(), WEBHOOK_TIMEOUT_MS);
  let code = 'error';
  let acknowledged = false;
  try {
    const res = await httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: controller.signal,
    });
    code = `http_${res.statusCode}`;
    let text = '';
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      text += chunk.toString('utf8');
      if (text.length > WEBHOOK_MAX_ANSWER_CHARS) break; // the acknowledgement is tiny; do not read a flood
    }
    // VTpass retries unless the receiver answers {"response":"success"}.
    acknowledged = res.statusCode < 300 && /"response"\s*:\s*"success"/.test(text);
  } catch {
    code = controller.signal.aborted && !state.closed ? 'timeout' : 'error';
  } finally {
    clearTimeout(timer);
    state.webhookAborts.delete(controller);
  }
  if (state.closed) return;
  logCall(state, 'webhook', {
    requestId: tx.requestId,
    billersCode: tx.billersCode,
    serviceID: tx.service.serviceId,
    code,
    vended: false,
  });
  if (!acknowledged && attempt < WEBHOOK_ATTEMPTS) {
    const backoff = Math.min(WEBHOOK_BACKOFF_MS * 2 ** (attempt - 1), WEBHOOK_BACKOFF_MAX_MS);
    later(state, backoff, () => void sendWebhook(state, tx, attempt + 1));
  }
}

// ---------------------------------------------------------------- handlers

function handleVerify(state: SimulatorState, body: Record<string, unknown>): Handled {
  const billersCode = str(body.billersCode);
  const serviceID = str(body.serviceID);
  const log = { requestId: null, billersCode, serviceID, vended: false };
  const service = serviceID === null ? undefined : findService(serviceID);
  if (!service) return { reply: answer('012', 'PRODUCT DOES NOT EXIST'), log: { ...log, code: '012' } };
  if (billersCode === null)
    return { reply: answer('011', 'INVALID ARGUMENTS'), log: { ...log, code: '011' } };
  // The VTpass sandbox answers 000; the reference documents 020 (biller confirmed). Serve both.
  const code = state.knobs.profile === 'vtpass-sandbox' ? '000' : '020';
  if (!customerAccepted(state.knobs.profile, service.category, billersCode)) {
    // As VTpass does: a success code, with the refusal in the content.
    const content = {
      error: `This number is not correct or is not a valid ${service.name} customer. Please check and try again`,
      WrongBillersCode: true,
    };
    return { reply: answer(code, 'BILLER CONFIRMED', content), log: { ...log, code } };
  }
  const content = verifiedCustomer(service, billersCode, str(body.type) ?? '');
  Object.assign(content, billFields(state, service, billersCode, str(body.type) ?? ''));
  return { reply: answer(code, 'BILLER CONFIRMED', content), log: { ...log, code } };
}

const POSTPAID_UTILITIES: ReadonlySet<ServiceCategory> = new Set(['water-bill', 'gas-bill']);

/**
 * A postpaid account's outstanding bill as merchant-verify fields: what is left of this month's
 * bill after what was vended to the account (Customer_Arrears, naira), its due date, period and
 * reference. Nothing for prepaid meters and other services.
 */
function billFields(
  state: SimulatorState,
  service: CatalogueService,
  billersCode: string,
  type: string,
): Record<string, unknown> {
  const postpaid =
    POSTPAID_UTILITIES.has(service.category) ||
    (service.category === 'electricity-bill' && type === 'postpaid');
  if (!postpaid) return {};
  const bill = monthlyBill(service.serviceId, billersCode, lagosDate(new Date()));
  const paid = state.billPayments.get(bill.reference) ?? 0n;
  const left = bill.amountKobo > paid ? bill.amountKobo - paid : 0n;
  return {
    Customer_Arrears: formatMinor(left),
    ...(left > 0n
      ? { Due_Date: bill.dueDate, Bill_Period: bill.period, Bill_Reference: bill.reference }
      : {}),
  };
}

/** A vend to a postpaid account pays its month's bill down. */
function payTowardsBill(state: SimulatorState, tx: SimTx): void {
  const postpaid =
    POSTPAID_UTILITIES.has(tx.service.category) ||
    (tx.service.category === 'electricity-bill' && tx.variationCode === 'postpaid');
  if (!postpaid) return;
  const bill = monthlyBill(tx.service.serviceId, tx.billersCode, lagosDate(new Date(tx.createdAtMs)));
  const paid = (state.billPayments.get(bill.reference) ?? 0n) + tx.amountKobo;
  state.billPayments.delete(bill.reference);
  state.billPayments.set(bill.reference, paid);
  if (state.billPayments.size > state.maxTransactions) {
    const oldest = state.billPayments.keys().next().value;
    if (oldest !== undefined) state.billPayments.delete(oldest);
  }
}

/** A variation as the provider prices it now (an operator-style price change overrides the catalogue). */
function priced(state: SimulatorState, serviceId: string, v: CatalogueService['variations'][number]) {
  const override = state.prices.get(`${serviceId}|${v.code}`);
  return override === undefined ? v : { ...v, amountMinor: override };
}

/** The merchant-verify content for an accepted customer, with the fields its category adds. */
function verifiedCustomer(
  service: CatalogueService,
  billersCode: string,
  type: string,
): Record<string, unknown> {
  const customer = customerFor(billersCode);
  const content: Record<string, unknown> = {
    Customer_Name: customer.name,
    Address: customer.address,
    WrongBillersCode: false,
    commission_details: { amount: null, rate: '1.00', rate_type: 'percent', computation_type: 'default' },
  };
  if (service.category === 'electricity-bill') {
    const minNaira = formatMinor(service.minAmountMinor);
    Object.assign(content, {
      Meter_Number: billersCode,
      Customer_Arrears: type === 'postpaid' ? '1500.00' : '0.00',
      Minimum_Amount: minNaira,
      Min_Purchase_Amount: minNaira,
      Can_Vend: 'yes',
      Business_Unit: 'SIMULATED BU',
      Customer_Account_Type: 'NMD',
      Meter_Type: type === 'postpaid' ? 'POSTPAID' : 'PREPAID',
    });
  } else if (service.category === 'tv-subscription') {
    Object.assign(content, {
      Customer_Number: billersCode,
      Status: 'ACTIVE',
      Current_Bouquet: service.variations[0]?.name ?? null,
    });
  }
  return content;
}

/** A pay request that passed every check, ready to vend. */
interface PayOrder {
  requestId: string;
  service: CatalogueService;
  variationCode: string | null;
  billersCode: string;
  phone: string | null;
  amountKobo: bigint;
  dupKey: string;
  base: Omit<Handled['log'], 'code'>;
}

/** The pay checks, in VTpass's order: the first that fails is the refusal answered. */
function checkPay(state: SimulatorState, body: Record<string, unknown>, now: number): PayOrder | Handled {
  const requestId = str(body.request_id);
  const serviceID = str(body.serviceID);
  let billersCode = str(body.billersCode);
  const base = { requestId, billersCode, serviceID, vended: false };
  const refuse = (code: string, description: string): Handled => ({
    reply: answer(code, description),
    log: { ...base, code },
  });

  if (requestId === null || !requestIdAcceptable(requestId, now)) {
    return refuse(
      '085',
      "INVALID REQUEST ID: must start with today's date and time (Africa/Lagos YYYYMMDDHHII)",
    );
  }
  // VTpass's idempotency: a used request_id is never vended again.
  if (state.transactions.has(requestId)) return refuse('014', 'REQUEST ID ALREADY EXIST');
  const service = serviceID === null ? undefined : findService(serviceID);
  if (!service) return refuse('012', 'PRODUCT DOES NOT EXIST');
  const variationCode = str(body.variation_code);
  const listed =
    variationCode === null ? undefined : service.variations.find((v) => v.code === variationCode);
  const variation = listed && priced(state, service.serviceId, listed);
  if (service.variations.length > 0 && variationCode === null) return refuse('011', 'INVALID ARGUMENTS');
  if (service.variations.length > 0 && !variation) return refuse('012', 'PRODUCT DOES NOT EXIST');
  const phone = str(body.phone, 32);
  // Airtime goes to `phone`; everything else to billersCode.
  if (service.category === 'airtime') billersCode = phone ?? billersCode;
  if (billersCode === null) return refuse('011', 'INVALID ARGUMENTS');
  base.billersCode = billersCode;

  let amountKobo: bigint | undefined;
  if (variation?.fixedPrice && variation.amountMinor !== null) amountKobo = variation.amountMinor;
  else amountKobo = parseMajorToMinor(body.amount);
  if (amountKobo === undefined || amountKobo <= 0n) return refuse('011', 'INVALID ARGUMENTS');
  if (amountKobo < service.minAmountMinor) return refuse('013', 'BELOW MINIMUM AMOUNT ALLOWED');
  if (amountKobo > service.maxAmountMinor) return refuse('017', 'ABOVE MAXIMUM AMOUNT ALLOWED');

  const dupKey = `${service.serviceId}|${billersCode}`;
  const lastVend = state.recentVends.get(dupKey);
  const windowMs = state.knobs.duplicateWindowMs;
  if (windowMs > 0 && lastVend !== undefined && now - lastVend < windowMs) {
    return refuse('019', 'LIKELY DUPLICATE TRANSACTION');
  }
  return { requestId, service, variationCode, billersCode, phone, amountKobo, dupKey, base };
}

function handlePay(state: SimulatorState, body: Record<string, unknown>): Handled {
  const now = Date.now();
  const checked = checkPay(state, body, now);
  if ('reply' in checked) return checked;
  const { requestId, service, variationCode, billersCode, phone, amountKobo, dupKey, base } = checked;
  const commission = commissionRule(state.knobs, service.category, amountKobo);
  if (state.knobs.floatEnforced && floatOf(state, now) < amountKobo - commission.kobo) {
    return { reply: answer('018', 'LOW WALLET BALANCE'), log: { ...base, code: '018' } };
  }

  const script = payScript(state.knobs.profile, service.category, billersCode);
  if (script === 'no_response') return { reply: { kind: 'destroy' }, log: { ...base, code: 'no_response' } };

  const prepaidByVariation = service.category === 'electricity-bill' && variationCode === 'prepaid';
  const tx: SimTx = {
    requestId,
    service,
    variationCode,
    billersCode,
    phone,
    email: str(body.email, 254),
    amountKobo,
    createdAtMs: now,
    transactionId: transactionIdFor(requestId),
    kind: 'delivered',
    changeAtMs: null,
    token: null,
    commissionKobo: commission.kobo,
    commissionRule: { rate: commission.rate, type: commission.type },
  };
  const { processing, lost } = applyScript(tx, script, state.knobs, state.random, now);
  if (tx.kind !== 'failed' && tx.token === null && prepaidByVariation && script !== 'postpaid') {
    tx.token = tokenFor(requestId);
  }
  remember(state, tx);
  const vended = tx.kind !== 'failed';
  if (vended) noteVend(state, dupKey, now);
  if (vended) payTowardsBill(state, tx);
  if (tx.kind === 'pending' || tx.kind === 'reversing')
    scheduleChange(state, tx, Math.max(0, (tx.changeAtMs ?? now) - now));

  const rendered = render(tx, now);
  if (processing) {
    rendered.code = '099';
    rendered.response_description = 'TRANSACTION IS PROCESSING';
  }
  const code = String(rendered.code);
  const log = { ...base, vended };
  if (lost) return { reply: { kind: 'destroy' }, log: { ...log, code: 'no_response' } };
  if (script === 'timeout')
    return {
      reply: { kind: 'late', delayMs: state.knobs.timeoutMs, body: rendered },
      log: { ...log, code: 'late' },
    };
  if (script === 'bad_json') return { reply: { kind: 'html' }, log: { ...log, code: 'not_json' } };
  return { reply: { kind: 'json', status: 200, body: rendered }, log: { ...log, code } };
}

/** Records a vend for the 019 duplicate check, keeping the map bounded. */
function noteVend(state: SimulatorState, dupKey: string, now: number): void {
  state.recentVends.delete(dupKey); // re-insert at the end: the map is pruned oldest-first
  state.recentVends.set(dupKey, now);
  if (state.recentVends.size > state.maxTransactions) {
    const oldest = state.recentVends.keys().next().value;
    if (oldest !== undefined) state.recentVends.delete(oldest);
  }
}

function handleRequery(state: SimulatorState, body: Record<string, unknown>): Handled {
  const requestId = str(body.request_id);
  const tx = requestId === null ? undefined : state.transactions.get(requestId);
  if (!tx) {
    return {
      reply: answer('015', 'INVALID REQUEST ID'),
      log: { requestId, billersCode: null, serviceID: null, code: '015', vended: false },
    };
  }
  const rendered = render(tx, Date.now());
  return {
    reply: { kind: 'json', status: 200, body: rendered },
    log: {
      requestId,
      billersCode: tx.billersCode,
      serviceID: tx.service.serviceId,
      code: String(rendered.code),
      vended: false,
    },
  };
}

function handleVariations(state: SimulatorState, serviceID: string | null): Handled {
  const log = { requestId: null, billersCode: null, serviceID, vended: false };
  const service = serviceID === null ? undefined : findService(serviceID);
  if (!service) {
    return {
      reply: {
        kind: 'json',
        status: 200,
        body: { response_description: '012', content: { errors: 'Invalid service' } },
      },
      log: { ...log, code: '012' },
    };
  }
  const variations = service.variations
    .map((listed) => priced(state, service.serviceId, listed))
    .map((v) => ({
      variation_code: v.code,
      name: v.name,
      variation_amount: v.amountMinor === null ? '0.00' : formatMinor(v.amountMinor),
      fixedPrice: v.fixedPrice ? 'Yes' : 'No',
    }));
  // VTpass's documented answer spells the list "varations"; the default profile uses the correct spelling.
  const listKey = state.knobs.profile === 'vtpass-sandbox' ? 'varations' : 'variations';
  const body = {
    response_description: '000',
    content: {
      ServiceName: service.name,
      serviceID: service.serviceId,
      convinience_fee: '0 %',
      [listKey]: variations,
    },
  };
  return { reply: { kind: 'json', status: 200, body }, log: { ...log, code: '000' } };
}

// ---------------------------------------------------------------- HTTP plumbing

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

function deliver(
  state: SimulatorState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  reply: Reply,
): void {
  switch (reply.kind) {
    case 'json':
      sendJson(res, reply.status, reply.body);
      return;
    case 'destroy':
      req.socket.destroy();
      return;
    case 'html': {
      if (res.destroyed || res.writableEnded) return;
      const page =
        '<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Something went wrong</h1></body></html>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
      return;
    }
    case 'late': {
      const timer = later(state, reply.delayMs, () => sendJson(res, 200, reply.body));
      res.on('close', () => cancel(state, timer));
      return;
    }
  }
}

async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function credentialsOk(state: SimulatorState, req: http.IncomingMessage, method: 'GET' | 'POST'): boolean {
  const h = req.headers;
  if (h['api-key'] !== state.credentials.apiKey) return false;
  return method === 'GET'
    ? h['public-key'] === state.credentials.publicKey
    : h['secret-key'] === state.credentials.secretKey;
}

async function handle(
  state: SimulatorState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const method = req.method === 'POST' ? 'POST' : req.method === 'GET' ? 'GET' : undefined;
  const raw = method === 'POST' ? await readBody(req) : '';
  if (raw === undefined) {
    sendJson(res, 413, { error: `body over ${MAX_BODY_BYTES} bytes` });
    return;
  }
  const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
  if (serveControl(state, route, url, raw, res)) return;

  const endpoints = [
    'POST /api/merchant-verify',
    'POST /api/pay',
    'POST /api/requery',
    'GET /api/service-variations',
    'GET /api/balance',
  ];
  if (!endpoints.includes(route) || method === undefined) {
    sendJson(res, 404, { code: '404', response_description: `no route ${req.method} ${url.pathname}` });
    return;
  }
  await serveApi(state, req, res, url, method, raw);
}

/** Control endpoints for tests and operators (no credentials). True when the route was one of them. */
function serveControl(
  state: SimulatorState,
  route: string,
  url: URL,
  raw: string,
  res: http.ServerResponse,
): boolean {
  if (route === 'GET /_sim/calls') {
    serveCalls(state, url, res);
    return true;
  }
  if (route === 'GET /_sim/knobs') {
    sendJson(res, 200, state.knobs);
    return true;
  }
  if (route === 'POST /_sim/knobs') {
    serveKnobsUpdate(state, raw, res);
    return true;
  }
  if (route === 'GET /_sim/report') {
    serveReport(state, url, res);
    return true;
  }
  if (route === 'GET /_sim/float' || route === 'POST /_sim/float') {
    serveFloat(state, route, raw, res);
    return true;
  }
  return false;
}

function serveCalls(state: SimulatorState, url: URL, res: http.ServerResponse): void {
  const requestId = url.searchParams.get('request_id');
  const limitParam = Number(url.searchParams.get('limit') ?? DEFAULT_CALLS_LIMIT);
  const limit =
    Number.isInteger(limitParam) && limitParam > 0
      ? Math.min(limitParam, state.maxCalls)
      : DEFAULT_CALLS_LIMIT;
  const all =
    requestId === null ? orderedCalls(state) : orderedCalls(state).filter((c) => c.requestId === requestId);
  sendJson(res, 200, { count: all.length, calls: all.slice(-limit) });
}

/** A day's transactions as a provider's report lists them (reconciliation), with discrepancies on request. */
function serveReport(state: SimulatorState, url: URL, res: http.ServerResponse): void {
  const query = readReportQuery(url);
  if ('error' in query) {
    sendJson(res, 400, query);
    return;
  }
  const now = Date.now();
  const txs = [...state.transactions.values()].map((tx) => ({
    requestId: tx.requestId,
    amountKobo: tx.amountKobo,
    status: statusOf(tx, now),
    createdAtMs: tx.createdAtMs,
  }));
  sendJson(res, 200, buildReport(txs, query.date, query.discrepancies));
}

/** GET: the float; POST {"amountMinor": n}: a top-up reaches it (what a bank transfer to the provider does). */
function serveFloat(state: SimulatorState, route: string, raw: string, res: http.ServerResponse): void {
  if (route === 'POST /_sim/float') {
    let amount: unknown;
    try {
      amount = (JSON.parse(raw) as { amountMinor?: unknown } | null)?.amountMinor;
    } catch {
      amount = undefined;
    }
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
      sendJson(res, 400, { error: 'amountMinor must be a positive integer (kobo)' });
      return;
    }
    state.toppedUpKobo += BigInt(amount);
  }
  const balance = floatOf(state, Date.now());
  sendJson(res, 200, {
    balanceMinor: Number(balance),
    reportedMinor: Number(balance + BigInt(state.knobs.balanceDriftMinor)),
    toppedUpMinor: Number(state.toppedUpKobo),
  });
}

function serveKnobsUpdate(state: SimulatorState, raw: string, res: http.ServerResponse): void {
  let update: unknown;
  try {
    update = JSON.parse(raw);
  } catch {
    sendJson(res, 400, { error: 'body must be JSON' });
    return;
  }
  const next = mergeKnobs(state.knobs, update);
  if ('error' in next) sendJson(res, 400, next);
  else {
    state.knobs = next;
    sendJson(res, 200, state.knobs);
  }
}

/** One of the four VTpass endpoints: latency, credentials, the handler, the call log, the reply. */
async function serveApi(
  state: SimulatorState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  method: 'GET' | 'POST',
  raw: string,
): Promise<void> {
  const endpoint = url.pathname.replace(/\/+$/, '');
  await sleep(state, state.knobs.latencyMs);
  if (state.closed) {
    req.socket.destroy();
    return;
  }

  let body: Record<string, unknown> = {};
  if (method === 'POST') {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isObject(parsed)) body = parsed;
    } catch {
      body = {};
    }
  }
  let handled: Handled;
  if (!credentialsOk(state, req, method)) {
    handled = {
      reply: answer('087', 'INVALID CREDENTIALS'),
      log: {
        requestId: str(body.request_id),
        billersCode: str(body.billersCode),
        serviceID: str(body.serviceID),
        code: '087',
        vended: false,
      },
    };
  } else if (endpoint === '/api/merchant-verify') handled = handleVerify(state, body);
  else if (endpoint === '/api/pay') handled = handlePay(state, body);
  else if (endpoint === '/api/requery') handled = handleRequery(state, body);
  else if (endpoint === '/api/balance') handled = handleBalance(state);
  else handled = handleVariations(state, url.searchParams.get('serviceID'));
  logCall(state, endpoint, handled.log);
  deliver(state, req, res, handled.reply);
}

// ---------------------------------------------------------------- server lifecycle

async function listen(state: SimulatorState, port: number, host: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error).slice(0, 200) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

async function closeSimulator(state: SimulatorState, server: http.Server): Promise<void> {
  if (state.closed) return;
  state.closed = true;
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
  for (const wake of [...state.sleepers]) wake();
  for (const controller of state.webhookAborts) controller.abort();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startProviderSim(opts: SimOptions = {}): Promise<ProviderSim> {
  const name = opts.name ?? 'vtpass-sim';
  const host = opts.host ?? '127.0.0.1';
  const state = createSimulatorState(opts);
  const server = await listen(state, opts.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    name,
    close: () => closeSimulator(state, server),
    calls(filter) {
      const all = orderedCalls(state);
      return filter?.requestId === undefined ? all : all.filter((c) => c.requestId === filter.requestId);
    },
    setKnobs(update) {
      const next = mergeKnobs(state.knobs, update);
      if ('error' in next) throw new RangeError(`sim: ${next.error}`);
      state.knobs = next;
      return { ...state.knobs };
    },
    knobs() {
      return { ...state.knobs };
    },
    topUp(amountMinor) {
      if (amountMinor <= 0n) throw new RangeError('sim: a top-up must be positive');
      state.toppedUpKobo += amountMinor;
    },
    balance: () => floatOf(state, Date.now()) + BigInt(state.knobs.balanceDriftMinor),
    setPrice(serviceId, code, amountMinor) {
      if (!findService(serviceId)?.variations.some((v) => v.code === code))
        throw new RangeError(`sim: no variation ${serviceId}/${code}`);
      if (amountMinor === null) state.prices.delete(`${serviceId}|${code}`);
      else if (amountMinor <= 0n) throw new RangeError('sim: a price must be positive');
      else state.prices.set(`${serviceId}|${code}`, amountMinor);
    },
  };
}
