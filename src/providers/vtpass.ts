/**
 * VTpass adapter: a plain HTTP client for the documented merchant API
 * (merchant-verify, pay, requery, service-variations) and the mapping of its
 * codes to our Outcome. Everything VTpass or the network can do wrong ends as
 * `outcome: 'unknown'` (VTpass's own rule: no answer, a timeout or an
 * undocumented answer is PENDING and must be requeried, never refunded).
 */
import { randomInt } from 'node:crypto';
import { type Dispatcher, request } from 'undici';
import { ConfigError, type Env, read } from '../config.js';
import { formatMinor, maxBigint, parseMajorToMinor } from './amount.js';
import { findService } from './catalogue.js';
import { lagosStamp } from './lagos-time.js';
import {
  type BalanceResult,
  type Outcome,
  type OutstandingBill,
  type ProviderAdapter,
  ProviderError,
  type ValidateResult,
  type Variation,
  type VendRequest,
  type VendResult,
  type WebhookHint,
} from './types.js';

// ---------------------------------------------------------------- limits

/** Responses larger than this are not VTpass answers; we stop reading (-> unknown). */
const MAX_RESPONSE_BYTES = 1024 * 1024;
/** Provider text we keep (messages, receipt values) is truncated to this. */
const MAX_TEXT_CHARS = 512;
const MAX_MESSAGE_CHARS = 200;
const MAX_RECEIPT_FIELDS = 64;
const MAX_VARIATIONS = 2000;
const MAX_FIELD_CHARS = 64;
export const DEFAULT_PROVIDER_TIMEOUT_MS = 15_000;

// ---------------------------------------------------------------- request ids

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DEFAULT_SUFFIX_LENGTH = 16;
/** A VTpass request_id: 12 digits of Lagos date-time, then letters/digits. Ours are 24-32 long. */
export const VTPASS_REFERENCE = /^\d{12}[A-Za-z0-9]{0,52}$/;

/**
 * A fresh VTpass request_id: YYYYMMDDHHII in Africa/Lagos, then a random
 * alphanumeric suffix (16 characters unless given; total length 24-32).
 * VTpass refuses (085) a request_id whose date is not today, so an id must be
 * minted when the payment is first sent and only requeried afterwards.
 */
export function vtpassRequestId(now: Date, suffix?: string): string {
  let tail = suffix;
  if (tail === undefined) {
    tail = '';
    for (let i = 0; i < DEFAULT_SUFFIX_LENGTH; i++) tail += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  }
  if (!/^[A-Za-z0-9]{12,20}$/.test(tail)) {
    throw new RangeError('vtpassRequestId: suffix must be 12-20 letters or digits');
  }
  return lagosStamp(now) + tail;
}

// ---------------------------------------------------------------- small readers

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function obj(value: unknown): Json {
  return isObject(value) ? value : {};
}

function text(value: unknown, max = MAX_TEXT_CHARS): string | undefined {
  if (typeof value === 'string') {
    const t = value.trim();
    return t.length === 0 ? undefined : t.slice(0, max);
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** VTpass codes are strings like "000"; tolerate numbers (0 -> "000"). */
export function normalizeCode(raw: unknown): string | undefined {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 999) {
    return String(raw).padStart(3, '0');
  }
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (t.length > 0 && t.length <= 16) return t;
  }
  return undefined;
}

/** For `unexpected_code:XYZ`: keep it short and printable. */
function codeLabel(code: string | undefined): string {
  return code === undefined ? 'missing' : code.replace(/[^A-Za-z0-9_-]/g, '?').slice(0, 16);
}

// ---------------------------------------------------------------- code mapping

/** Refused before vending: nothing was charged (011 invalid arguments ... 087 bad credentials). */
export const VTPASS_REFUSAL_CODES: ReadonlySet<string> = new Set([
  '011', // invalid arguments
  '012', // product does not exist
  '013', // below minimum amount
  '017', // above maximum amount
  '018', // merchant float too low
  '027', // IP not whitelisted
  '030', // biller unreachable: documented as not processed
  '034', // service suspended
  '035', // service inactive
  '083', // system error: documented as not processed
  '087', // invalid credentials
]);

