import { describe, expect, it } from 'vitest';
import { draftFromRule, EMPTY_RULE_DRAFT, type RiskRule, riskRuleBody } from './risk-rule-draft';

describe('riskRuleBody', () => {
  it('sends an amount in kobo and only the params of the type', () => {
    const result = riskRuleBody({
      ...EMPTY_RULE_DRAFT,
      key: 'single_over_1m',
      type: 'single_amount',
      action: 'block',
      amount: '1,000,000',
      count: '7', // not a single_amount param: left out
      appliesTo: ['withdrawal'],
      reason: 'Block large withdrawals',
    });
    expect(result.body).toEqual({
      rules: [
        {
          key: 'single_over_1m',
          type: 'single_amount',
          params: { amount: 100_000_000 },
          action: 'block',
          enabled: true,
          appliesTo: ['withdrawal'],
          currency: 'NGN',
        },
      ],
      reason: 'Block large withdrawals',
    });
  });

  it('names every field that is wrong', () => {
    const result = riskRuleBody({
      ...EMPTY_RULE_DRAFT,
      key: 'Bad Key',
      type: 'velocity_count',
      count: '0',
      appliesTo: [],
    });
    expect(Object.keys(result.errors ?? {}).sort()).toEqual([
      'appliesTo',
      'count',
      'key',
      'minutes',
      'reason',
    ]);
  });

  it('starts a draft from a version in force', () => {
    const rule = {
      id: '1',
      key: 'velocity_10_in_10min',
      type: 'velocity_count',
      params: { count: 10, minutes: 10 },
      action: 'flag',
      enabled: true,
      appliesTo: ['transfer'],
      currency: 'NGN',
      effectiveFrom: '2000-01-01T00:00:00.000Z',
      inForce: true,
    } as RiskRule;
    expect(draftFromRule(rule)).toMatchObject({
      key: rule.key,
      count: '10',
      minutes: '10',
      amount: '',
      appliesTo: ['transfer'],
    });
  });
});
