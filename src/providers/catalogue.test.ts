import { describe, expect, it } from 'vitest';
import { maxBigint, minBigint } from './amount.js';
import { VTPASS_CATALOGUE, findService, findVariation } from './catalogue.js';

const DISCOS = [
  'ikeja-electric',
  'eko-electric',
  'abuja-electric',
  'kano-electric',
  'portharcourt-electric',
  'jos-electric',
  'ibadan-electric',
  'kaduna-electric',
  'enugu-electric',
  'benin-electric',
  'aba-electric',
  'yola-electric',
];

describe('VTPASS_CATALOGUE', () => {
  it('has the 12 DisCos, each prepaid and postpaid with the customer choosing the amount', () => {
    for (const id of DISCOS) {
      const s = findService(id);
      expect(s?.category, id).toBe('electricity-bill');
      expect(s?.variations.map((v) => v.code)).toEqual(['prepaid', 'postpaid']);
      expect(s?.variations.every((v) => v.amountMinor === null && !v.fixedPrice)).toBe(true);
      expect(s?.minAmountMinor).toBe(50_000n);
      expect(s?.maxAmountMinor).toBe(50_000_000n);
    }
    expect(VTPASS_CATALOGUE.filter((s) => s.category === 'electricity-bill')).toHaveLength(12);
  });

  it('has airtime for the four networks without variations', () => {
    for (const id of ['mtn', 'glo', 'airtel', 'etisalat']) {
      expect(findService(id)?.category).toBe('airtime');
      expect(findService(id)?.variations).toEqual([]);
    }
  });

  it('has fixed-price data bundles and cable bouquets whose limits follow their prices', () => {
    const fixed = ['mtn-data', 'glo-data', 'airtel-data', 'etisalat-data', 'dstv', 'gotv', 'startimes'];
    for (const id of fixed) {
      const s = findService(id);
      expect(s, id).toBeDefined();
      if (!s) continue;
      expect(s.variations.length).toBeGreaterThanOrEqual(3);
      const prices = s.variations.map((v) => {
        expect(v.fixedPrice).toBe(true);
        expect(typeof v.amountMinor).toBe('bigint');
        return v.amountMinor as bigint;
      });
      expect(prices.every((p) => p > 0n && p % 100n === 0n)).toBe(true);
      expect(s.minAmountMinor).toBe(minBigint(...(prices as [bigint, ...bigint[]])));
      expect(s.maxAmountMinor).toBe(maxBigint(...(prices as [bigint, ...bigint[]])));
    }
    expect(findVariation('dstv', 'dstv79')?.amountMinor).toBe(1_900_000n);
    expect(findVariation('dstv', 'nope')).toBeUndefined();
  });

  it('has unique serviceIDs and unique variation codes per service, and sane limits', () => {
    const ids = VTPASS_CATALOGUE.map((s) => s.serviceId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of VTPASS_CATALOGUE) {
      const codes = s.variations.map((v) => v.code);
      expect(new Set(codes).size, s.serviceId).toBe(codes.length);
      expect(s.minAmountMinor > 0n && s.minAmountMinor <= s.maxAmountMinor, s.serviceId).toBe(true);
      expect(s.serviceId).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('is frozen, so nobody edits the shared seed at run time', () => {
    expect(Object.isFrozen(VTPASS_CATALOGUE)).toBe(true);
    const first = VTPASS_CATALOGUE[0];
    expect(first && Object.isFrozen(first) && Object.isFrozen(first.variations)).toBe(true);
    expect(() => {
      (VTPASS_CATALOGUE as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });
});