type Mapped = Omit<VendResult, 'latencyMs'>;

function mapTransactionStatus(status: string | undefined): Pick<Mapped, 'outcome' | 'reversed'> | undefined {
  switch (status?.toLowerCase()) {
    case 'delivered':
      return { outcome: 'success' };
    case 'pending':
    case 'initiated':
      return { outcome: 'pending' };
    case 'failed':
      return { outcome: 'failed' };
    case 'reversed':
      return { outcome: 'failed', reversed: true };
    default:
      return undefined;
  }
}

/**
 * A pay or requery answer -> our outcome. Pure, for unit tests.
 *
 * The same code does not always mean the same thing for both operations: a
 * refusal (e.g. 087) on /api/pay means nothing was vended, while on
 * /api/requery it only says the requery was refused and nothing about the
 * payment, so it stays unknown.
 */
export function mapVendResponse(op: 'vend' | 'requery', body: unknown, reference: string): Mapped {
  if (!isObject(body))
    return { outcome: 'unknown', code: 'bad_json', message: 'response is not a JSON object' };
  const code = normalizeCode(body.code);
  const message = text(body.response_description, MAX_MESSAGE_CHARS);
  const answeredFor = text(body.requestId, MAX_FIELD_CHARS);
  if (answeredFor !== undefined && answeredFor !== reference) {
    // An answer about another payment must not settle this one.
    return { outcome: 'unknown', code: 'request_id_mismatch', message: `answer is for ${answeredFor}` };
  }
  const base = { code, ...(message === undefined ? {} : { message }) };

  switch (code) {
    case '000': {
      const tx = obj(obj(body.content).transactions);
      const status = text(tx.status, MAX_FIELD_CHARS);
      const state = mapTransactionStatus(status);
      if (!state) return { ...base, outcome: 'unknown', code: `unexpected_status:${codeLabel(status)}` };
      return { ...base, ...state, ...details(body) };
    }
    case '099': // processing
    case '089': // still processing this request id: wait
      return { ...base, outcome: 'pending', ...details(body) };
    case '016':
      return { ...base, outcome: 'failed', ...details(body) };
    case '040':
      return { ...base, outcome: 'failed', reversed: true, ...details(body) };
    case '091': // not processed, not charged
      return { ...base, outcome: 'failed' };
    case '014': // request id already used: it exists, go and requery
    case '019': // likely duplicate of a payment within 30 s: that one must be requeried
    case '085': // request id date not today (e.g. a retry after midnight): only requery can tell
      return { ...base, outcome: 'unknown' };
    case '015':
      // Requery: VTpass does not know the reference (yet: it can lag after a lost request).
      return op === 'requery'
        ? { ...base, outcome: 'unknown', notFound: true }
        : { ...base, outcome: 'unknown' };
    default:
      if (code !== undefined && VTPASS_REFUSAL_CODES.has(code)) {
        return op === 'vend' ? { ...base, outcome: 'failed' } : { ...base, outcome: 'unknown' };
      }
      return { ...base, outcome: 'unknown', code: `unexpected_code:${codeLabel(code)}` };
  }
}

