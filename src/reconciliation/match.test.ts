/** The matching engine's rules and strategies, table by table (pure: no database). */
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse.js';
import { reconcile } from './match.js';
import type { ExternalItem, InternalItem, MatchRule } from './types.js';

const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, s));
const ext = (
  seq: number,
  reference: string,
  amount: number,
  status = 'success' as const,
  s = 0,
): ExternalItem => ({
  seq,
  reference,
  amount: BigInt(amount),
  currency: 'NGN',
  status,
  rawStatus: status,
  date: at(s),
});
const ours = (
  id: string,
  reference: string,
  amount: number,
  status: InternalItem['status'] = 'success',
  s = 0,
) => ({
  id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
  kind: 'bill_payment' as const,
  reference,
  amount: BigInt(amount),
  currency: 'NGN',
  status,
  rawStatus: status,
  date: at(s),
  inPeriod: true,
});
const rule = (over: Partial<MatchRule>): MatchRule => ({
  id: 'r',
  name: 'r',
  priority: 1,
  strategy: 'one_to_one',
  sources: ['*'],
  criteria: [{ field: 'reference', operator: 'equals' }],
  enabled: true,
  ...over,
});
const classes = (rows: ReturnType<typeof reconcile>) => rows.map((r) => r.class);

describe('reconcile', () => {
  it('one to one by reference: matched, amount and status mismatches, missing on both sides, duplicates', () => {
    const rows = reconcile(
      [
        ext(1, 'A', 100),
        ext(2, 'B', 250),
        ext(3, 'C', 300),
        ext(4, 'X', 50),
        ext(5, 'a', 100),
        ext(6, 'X', 50),
      ],
      [ours('1', 'A', 100), ours('2', 'B', 200), ours('3', 'C', 300, 'reversed'), ours('4', 'D', 400)],
      [rule({})],
      'provider:vtpass',
    );
    expect(classes(rows)).toEqual([
      'matched',
      'amount_mismatch',
      'status_mismatch',
      'missing_internal',
      'duplicate_external', // references compare without case
      'duplicate_external',
      'missing_external',
    ]);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('amount within a drift in minor units or basis points; a status mismatch wins over an amount', () => {
    const items = [ours('1', 'A', 10_000), ours('2', 'B', 10_000), ours('3', 'C', 10_000, 'failed')];
    const report = [ext(1, 'A', 10_005), ext(2, 'B', 10_020), ext(3, 'C', 99_999)];
    const minor = rule({
      criteria: [
        { field: 'reference', operator: 'equals' },
        { field: 'amount', operator: 'within', driftMinor: 5 },
      ],
    });
    expect(classes(reconcile(report, items, [minor], 'bank'))).toEqual([
      'matched',
      'amount_mismatch',
      'status_mismatch',
    ]);
    const bps = rule({
      criteria: [
        { field: 'reference', operator: 'equals' },
        { field: 'amount', operator: 'within', driftBps: 20 },
      ],
    });
    expect(classes(reconcile(report, items, [bps], 'bank'))).toEqual([
      'matched',
      'matched',
      'status_mismatch',
    ]);
  });

  it('a date window and a currency criterion keep apart what they should', () => {
    const windowed = rule({
      criteria: [
        { field: 'reference', operator: 'equals' },
        { field: 'date', operator: 'within', windowSeconds: 10 },
        { field: 'currency', operator: 'equals' },
      ],
    });
    const far = reconcile([ext(1, 'A', 100, 'success', 30)], [ours('1', 'A', 100)], [windowed], 'gateway');
    expect(classes(far)).toEqual(['missing_internal', 'missing_external']);
    const usd = { ...ext(1, 'A', 100), currency: 'USD' };
    expect(classes(reconcile([usd], [ours('1', 'A', 100)], [windowed], 'gateway'))).toEqual([
      'missing_internal',
      'missing_external',
    ]);
  });

  it('without a reference, items pair on amount and date; contains finds a reference inside another', () => {
    const byAmount = rule({
      criteria: [
        { field: 'amount', operator: 'equals' },
        { field: 'date', operator: 'within', windowSeconds: 60 },
      ],
    });
    expect(
      classes(reconcile([ext(1, 'bank-line-1', 700)], [ours('1', 'W1', 700)], [byAmount], 'bank')),
    ).toEqual(['matched']);
    const contains = rule({ criteria: [{ field: 'reference', operator: 'contains' }] });
    expect(
      classes(reconcile([ext(1, 'NIP/W1/SETTLED', 700)], [ours('1', 'W1', 700)], [contains], 'bank')),
    ).toEqual(['matched']);
  });

  it('many to one sums part payments; one to many sums a batch; both before one to one by priority', () => {
    const parts = rule({ strategy: 'many_to_one', priority: 1 });
    const exact = rule({ id: 'exact', priority: 2 });
    const rows = reconcile(
      [ext(1, 'P', 600), ext(2, 'P', 400)],
      [ours('1', 'P', 1000)],
      [exact, parts],
      'bank',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ class: 'matched', externalSeqs: [1, 2], externalAmount: 1000n });
    // Without the group rule the second line is a duplicate and the first an amount mismatch.
    expect(
      classes(reconcile([ext(1, 'P', 600), ext(2, 'P', 400)], [ours('1', 'P', 1000)], [exact], 'bank')),
    ).toEqual(['amount_mismatch', 'duplicate_external']);
    const batch = rule({ strategy: 'one_to_many', criteria: [{ field: 'reference', operator: 'contains' }] });
    const settled = reconcile(
      [ext(1, 'BATCH W1 W2 W3', 600)],
      [ours('1', 'W1', 100), ours('2', 'W2', 200), ours('3', 'W3', 300)],
      [batch],
      'bank',
    );
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({ class: 'matched', internalAmount: 600n });
    expect(settled[0]?.internalIds).toHaveLength(3);
  });

  it('a rule for another source, or disabled, is not tried; our items outside the period are never missing', () => {
    const gatewayOnly = rule({ sources: ['gateway'] });
    expect(classes(reconcile([ext(1, 'A', 1)], [ours('1', 'A', 1)], [gatewayOnly], 'bank'))).toEqual([
      'missing_internal',
      'missing_external',
    ]);
    const outside = { ...ours('2', 'Z', 5), inPeriod: false };
    expect(classes(reconcile([ext(1, 'A', 1)], [ours('1', 'A', 1), outside], [rule({})], 'bank'))).toEqual([
      'matched',
    ]);
  });
});

describe('parseReport', () => {
  it('reads the default CSV columns, in minor units, and JSON in either shape', () => {
    const csv = 'reference,amount,currency,status,date\nA,500000,NGN,delivered,2026-12-01T09:00:00Z\n';
    expect(parseReport(Buffer.from(csv))[0]).toMatchObject({
      seq: 1,
      reference: 'A',
      amount: 500_000n,
      status: 'success',
    });
    const json = JSON.stringify({
      data: [{ reference: 'A', amount: 5, status: 'refunded', date: '2026-12-01' }],
    });
    expect(parseReport(Buffer.from(json))[0]).toMatchObject({
      amount: 5n,
      currency: 'NGN',
      status: 'reversed',
    });
  });

  it('refuses what it cannot read with the line: floats in minor units, unknown statuses, bad dates', () => {
    const line = (row: string) => () => parseReport(Buffer.from(`reference,amount,status,date\n${row}\n`));
    expect(line('A,10.5,success,2026-12-01')).toThrow(/line 1: amount must be a positive integer/);
    expect(line('A,10,lost,2026-12-01')).toThrow(/unknown status "lost"/);
    expect(line('A,10,success,yesterday')).toThrow(/date must be/);
    expect(line('A,10,success,2026-12-01')).not.toThrow();
    expect(() => parseReport(Buffer.from('reference,amount\n"A,1\n'))).toThrow(/not valid CSV/);
  });
});
