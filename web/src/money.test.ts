import { describe, expect, it } from 'vitest';
import {
  currencyExponent,
  formatMoney,
  isMoneyError,
  parseMoney,
  toJsonAmount,
  toMajorString,
} from './money';

describe('parseMoney', () => {
  it.each([
    ['1500', 2, 150000n],
    ['1500.50', 2, 150050n],
    ['1500.5', 2, 150050n],
    ['1,500.50', 2, 150050n],
    ['1,234,567.89', 2, 123456789n],
    ['.5', 2, 50n],
    ['0.01', 2, 1n],
    ['1500.', 2, 150000n],
    ['  42  ', 2, 4200n],
    ['0', 2, 0n],
    ['007', 2, 700n],
    ['1500', 0, 1500n],
    ['1,500', 0, 1500n],
    ['1.234', 3, 1234n],
    ['0.1', 3, 100n],
  ])('%s with exponent %d is %s', (input, exponent, expected) => {
    expect(parseMoney(input, exponent)).toBe(expected);
  });

  it('is exact where floats are not', () => {
    // 0.1 + 0.2 and 1.005 * 100 go wrong in binary floating point.
    expect(parseMoney('1.005', 3)).toBe(1005n);
    expect(parseMoney('0.29', 2)).toBe(29n);
    expect(parseMoney('4.35', 2)).toBe(435n);
    expect(parseMoney('90071992547409.91', 2)).toBe(9007199254740991n);
  });

  it.each([
    ['', 2, 'Enter an amount'],
    ['   ', 2, 'Enter an amount'],
    ['-5', 2, 'greater than zero'],
    ['abc', 2, 'digits'],
    ['1e3', 2, 'digits'],
    ['1.2.3', 2, 'digits'],
    ['1,50', 2, 'digits'],
    ['1,5000', 2, 'digits'],
    ['.', 2, 'digits'],
    ['₦100', 2, 'digits'],
    ['1.005', 2, 'at most 2 decimal places'],
    ['1.5', 0, 'no decimal places'],
    ['10.25', 1, 'at most 1 decimal place'],
    ['90071992547409.92', 2, 'too large'],
    ['99999999999999999999', 2, 'too large'],
  ])('rejects %j (exponent %d)', (input, exponent, message) => {
    const result = parseMoney(input, exponent);
    expect(isMoneyError(result)).toBe(true);
    if (isMoneyError(result)) expect(result.error).toContain(message);
  });
});

describe('formatMoney', () => {
  it('formats NGN kobo as naira', () => {
    expect(formatMoney(150000, 'NGN')).toBe('₦1,500.00');
    expect(formatMoney(150050n, 'NGN')).toBe('₦1,500.50');
    expect(formatMoney(1, 'NGN')).toBe('₦0.01');
    expect(formatMoney(0, 'NGN')).toBe('₦0.00');
  });

  it('formats negatives', () => {
    expect(formatMoney(-150000n, 'NGN')).toBe('-₦1,500.00');
  });

  it('uses the currency exponent', () => {
    expect(currencyExponent('XOF')).toBe(0);
    expect(currencyExponent('NGN')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    const xof = formatMoney(1500, 'XOF');
    expect(xof).toContain('1,500');
    expect(xof).not.toContain('.');
    expect(formatMoney(123456, 'USD')).toMatch(/1,234\.56$/);
  });

  it('is exact for amounts beyond float precision', () => {
    expect(formatMoney(9007199254740991n, 'NGN')).toBe('₦90,071,992,547,409.91');
    expect(formatMoney(123456789012345678901n, 'NGN')).toBe('₦1,234,567,890,123,456,789.01');
  });

  it('rejects non-integer numbers', () => {
    expect(() => formatMoney(1.5, 'NGN')).toThrow(RangeError);
  });
});

describe('toMajorString', () => {
  it('round-trips with parseMoney', () => {
    for (const minor of [0n, 1n, 99n, 100n, 150050n, 9007199254740991n]) {
      expect(parseMoney(toMajorString(minor, 2), 2)).toBe(minor);
    }
    expect(toMajorString(1500, 0)).toBe('1500');
    expect(toMajorString(5, 2)).toBe('0.05');
    expect(toMajorString(-5, 2)).toBe('-0.05');
  });
});

describe('toJsonAmount', () => {
  it('keeps safe integers and refuses the rest', () => {
    expect(toJsonAmount(150000n)).toBe(150000);
    expect(() => toJsonAmount(-1n)).toThrow(RangeError);
    expect(() => toJsonAmount(9007199254740992n)).toThrow(RangeError);
  });
});