/** Token, units, receipt, transaction id and commission, from wherever the answer carries them. */
function details(body: Json): Omit<Mapped, 'outcome' | 'code' | 'message'> {
  const tx = obj(obj(body.content).transactions);
  const out: Omit<Mapped, 'outcome' | 'code' | 'message'> = {};
  const token = extractToken(body.token) ?? extractToken(body.mainToken) ?? extractToken(body.purchased_code);
  if (token !== undefined) out.token = token;
  const units = text(body.units, MAX_FIELD_CHARS) ?? text(body.mainTokenUnits, MAX_FIELD_CHARS);
  if (units !== undefined) out.units = units;
  const transactionId = text(tx.transactionId, MAX_FIELD_CHARS);
  if (transactionId !== undefined) out.providerTransactionId = transactionId;
  // VTpass puts the commission earned in content.transactions.commission; some
  // answers carry only commission_details.amount.
  const commission =
    parseMajorToMinor(tx.commission) ??
    parseMajorToMinor(obj(tx.commission_details).amount) ??
    parseMajorToMinor(obj(body.commission_details).amount);
  if (commission !== undefined) out.commissionMinor = commission;
  const receipt = buildReceipt(body, tx);
  if (Object.keys(receipt).length > 0) out.receipt = receipt;
  return out;
}

/** "Token : 1234-5678-..." (or a bare token) -> "1234-5678-...". */
export function extractToken(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /(\d[\d -]{8,}\d)/.exec(value.slice(0, MAX_TEXT_CHARS));
  return m?.[1]?.replace(/\s+/g, ' ').trim();
}

const NOT_RECEIPT = new Set(['code', 'content', 'response_description']);

/** Every scalar field of the answer and of content.transactions, bounded in count and length. */
function buildReceipt(body: Json, tx: Json): Record<string, string | number | null> {
  const receipt: Record<string, string | number | null> = {};
  let fields = 0;
  for (const source of [body, tx]) {
    for (const [key, value] of Object.entries(source)) {
      if (fields >= MAX_RECEIPT_FIELDS) return receipt;
      if (NOT_RECEIPT.has(key) || key in receipt || key.length > MAX_FIELD_CHARS) continue;
      if (value === null) receipt[key] = null;
      else if (typeof value === 'number' && Number.isFinite(value)) receipt[key] = value;
      else if (typeof value === 'string') receipt[key] = value.slice(0, MAX_TEXT_CHARS);
      else if (typeof value === 'boolean') receipt[key] = String(value);
      else continue;
      fields++;
    }
  }
  return receipt;
}

function yesNo(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const t = text(value, MAX_FIELD_CHARS)?.toLowerCase();
  if (t === 'yes' || t === 'true' || t === '1') return true;
  if (t === 'no' || t === 'false' || t === '0') return false;
  return undefined;
}

/**
 * The customer does not exist: a definite answer about the customer, never a
 * fault of the provider. Reported as 011 (invalid arguments: the customer
 * reference), whatever the envelope code was, so no rule mistakes the
 * envelope's "success" code for a provider refusal.
 */
function customerNotFound(message: string | undefined): Omit<ValidateResult, 'latencyMs'> {
  return {
    ok: false,
    outcome: 'failed',
    code: '011',
    customerNotFound: true,
    ...(message === undefined ? {} : { message }),
  };
}

