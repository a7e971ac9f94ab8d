/**
 * The simulator's daily report (`GET /_sim/report?date=YYYY-MM-DD`): every
 * transaction it received that Africa/Lagos day, as a provider's statement
 * lists them (reference = our request_id, amount in kobo, status as VTpass
 * words it). `discrepancies=` injects known differences, each into its own
 * line, so a reconciliation can be checked to find exactly those.
 */
import { lagosDate } from '../lagos-time.js';

export const DISCREPANCIES = [
  'amount_mismatch',
  'status_mismatch',
  'missing_internal',
  'missing_external',
  'duplicate_external',
] as const;
export type Discrepancy = (typeof DISCREPANCIES)[number];

export interface ReportTx {
  requestId: string;
  amountKobo: bigint;
  status: 'delivered' | 'pending' | 'failed' | 'reversed';
  createdAtMs: number;
}

export interface ReportLine {
  reference: string;
  amount: number;
  currency: 'NGN';
  status: string;
  date: string;
}

/** How far an injected amount is off: ₦100, well past any sensible drift. */
const AMOUNT_OFF_KOBO = 10_000n;

/** The query's date and discrepancies, or why not. */
export function readReportQuery(
  url: URL,
): { date: string; discrepancies: Discrepancy[] } | { error: string } {
  const date = url.searchParams.get('date') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    return { error: 'date must be YYYY-MM-DD (Africa/Lagos)' };
  const raw = url.searchParams.get('discrepancies') ?? '';
  const asked = raw === '' ? [] : raw.split(',').map((d) => d.trim());
  const unknown = asked.find((d) => !(DISCREPANCIES as readonly string[]).includes(d));
  if (unknown !== undefined) return { error: `unknown discrepancy ${unknown}: ${DISCREPANCIES.join(', ')}` };
  return { date, discrepancies: [...new Set(asked)] as Discrepancy[] };
}

/** The day's lines, oldest first, with the asked discrepancies applied to distinct delivered lines. */
export function buildReport(
  txs: Iterable<ReportTx>,
  date: string,
  discrepancies: readonly Discrepancy[],
): { date: string; count: number; applied: Discrepancy[]; data: ReportLine[] } {
  const day = date.replaceAll('-', '');
  const lines = [...txs]
    .filter((t) => lagosDate(new Date(t.createdAtMs)) === day)
    .sort((a, b) => a.createdAtMs - b.createdAtMs || (a.requestId < b.requestId ? -1 : 1))
    .map((t) => ({
      reference: t.requestId,
      amount: Number(t.amountKobo),
      currency: 'NGN' as const,
      status: t.status,
      date: new Date(t.createdAtMs).toISOString(),
    }));
  const delivered = lines.filter((l) => l.status === 'delivered');
  const applied: Discrepancy[] = [];
  let next = 0;
  for (const d of discrepancies) {
    if (d === 'missing_internal') {
      // A transaction we never sent: a request id of that day that is no one's.
      lines.push({
        reference: `${day}2359SIMUNKNOWN`,
        amount: 50_000,
        currency: 'NGN',
        status: 'delivered',
        date: `${date}T22:59:00.000Z`,
      });
      applied.push(d);
      continue;
    }
    const line = delivered[next++];
    if (!line) continue;
    if (d === 'amount_mismatch') line.amount = Number(BigInt(line.amount) + AMOUNT_OFF_KOBO);
    else if (d === 'status_mismatch') line.status = 'failed';
    else if (d === 'missing_external') lines.splice(lines.indexOf(line), 1);
    else lines.push({ ...line });
    applied.push(d);
  }
  return { date, count: lines.length, applied, data: lines };
}
