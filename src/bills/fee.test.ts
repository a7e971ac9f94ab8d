import { describe, expect, it } from 'vitest';
import { type FeeRule, feeFor } from './catalogue.js';

// The only fee rule: the web app shows the quote endpoint's answer instead of a copy of this.
const flat = (amount: bigint): FeeRule => ({ type: 'flat', flat: amount, percentBps: 0, cap: 0n });
const percent = (bps: number, cap = 0n): FeeRule => ({ type: 'percent', flat: 0n, percentBps: bps, cap });

describe('feeFor', () => {
  it('takes a flat fee', () => {
    expect(feeFor(flat(10000n), 500000n)).toBe(10000n);
  });

  it('takes a percentage in basis points, rounded half up', () => {
    // 1.5% of 100.33 = 1.50495 -> 1.50
    expect(feeFor(percent(150), 10033n)).toBe(150n);
    // 1.5% of 100.34 = 1.5051 -> 1.51 (half up at .5 of a kobo)
    expect(feeFor(percent(150), 10034n)).toBe(151n);
    // exactly half a kobo rounds up: 0.5% of 1.00 = 0.005
    expect(feeFor(percent(50), 100n)).toBe(1n);
  });

  it('caps a percentage fee', () => {
    expect(feeFor(percent(100, 20000n), 100_000_000n)).toBe(20000n);
    expect(feeFor(percent(100, 20000n), 1_000_000n)).toBe(10000n);
  });

  it('reads a cap of 0 as no cap, not as a fee of 0', () => {
    expect(feeFor(percent(100, 0n), 100_000_000n)).toBe(1_000_000n);
  });
});