/** A merchant-verify answer -> ValidateResult (without latency). Pure, for unit tests. */
export function mapValidateResponse(body: unknown): Omit<ValidateResult, 'latencyMs'> {
  if (!isObject(body)) return { ok: false, outcome: 'unknown', code: 'bad_json' };
  const code = normalizeCode(body.code);
  const content = obj(body.content);
  const message =
    text(content.error, MAX_MESSAGE_CHARS) ?? text(body.response_description, MAX_MESSAGE_CHARS);
  const base = { code, ...(message === undefined ? {} : { message }) };
  if (yesNo(content.WrongBillersCode) === true) return customerNotFound(message);
  if (code === '000' || code === '020') {
    // VTpass answers an unknown meter with its success code and the refusal in the content.
    if (content.error !== undefined) return customerNotFound(message);
    const customerName = text(content.Customer_Name, MAX_TEXT_CHARS);
    if (customerName === undefined) {
      return { ...base, ok: false, outcome: 'unknown', code: 'unexpected_response' };
    }
    const result: Omit<ValidateResult, 'latencyMs'> = { ...base, ok: true, outcome: 'success', customerName };
    const address = text(content.Address, MAX_TEXT_CHARS);
    if (address !== undefined) result.address = address;
    const meterType =
      text(content.Meter_Type, MAX_FIELD_CHARS) ?? text(content.Customer_Account_Type, MAX_FIELD_CHARS);
    if (meterType !== undefined) result.meterType = meterType;
    // Two minimums are documented; the stricter one is the one a vend must meet.
    const minimums = [
      parseMajorToMinor(content.Minimum_Amount),
      parseMajorToMinor(content.Min_Purchase_Amount),
    ].filter((v): v is bigint => v !== undefined);
    if (minimums.length > 0) result.minimumAmountMinor = maxBigint(...(minimums as [bigint, ...bigint[]]));
    const arrears = parseMajorToMinor(content.Customer_Arrears);
    if (arrears !== undefined) result.arrearsMinor = arrears;
    const canVend = yesNo(content.Can_Vend);
    if (canVend !== undefined) result.canVend = canVend;
    const bill = outstandingBill(content);
    if (bill) result.bill = bill;
    return result;
  }
  if (code !== undefined && VTPASS_REFUSAL_CODES.has(code)) return { ...base, ok: false, outcome: 'failed' };
  return { ...base, ok: false, outcome: 'unknown', code: `unexpected_code:${codeLabel(code)}` };
}

/**
 * The outstanding bill in a merchant-verify answer. VTpass has no bill endpoint: postpaid
 * accounts answer their debt as Customer_Arrears (some billers as Outstanding_Balance or
 * Amount_Due, preferred when present), and may add Due_Date, Bill_Period and Bill_Reference.
 * Nothing owed (zero or absent): no bill.
 */
function outstandingBill(content: Record<string, unknown>): OutstandingBill | undefined {
  const amount =
    parseMajorToMinor(content.Outstanding_Balance) ??
    parseMajorToMinor(content.Amount_Due) ??
    parseMajorToMinor(content.Customer_Arrears);
  if (amount === undefined || amount <= 0n) return undefined;
  const bill: OutstandingBill = { amountDueMinor: amount };
  const due = text(content.Due_Date, MAX_FIELD_CHARS);
  if (due !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(due)) bill.dueDate = due;
  const period = text(content.Bill_Period, MAX_FIELD_CHARS);
  if (period !== undefined) bill.period = period;
  const reference = text(content.Bill_Reference, MAX_FIELD_CHARS);
  if (reference !== undefined) bill.reference = reference;
  return bill;
}

/** A service-variations answer -> variations, or a reason it is not one. Pure, for unit tests. */
export function mapVariationsResponse(body: unknown): Variation[] | { error: string } {
  if (!isObject(body)) return { error: 'bad_json' };
  const code = normalizeCode(body.response_description) ?? normalizeCode(body.code);
  if (code !== '000') return { error: `unexpected_code:${codeLabel(code)}` };
  const content = obj(body.content);
  // VTpass spells it "varations" in some answers.
  const list = content.variations ?? content.varations;
  if (!Array.isArray(list)) return { error: 'unexpected_response' };
  const out: Variation[] = [];
  for (const item of list.slice(0, MAX_VARIATIONS)) {
    const v = obj(item);
    const code = text(v.variation_code, MAX_FIELD_CHARS);
    if (code === undefined) continue;
    const amount = parseMajorToMinor(v.variation_amount);
    out.push({
      code,
      name: text(v.name, MAX_TEXT_CHARS) ?? code,
      amountMinor: amount !== undefined && amount > 0n ? amount : null,
      fixedPrice: yesNo(v.fixedPrice) ?? false,
    });
  }
  return out;
}

/**
 * A VTpass webhook `{type: 'transaction-update', data: {requestId, ...}}` ->
 * the reference to requery. Anything else (variation-update, junk) -> null.
 * Unsigned, so it is a hint only: the caller must confirm by requery.
 */
