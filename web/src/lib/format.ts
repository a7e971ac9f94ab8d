import type { LineType } from './types';

const dateTime = new Intl.DateTimeFormat('en-NG', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-NG', { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat('en-NG', { timeStyle: 'medium' });

function toDate(value: string | number | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const d = toDate(value);
  return d ? dateTime.format(d) : String(value);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = toDate(value);
  return d ? dateOnly.format(d) : value;
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = toDate(value);
  return d ? timeOnly.format(d) : value;
}

/** "12345678901234567890" -> "1234 5678 9012 3456 7890" (any separators in the input are dropped). */
export function groupToken(token: string): string {
  const compact = token.replace(/[\s-]/g, '');
  return compact.match(/.{1,4}/g)?.join(' ') ?? compact;
}

export const LINE_TYPE_LABELS: Record<LineType, string> = {
  deposit: 'Deposit',
  transfer_in: 'Money received',
  transfer_out: 'Money sent',
  withdrawal: 'Withdrawal',
  bill_payment: 'Bill payment',
  refund: 'Refund',
  fee: 'Fee',
  adjustment: 'Adjustment',
};

export const CATEGORY_LABELS: Record<string, string> = {
  electricity: 'Electricity',
  water: 'Water',
  gas: 'Gas',
  internet: 'Internet',
  airtime: 'Airtime',
  data: 'Data',
  cable: 'Cable TV',
  education: 'Education',
};

/** A payment's category as people read it ("—" for a payment whose biller is gone). */
export function categoryLabel(category: string | null): string {
  if (category === null) return '—';
  return CATEGORY_LABELS[category] ?? category;
}

export function humanize(value: string): string {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  // Accept 0..1 or 0..100.
  const pct = rate <= 1 ? rate * 100 : rate;
  return `${pct.toFixed(pct >= 99.95 || pct === 0 ? 0 : 1)}%`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** A local calendar date (yyyy-mm-dd from a date input) as the ISO instant of its start. */
export function startOfDayIso(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** The ISO instant just past the end of a local calendar date (exclusive upper bound). */
export function endOfDayIso(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
