import { describe, expect, it } from 'vitest';
import { draftFrom, EMPTY_DRAFT, type TierRule, tierRuleBody } from './tier-rule-draft';

const filled = {
  ...EMPTY_DRAFT,
  tier: '2',
  currency: 'ngn',
  dailyDebitLimit: '200,000',
  singleTransactionLimit: '100000.50',
  singleDepositLimit: '500000',
  reason: 'CBN circular, tier 2 daily limit raised',
};

describe('tierRuleBody', () => {
  it('sends major-unit amounts as kobo and a blank maximum balance as no maximum', () => {
    expect(tierRuleBody(filled)).toEqual({
      body: {
        tier: 2,
        currency: 'NGN',
        dailyDebitLimit: 20_000_000,
        singleTransactionLimit: 10_000_050,
        singleDepositLimit: 50_000_000,
        maxBalance: null,
        reason: 'CBN circular, tier 2 daily limit raised',
      },
    });
  });

  it('sends the effective time as an instant when one is given', () => {
    const result = tierRuleBody({ ...filled, effectiveFrom: '2030-01-01T00:00', maxBalance: '1000000' });
    expect(result.body?.effectiveFrom).toBe(new Date('2030-01-01T00:00').toISOString());
    expect(result.body?.maxBalance).toBe(100_000_000);
  });

  it('names every field that is wrong', () => {
    const result = tierRuleBody({ ...EMPTY_DRAFT, currency: 'naira', dailyDebitLimit: '0', reason: 'x' });
    expect(Object.keys(result.errors ?? {}).sort()).toEqual([
      'currency',
      'dailyDebitLimit',
      'reason',
      'singleDepositLimit',
      'singleTransactionLimit',
    ]);
  });
});

describe('draftFrom', () => {
  it('starts a new version from an existing one, in major units', () => {
    const rule: TierRule = {
      id: 'r1',
      tier: 1,
      currency: 'NGN',
      dailyDebitLimit: 5_000_000,
      singleTransactionLimit: 1_000_000,
      singleDepositLimit: 5_000_000,
      maxBalance: 30_000_000,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    };
    expect(draftFrom(rule)).toMatchObject({
      tier: '1',
      currency: 'NGN',
      dailyDebitLimit: '50000.00',
      maxBalance: '300000.00',
      reason: '',
    });
  });
});