export function parseVtpassWebhook(body: unknown): WebhookHint | null {
  if (!isObject(body) || body.type !== 'transaction-update') return null;
  const data = obj(body.data);
  const reference = text(data.requestId, MAX_FIELD_CHARS) ?? text(data.request_id, MAX_FIELD_CHARS);
  if (reference === undefined || !VTPASS_REFERENCE.test(reference)) return null;
  return { reference, type: body.type };
}

// ---------------------------------------------------------------- HTTP

export interface VtpassAdapterOptions {
  name: string;
  /** e.g. https://sandbox.vtpass.com or https://vtpass.com */
  baseUrl: string;
  apiKey: string;
  secretKey: string;
  publicKey: string;
  /** Whole request (connect, headers, body) must finish within this. */
  timeoutMs: number;
  /** Optional undici dispatcher (connection pool); the global one otherwise. */
  dispatcher?: Dispatcher;
}

type HttpAnswer =
  | { ok: true; status: number; body: Json }
  | {
      ok: false;
      code: 'timeout' | 'network_error' | 'http_5xx' | 'http_4xx' | 'bad_json' | 'body_too_large';
      message: string;
    };

const UNDICI_TIMEOUTS = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One HTTP exchange with a hard deadline. Never throws. */
async function exchange(
  opts: VtpassAdapterOptions,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  payload?: string,
): Promise<HttpAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    const res = await request(opts.baseUrl + path, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
      signal: controller.signal,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
    const raw = await readCapped(res.body);
    if (raw === undefined)
      return { ok: false, code: 'body_too_large', message: `over ${MAX_RESPONSE_BYTES} bytes` };
    const snippet = raw.slice(0, MAX_MESSAGE_CHARS);
    if (res.statusCode >= 500)
      return { ok: false, code: 'http_5xx', message: `HTTP ${res.statusCode}: ${snippet}` };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { ok: false, code: 'bad_json', message: `HTTP ${res.statusCode}: ${snippet}` };
    }
    if (!isObject(parsed))
      return { ok: false, code: 'bad_json', message: `HTTP ${res.statusCode}: ${snippet}` };
    // A 4xx carrying a VTpass code is mapped by its code; a bare 4xx tells us nothing.
    if (res.statusCode >= 400 && normalizeCode(parsed.code) === undefined) {
      return { ok: false, code: 'http_4xx', message: `HTTP ${res.statusCode}: ${snippet}` };
    }
    return { ok: true, status: res.statusCode, body: parsed };
  } catch (error) {
    // Our deadline, or one of undici's own timers if it fired first: both are a timeout.
    const undiciCode = (error as { code?: unknown } | null)?.code;
    if (controller.signal.aborted || (typeof undiciCode === 'string' && UNDICI_TIMEOUTS.has(undiciCode))) {
      return { ok: false, code: 'timeout', message: `no answer within ${opts.timeoutMs} ms` };
    }
    return {
      ok: false,
      code: 'network_error',
      message: String((error as Error)?.message ?? error).slice(0, MAX_MESSAGE_CHARS),
    };
  } finally {
    clearTimeout(timer);
  }
}

function elapsedMs(startedAt: number): number {
  return Math.max(0, Math.round(performance.now() - startedAt));
}

// ---------------------------------------------------------------- invariants

function assertReference(reference: string): void {
  if (typeof reference !== 'string' || !VTPASS_REFERENCE.test(reference)) {
    throw new RangeError(
      `vtpass: reference must be 12 digits of Lagos date-time then letters/digits, got "${String(reference).slice(0, 80)}"`,
    );
  }
}

function assertField(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > MAX_FIELD_CHARS) {
    throw new RangeError(
      `vtpass: ${name} must be a non-empty string of at most ${MAX_FIELD_CHARS} characters`,
    );
  }
}

function assertVendRequest(req: VendRequest): void {
  assertReference(req.reference);
  assertField('serviceId', req.serviceId);
  assertField('customerRef', req.customerRef);
  if (typeof req.amountMinor !== 'bigint' || req.amountMinor <= 0n) {
    throw new RangeError('vtpass: amountMinor must be a positive bigint (kobo)');
  }
}

