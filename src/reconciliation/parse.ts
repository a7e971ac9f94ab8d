/**
 * An outside report to normalised lines. CSV (parsed by csv-parse, a header
 * row naming the columns) or JSON (an array of objects, or `{data: [...]}`).
 * The default mapping reads `reference,amount,currency,status,date` with the
 * amount in minor units; a mapping renames columns, reads amounts in major
 * units (two decimals: kobo, cents) and maps status words of its own. A line
 * we cannot read refuses the whole report (400 invalid_report with its line
 * number): a report half read would report the rest as missing.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../errors/index.js';
import { parseMajorToMinor } from '../providers/index.js';
import { type ExternalItem, type ItemStatus, STATUSES } from './types.js';

export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
export const MAX_REPORT_LINES = 100_000;
const MAX_REFERENCE_CHARS = 200;
const MAX_RAW_STATUS_CHARS = 40;

export interface ColumnMapping {
  reference?: string;
  amount?: string;
  currency?: string;
  status?: string;
  date?: string;
  /** minor (default): integers of kobo/cents; major: decimals with at most two places. */
  amountUnit?: 'minor' | 'major';
  /** When the report has no currency column. Default NGN. */
  defaultCurrency?: string;
  /** The report's own status words (lower case) to ours. */
  statusMap?: Record<string, ItemStatus>;
}

const STATUS_WORDS: Record<string, ItemStatus> = {
  success: 'success',
  successful: 'success',
  succeeded: 'success',
  delivered: 'success',
  completed: 'success',
  complete: 'success',
  paid: 'success',
  approved: 'success',
  failed: 'failed',
  failure: 'failed',
  declined: 'failed',
  rejected: 'failed',
  abandoned: 'failed',
  cancelled: 'failed',
  reversed: 'reversed',
  reversal: 'reversed',
  refunded: 'reversed',
  returned: 'reversed',
  pending: 'pending',
  processing: 'pending',
  initiated: 'pending',
  queued: 'pending',
  otp: 'pending',
};

const invalid = (message: string, line?: number) =>
  new AppError('invalid_report', line === undefined ? message : `line ${line}: ${message}`, {
    ...(line === undefined ? {} : { line }),
  });

// Control characters, bidirectional overrides and isolates: never stored from a report.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the check for them
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Checks a mapping given by an operator (every name a short plain string, statuses ours). */
export function checkMapping(raw: unknown): ColumnMapping {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('mapping must be a JSON object');
  const m = raw as Record<string, unknown>;
  const allowed = [
    'reference',
    'amount',
    'currency',
    'status',
    'date',
    'amountUnit',
    'defaultCurrency',
    'statusMap',
  ];
  const extra = Object.keys(m).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw invalid(`mapping: unknown key ${extra[0]}`);
  for (const k of ['reference', 'amount', 'currency', 'status', 'date']) {
    const v = m[k];
    if (v !== undefined && (typeof v !== 'string' || v.length < 1 || v.length > 64 || UNSAFE.test(v)))
      throw invalid(`mapping.${k} must be a column name (1-64 characters)`);
  }
  if (m.amountUnit !== undefined && m.amountUnit !== 'minor' && m.amountUnit !== 'major')
    throw invalid('mapping.amountUnit is minor or major');
  if (m.defaultCurrency !== undefined && !/^[A-Z]{3}$/.test(String(m.defaultCurrency)))
    throw invalid('mapping.defaultCurrency is an ISO 4217 code');
  const statusMap = m.statusMap;
  if (statusMap !== undefined) {
    if (typeof statusMap !== 'object' || statusMap === null || Array.isArray(statusMap))
      throw invalid('mapping.statusMap maps report words to success, failed, reversed or pending');
    const entries = Object.entries(statusMap);
    if (entries.length > 50 || entries.some(([k, v]) => k.length > 40 || !STATUSES.includes(v as ItemStatus)))
      throw invalid('mapping.statusMap maps report words to success, failed, reversed or pending');
  }
  return m as ColumnMapping;
}

