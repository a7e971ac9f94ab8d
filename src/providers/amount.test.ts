import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinor, maxBigint, minBigint, parseMajorToMinor } from './amount.js';

describe('formatMinor (kobo -> naira text)', () => {
  it.each([
    [0n, '0'],
    [1n, '0.01'],
    [5n, '0.05'],
    [10n, '0.10'],
    [100n, '1'],
    [150_000n, '1500'],
    [150_050n, '1500.50'],
    [150_005n, '1500.05'],
    [-1_230n, '-12.30'],
    [-5n, '-0.05'],
    [123_456_789_012_345_678_901_234_567_890n, '1234567890123456789012345678.90'],
  ])('%s -> %s', (kobo, text) => {
    expect(formatMinor(kobo)).toBe(text);
  });
});

describe('parseMajorToMinor (naira -> kobo, no floats)', () => {
  it.each<[unknown, bigint]>([
    ['1500.50', 150_050n],
    ['1500.5', 150_050n],
    [1500.5, 150_050n],
    [1500, 150_000n],
    ['1,500.00', 150_000n],
    ['1,234,567.89', 123_456_789n],
    [22.5, 2_250n],
    ['0.01', 1n],
    ['.5', 50n],
    ['7.', 700n],
    ['  42  ', 4_200n],
    ['-12.30', -1_230n],
    ['+3', 300n],
    ['1.5e3', 150_000n],
    ['1E-2', 1n],
    [0.1 + 0.2, 30n], // 0.30000000000000004 -> 30 kobo after rounding
    ['0.005', 1n], // half rounds away from zero
    ['0.0049', 0n],
    ['-0.005', -1n],
    ['22.125', 2_213n],
    ['12345678901234567890123.45', 1_234_567_890_123_456_789_012_345n],
    [5n, 500n],
  ])('%s -> %s', (input, kobo) => {
    expect(parseMajorToMinor(input)).toBe(kobo);
  });

  it.each<unknown>([
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 60, // a double this big has already lost digits
    '',
    '   ',
    '.',
    'abc',
    '12a',
    '1.2.3',
    '1,50',
    'NGN 100',
    '1e999',
    '1e31',
    '9'.repeat(65),
    null,
    undefined,
    {},
    [],
    true,
  ])('refuses %s', (input) => {
    expect(parseMajorToMinor(input)).toBeUndefined();
  });

  it('round-trips every kobo amount through formatMinor', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (kobo) => {
        expect(parseMajorToMinor(formatMinor(kobo))).toBe(kobo);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads JSON numbers exactly for realistic amounts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), (kobo) => {
        const fromJson: unknown = JSON.parse(`{"a":${formatMinor(kobo)}}`).a;
        expect(parseMajorToMinor(fromJson)).toBe(kobo);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('minBigint / maxBigint', () => {
  it('pick the extremes', () => {
    expect(minBigint(3n, -1n, 2n)).toBe(-1n);
    expect(maxBigint(3n, -1n, 10n ** 20n)).toBe(10n ** 20n);
    expect(minBigint(7n)).toBe(7n);
  });
});