/** A Nigerian number as VTpass's examples write it (+2348012345678 -> 08012345678); others as given. */
const localPhone = (phone: string | undefined) => phone?.replace(/^\+234(?=\d{10}$)/, '0');

/**
 * The /api/pay body. `amount` is written as a JSON number literal built from
 * the kobo integer ("1500.5"), so the value never passes through a float.
 */
export function payBody(req: VendRequest): string {
  const isAirtime = findService(req.serviceId)?.category === 'airtime';
  const fields: Record<string, string> = {
    request_id: req.reference,
    serviceID: req.serviceId,
    billersCode: req.customerRef,
    // VTpass tops up `phone` for airtime: it must be the customer reference, never a contact number.
    phone: isAirtime ? req.customerRef : (localPhone(req.phone) ?? req.customerRef),
  };
  if (req.variationCode !== '') fields.variation_code = req.variationCode;
  if (req.email !== undefined) fields.email = req.email;
  return `{"amount":${formatMinor(req.amountMinor)},${JSON.stringify(fields).slice(1)}`;
}

// ---------------------------------------------------------------- the adapter

/** Checks the options (a bad one throws at creation) and builds the two header sets VTpass expects. */
function adapterSettings(opts: VtpassAdapterOptions) {
  assertField('name', opts.name);
  if (!/^https?:\/\//.test(opts.baseUrl)) throw new RangeError('vtpass: baseUrl must be http(s)');
  if (!Number.isInteger(opts.timeoutMs) || opts.timeoutMs < 1 || opts.timeoutMs > 600_000) {
    throw new RangeError('vtpass: timeoutMs must be an integer between 1 and 600000');
  }
  const cfg: VtpassAdapterOptions = { ...opts, baseUrl: opts.baseUrl.replace(/\/+$/, '') };
  const postHeaders = {
    'api-key': opts.apiKey,
    'secret-key': opts.secretKey,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  const getHeaders = { 'api-key': opts.apiKey, 'public-key': opts.publicKey, accept: 'application/json' };
  return { cfg, postHeaders, getHeaders };
}

export function createVtpassAdapter(opts: VtpassAdapterOptions): ProviderAdapter {
  const { cfg, postHeaders, getHeaders } = adapterSettings(opts);

  /** POST, then map; any surprise (even a bug in mapping) is unknown, never a throw. */
  async function postForVend(
    op: 'vend' | 'requery',
    path: string,
    payload: string,
    reference: string,
  ): Promise<VendResult> {
    const startedAt = performance.now();
    try {
      const answer = await exchange(cfg, 'POST', path, postHeaders, payload);
      if (!answer.ok)
        return {
          outcome: 'unknown',
          code: answer.code,
          message: answer.message,
          latencyMs: elapsedMs(startedAt),
        };
      return { ...mapVendResponse(op, answer.body, reference), latencyMs: elapsedMs(startedAt) };
    } catch (error) {
      return {
        outcome: 'unknown',
        code: 'adapter_error',
        message: String(error).slice(0, MAX_MESSAGE_CHARS),
        latencyMs: elapsedMs(startedAt),
      };
    }
  }

  return {
    name: opts.name,

    async listVariations(serviceId) {
      assertField('serviceId', serviceId);
      const answer = await exchange(
        cfg,
        'GET',
        `/api/service-variations?serviceID=${encodeURIComponent(serviceId)}`,
        getHeaders,
      );
      if (!answer.ok) throw new ProviderError(opts.name, answer.code, answer.message);
      const mapped = mapVariationsResponse(answer.body);
      if (!Array.isArray(mapped))
        throw new ProviderError(opts.name, mapped.error, `service-variations for ${serviceId}`);
      return mapped;
    },

    async validateCustomer(input) {
      assertField('serviceId', input.serviceId);
      assertField('customerRef', input.customerRef);
      const startedAt = performance.now();
      const payload = JSON.stringify({
        billersCode: input.customerRef,
        serviceID: input.serviceId,
        type: input.variationCode,
      });
      try {
        const answer = await exchange(cfg, 'POST', '/api/merchant-verify', postHeaders, payload);
        if (!answer.ok) {
          return {
            ok: false,
            outcome: 'unknown' as Outcome,
            code: answer.code,
            message: answer.message,
            latencyMs: elapsedMs(startedAt),
          };
        }
        return { ...mapValidateResponse(answer.body), latencyMs: elapsedMs(startedAt) };
      } catch (error) {
        return {
          ok: false,
          outcome: 'unknown',
          code: 'adapter_error',
          message: String(error).slice(0, MAX_MESSAGE_CHARS),
          latencyMs: elapsedMs(startedAt),
        };
      }
    },

    async vend(req) {
      assertVendRequest(req);
      return postForVend('vend', '/api/pay', payBody(req), req.reference);
    },

    async requery(reference) {
      assertReference(reference);
      return postForVend('requery', '/api/requery', JSON.stringify({ request_id: reference }), reference);
    },

    parseWebhook: parseVtpassWebhook,
    balance: () => fetchBalance(cfg, getHeaders),
  };
}

/**
 * VTpass's balance answer, `{"code":1,"contents":{"balance":1234.5}}` (naira),
 * to minor units. Pure, for unit tests.
 */
export function mapBalanceResponse(body: unknown): Omit<BalanceResult, 'latencyMs'> {
  if (!isObject(body)) return { ok: false, code: 'bad_json', message: 'response is not a JSON object' };
  const code = body.code;
  if (code !== 1 && code !== '1') {
    const label = codeLabel(normalizeCode(code) ?? (code === undefined ? undefined : String(code)));
    return {
      ok: false,
      code: `unexpected_code:${label}`,
      message: text(body.response_description, MAX_MESSAGE_CHARS),
    };
  }
  const balance = parseMajorToMinor(obj(body.contents).balance);
  if (balance === undefined)
    return { ok: false, code: 'bad_balance', message: 'contents.balance is not an amount' };
  return { ok: true, balanceMinor: balance };
}

/** GET /api/balance with the public key; any surprise is `ok: false`, never a throw. */
async function fetchBalance(
  cfg: VtpassAdapterOptions,
  headers: Record<string, string>,
): Promise<BalanceResult> {
  const startedAt = performance.now();
  const answer = await exchange(cfg, 'GET', '/api/balance', headers);
  if (!answer.ok)
    return { ok: false, code: answer.code, message: answer.message, latencyMs: elapsedMs(startedAt) };
  return { ...mapBalanceResponse(answer.body), latencyMs: elapsedMs(startedAt) };
}

/**
 * Adapter options from the environment: VTPASS_BASE_URL (default the
 * sandbox), VTPASS_API_KEY, VTPASS_SECRET_KEY, VTPASS_PUBLIC_KEY (required),
 * PROVIDER_TIMEOUT_MS (default 15000).
 */
export function vtpassOptionsFromEnv(env: Env, name = 'vtpass'): VtpassAdapterOptions {
  const required = (variable: 'VTPASS_API_KEY' | 'VTPASS_SECRET_KEY' | 'VTPASS_PUBLIC_KEY'): string =>
    read(env, variable) ?? missingKey(variable);
  return {
    name,
    baseUrl: read(env, 'VTPASS_BASE_URL') ?? 'https://sandbox.vtpass.com',
    apiKey: required('VTPASS_API_KEY'),
    secretKey: required('VTPASS_SECRET_KEY'),
    publicKey: required('VTPASS_PUBLIC_KEY'),
    timeoutMs: read(env, 'PROVIDER_TIMEOUT_MS'),
  };
}

function missingKey(variable: string): never {
  throw new ConfigError(variable, 'is required for the VTpass adapter');
}