/** Reads a report: JSON when it starts like JSON, else CSV. */
export function parseReport(content: Buffer, mapping: ColumnMapping = {}): ExternalItem[] {
  if (content.length > MAX_REPORT_BYTES) throw invalid(`the report is over ${MAX_REPORT_BYTES} bytes`);
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const records = /^\s*[[{]/.test(text) ? jsonRecords(text) : csvRecords(text);
  if (records.length > MAX_REPORT_LINES) throw invalid(`the report has over ${MAX_REPORT_LINES} lines`);
  const columns = columnsOf(mapping);
  return records.map((r, index) => lineOf(r, index + 1, columns, mapping));
}

function jsonRecords(text: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('the report is not valid JSON');
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { data?: unknown })?.data;
  if (!Array.isArray(list)) throw invalid('a JSON report is an array of lines, or {"data": [...]}');
  if (list.length > MAX_REPORT_LINES) throw invalid(`the report has over ${MAX_REPORT_LINES} lines`);
  return list.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw invalid('not an object', i + 1);
    return item as Record<string, unknown>;
  });
}

function csvRecords(text: string): Record<string, unknown>[] {
  try {
    return parseCsv(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      to: MAX_REPORT_LINES + 1,
      max_record_size: 64 * 1024,
    }) as Record<string, unknown>[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw invalid(`the report is not valid CSV (${(error as Error).message.slice(0, 200)})`, line);
  }
}

type Columns = Record<'reference' | 'amount' | 'currency' | 'status' | 'date', string>;

const columnsOf = (m: ColumnMapping): Columns => ({
  reference: (m.reference ?? 'reference').toLowerCase(),
  amount: (m.amount ?? 'amount').toLowerCase(),
  currency: (m.currency ?? 'currency').toLowerCase(),
  status: (m.status ?? 'status').toLowerCase(),
  date: (m.date ?? 'date').toLowerCase(),
});

/** A record's value by column name, whatever the case of the report's keys. */
function cell(record: Record<string, unknown>, column: string): unknown {
  if (Object.hasOwn(record, column)) return record[column];
  const key = Object.keys(record).find((k) => k.toLowerCase() === column);
  return key === undefined ? undefined : record[key];
}

function amountOf(raw: unknown, unit: 'minor' | 'major', line: number): bigint {
  let amount: bigint | undefined;
  if (unit === 'major') amount = parseMajorToMinor(raw);
  else if (typeof raw === 'number' && Number.isSafeInteger(raw)) amount = BigInt(raw);
  else if (typeof raw === 'string' && /^\d{1,18}$/.test(raw.trim())) amount = BigInt(raw.trim());
  if (amount === undefined || amount <= 0n)
    throw invalid(
      unit === 'major'
        ? 'amount must be a positive decimal with at most two places'
        : 'amount must be a positive integer of minor units (kobo)',
      line,
    );
  return amount;
}

function lineOf(r: Record<string, unknown>, line: number, c: Columns, m: ColumnMapping): ExternalItem {
  const reference = String(cell(r, c.reference) ?? '').trim();
  if (reference === '' || reference.length > MAX_REFERENCE_CHARS || UNSAFE.test(reference))
    throw invalid(`reference must be 1-${MAX_REFERENCE_CHARS} printable characters`, line);
  const amount = amountOf(cell(r, c.amount), m.amountUnit ?? 'minor', line);
  const currency = String(cell(r, c.currency) ?? m.defaultCurrency ?? 'NGN')
    .trim()
    .toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw invalid('currency must be an ISO 4217 code', line);
  const rawStatus = String(cell(r, c.status) ?? '')
    .trim()
    .slice(0, MAX_RAW_STATUS_CHARS);
  const word = rawStatus.toLowerCase();
  // A report without statuses (a bank statement) lists what happened: success.
  const status = word === '' ? 'success' : (m.statusMap?.[word] ?? STATUS_WORDS[word]);
  if (status === undefined || UNSAFE.test(rawStatus))
    throw invalid(`unknown status "${rawStatus}" (give it in mapping.statusMap)`, line);
  const rawDate = cell(r, c.date);
  const date = new Date(typeof rawDate === 'number' ? rawDate : String(rawDate ?? '').trim());
  if (rawDate === undefined || rawDate === '' || Number.isNaN(date.getTime()))
    throw invalid('date must be an ISO 8601 date or date-time', line);
  return { seq: line, reference, amount, currency, status, rawStatus, date };
}
