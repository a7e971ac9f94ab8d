/** The simulator's daily report: the Lagos day's transactions, and each asked discrepancy in its own line. */
import { describe, expect, it } from 'vitest';
import { buildReport, readReportQuery, type ReportTx } from './report.js';

const tx = (id: string, iso: string, status: ReportTx['status'] = 'delivered'): ReportTx => ({
  requestId: id,
  amountKobo: 500_000n,
  status,
  createdAtMs: Date.parse(iso),
});

describe('sim report', () => {
  const txs = [
    tx('A', '2026-12-01T08:00:00Z'),
    tx('B', '2026-12-01T09:00:00Z'),
    tx('C', '2026-12-01T10:00:00Z', 'failed'),
    tx('D', '2026-12-01T11:00:00Z'),
    tx('E', '2026-12-01T12:00:00Z'),
    tx('LATE', '2026-12-01T23:30:00Z'), // 00:30 on the 2nd in Lagos
    tx('EARLY', '2026-11-30T23:30:00Z'), // 00:30 on the 1st in Lagos
  ];

  it("lists the Africa/Lagos day's transactions in kobo, oldest first", () => {
    const report = buildReport(txs, '2026-12-01', []);
    expect(report.data.map((l) => l.reference)).toEqual(['EARLY', 'A', 'B', 'C', 'D', 'E']);
    expect(report.data[1]).toEqual({
      reference: 'A',
      amount: 500_000,
      currency: 'NGN',
      status: 'delivered',
      date: '2026-12-01T08:00:00.000Z',
    });
  });

  it('applies each discrepancy to a different delivered line', () => {
    const report = buildReport(txs, '2026-12-01', [
      'amount_mismatch',
      'status_mismatch',
      'missing_internal',
      'missing_external',
      'duplicate_external',
    ]);
    expect(report.applied).toHaveLength(5);
    const byRef = (r: string) => report.data.filter((l) => l.reference === r);
    expect(byRef('EARLY')[0]?.amount).toBe(510_000);
    expect(byRef('A')[0]?.status).toBe('failed');
    expect(byRef('B')).toEqual([]);
    expect(byRef('D')).toHaveLength(2);
    expect(byRef('20261201' + '2359SIMUNKNOWN')).toHaveLength(1);
    expect(byRef('C')[0]?.status).toBe('failed'); // a failed line is never used for a discrepancy
  });

  it('checks its query', () => {
    const q = (s: string) => readReportQuery(new URL(`http://sim/_sim/report?${s}`));
    expect(q('date=2026-12-01&discrepancies=amount_mismatch')).toEqual({
      date: '2026-12-01',
      discrepancies: ['amount_mismatch'],
    });
    expect(q('date=yesterday')).toHaveProperty('error');
    expect(q('date=2026-12-01&discrepancies=everything')).toHaveProperty('error');
  });
});
