import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, groupToken } from './format.js';

describe('receipt formatting', () => {
  it('formats kobo integers with grouping and two decimals, never through a float', () => {
    expect(formatMoney(101_000n, 'NGN')).toBe('₦1,010.00');
    expect(formatMoney(0n, 'NGN')).toBe('₦0.00');
    expect(formatMoney(5n, 'NGN')).toBe('₦0.05');
    expect(formatMoney(123_456_789_01n, 'NGN')).toBe('₦123,456,789.01');
    // Past 2^53 a float would lose the last kobo.
    expect(formatMoney(9_007_199_254_740_993n, 'NGN')).toBe('₦90,071,992,547,409.93');
    expect(formatMoney(-2_500n, 'USD')).toBe('-$25.00');
    expect(formatMoney(1_000n, 'KES')).toBe('KES 10.00');
  });

  it('prints dates in Lagos time and tokens in fours', () => {
    expect(formatDate(new Date('2026-01-02T23:30:00Z'))).toBe('3 Jan 2026, 00:30 WAT');
    expect(groupToken('12345678901234567890')).toBe('1234 5678 9012 3456 7890');
    expect(groupToken('1234-5678 9012')).toBe('1234 5678 9012');
  });
});
