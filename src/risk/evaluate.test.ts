/** evaluate(): every rule type at its boundary (at the threshold passes, one over fires), and precedence. */
import { describe, expect, it } from 'vitest';
import { evaluate, inForce } from './evaluate.js';
import type { Activity, RecentDebit, RiskAttempt, RiskRule } from './types.js';

const AT = new Date('2025-06-02T10:00:00Z');
const MIN = 60_000;

let nextId = 1;
const rule = (over: Partial<RiskRule> & Pick<RiskRule, 'type' | 'params'>): RiskRule => ({
  id: String(nextId++),
  key: `${over.type}_rule`,
  action: 'flag',
  enabled: true,
  appliesTo: ['transfer', 'bill_payment', 'withdrawal'],
  currency: 'NGN',
  effectiveFrom: new Date('2000-01-01T00:00:00Z'),
  createdBy: null,
  createdAt: new Date('2000-01-01T00:00:00Z'),
  reason: 'test',
  ...over,
});

const attempt = (over: Partial<RiskAttempt> = {}): RiskAttempt => ({
  userId: '00000000-0000-4000-8000-000000000001',
  kind: 'transfer',
  amount: 1_000n,
  currency: 'NGN',
  counterparty: 'wallet:known',
  reference: 'ref-1',
  at: AT,
  ...over,
});

const debit = (minutesAgo: number, amount = 1_000n, over: Partial<RecentDebit> = {}): RecentDebit => ({
  kind: 'transfer',
  amount,
  currency: 'NGN',
  counterparty: 'wallet:known',
  at: new Date(AT.getTime() - minutesAgo * MIN),
  ...over,
});

const activity = (over: Partial<Activity> = {}): Activity => ({
  debits: [],
  knownCounterparties: new Set(['wallet:known']),
  newCounterpartiesToday: [],
  lastNewDeviceLogin: null,
  ...over,
});

const debits = (n: number, minutesAgo = 1, amount = 1_000n) =>
  Array.from({ length: n }, () => debit(minutesAgo, amount));

describe('evaluate', () => {
  it('velocity_count: N debits in the window (this one included) pass, N + 1 fire', () => {
    const r = rule({ type: 'velocity_count', params: { count: 10, minutes: 10 } });
    expect(evaluate([r], attempt(), activity({ debits: debits(9) })).action).toBe('allow');
    const over = evaluate([r], attempt(), activity({ debits: debits(10) }));
    expect(over).toEqual({
      action: 'flag',
      fired: [{ key: r.key, action: 'flag', why: '11 debits in 10 minutes (more than 10)' }],
    });
    // Older than the window, another currency or a kind the rule ignores: not counted.
    const outside = [...debits(9), debit(10), debit(1, 1_000n, { currency: 'USD' })];
    expect(evaluate([r], attempt(), activity({ debits: outside })).action).toBe('allow');
    const billsOnly = { ...r, appliesTo: ['bill_payment' as const, 'transfer' as const] };
    const withdrawals = [...debits(9), debit(1, 1_000n, { kind: 'withdrawal' })];
    expect(evaluate([billsOnly], attempt(), activity({ debits: withdrawals })).action).toBe('allow');
  });

  it('velocity_amount: a total at the limit passes, one kobo over fires', () => {
    const r = rule({ type: 'velocity_amount', params: { amount: 10_000n, minutes: 60 } });
    const prior = activity({ debits: [debit(5, 4_000n), debit(59, 5_000n), debit(61, 99_999n)] });
    expect(evaluate([r], attempt({ amount: 1_000n }), prior).action).toBe('allow');
    const over = evaluate([r], attempt({ amount: 1_001n }), prior);
    expect(over.action).toBe('flag');
    expect(over.fired[0]?.why).toBe('NGN 100.01 in 60 minutes (more than NGN 100.00)');
  });

  it('single_amount: exactly the amount passes, one over fires', () => {
    const r = rule({ type: 'single_amount', params: { amount: 100_000_000n }, action: 'hold' });
    expect(evaluate([r], attempt({ amount: 100_000_000n }), activity()).action).toBe('allow');
    expect(evaluate([r], attempt({ amount: 100_000_001n }), activity())).toEqual({
      action: 'hold',
      fired: [
        {
          key: r.key,
          action: 'hold',
          why: 'one debit of NGN 1,000,000.01 (more than NGN 1,000,000.00)',
        },
      ],
    });
  });

  it('new_recipient_amount: only a counterparty never paid before, above the amount', () => {
    const r = rule({ type: 'new_recipient_amount', params: { amount: 20_000_000n }, action: 'hold' });
    const fresh = { counterparty: 'wallet:new' };
    expect(evaluate([r], attempt({ ...fresh, amount: 20_000_000n }), activity()).action).toBe('allow');
    expect(evaluate([r], attempt({ ...fresh, amount: 20_000_001n }), activity()).action).toBe('hold');
    expect(evaluate([r], attempt({ amount: 90_000_000n }), activity()).action).toBe('allow');
  });

  it('new_recipients_per_day: N new counterparties today pass, N + 1 fire; a known one never counts', () => {
    const r = rule({ type: 'new_recipients_per_day', params: { count: 3 } });
    const today = activity({ newCounterpartiesToday: ['wallet:a', 'wallet:b'] });
    expect(evaluate([r], attempt({ counterparty: 'wallet:c' }), today).action).toBe('allow');
    const three = activity({ newCounterpartiesToday: ['wallet:a', 'wallet:b', 'wallet:c'] });
    const over = evaluate([r], attempt({ counterparty: 'wallet:d' }), three);
    expect(over.fired).toEqual([
      { key: r.key, action: 'flag', why: '4 new counterparties today (more than 3)' },
    ]);
    expect(evaluate([r], attempt({ counterparty: 'wallet:known' }), three).action).toBe('allow');
  });

  it('new_device_large_debit: above the amount within the minutes of a new-device login', () => {
    const r = rule({
      type: 'new_device_large_debit',
      params: { amount: 10_000_000n, minutes: 60 },
      action: 'hold',
    });
    const recent = activity({ lastNewDeviceLogin: new Date(AT.getTime() - 30 * MIN) });
    expect(evaluate([r], attempt({ amount: 10_000_000n }), recent).action).toBe('allow');
    const over = evaluate([r], attempt({ amount: 10_000_001n }), recent);
    expect(over.action).toBe('hold');
    expect(over.fired[0]?.why).toContain('30 minutes after a login from a new device');
    const atEdge = activity({ lastNewDeviceLogin: new Date(AT.getTime() - 60 * MIN) });
    expect(evaluate([r], attempt({ amount: 10_000_001n }), atEdge).action).toBe('hold');
    const old = activity({ lastNewDeviceLogin: new Date(AT.getTime() - 60 * MIN - 1) });
    expect(evaluate([r], attempt({ amount: 10_000_001n }), old).action).toBe('allow');
    expect(evaluate([r], attempt({ amount: 99_000_000n }), activity()).action).toBe('allow');
  });

  it('takes the strongest action: block > hold > flag, and lists every rule that fired', () => {
    const flag = rule({ key: 'a_flag', type: 'single_amount', params: { amount: 1n }, action: 'flag' });
    const hold = rule({ key: 'b_hold', type: 'single_amount', params: { amount: 1n }, action: 'hold' });
    const block = rule({ key: 'c_block', type: 'single_amount', params: { amount: 1n }, action: 'block' });
    expect(evaluate([flag], attempt(), activity()).action).toBe('flag');
    expect(evaluate([flag, hold], attempt(), activity()).action).toBe('hold');
    expect(evaluate([hold, flag], attempt(), activity()).action).toBe('hold');
    const all = evaluate([block, flag, hold], attempt(), activity());
    expect(all.action).toBe('block');
    expect(all.fired.map((f) => f.key)).toEqual(['c_block', 'a_flag', 'b_hold']);
  });

  it('ignores disabled rules and rules of another kind or currency', () => {
    const base = { type: 'single_amount' as const, params: { amount: 1n }, action: 'block' as const };
    expect(evaluate([rule({ ...base, enabled: false })], attempt(), activity()).action).toBe('allow');
    expect(evaluate([rule({ ...base, currency: 'USD' })], attempt(), activity()).action).toBe('allow');
    expect(evaluate([rule({ ...base, appliesTo: ['withdrawal'] })], attempt(), activity()).action).toBe(
      'allow',
    );
  });
});

describe('inForce', () => {
  it('picks per key the latest version started at or before the moment', () => {
    const v1 = rule({
      key: 'k',
      type: 'single_amount',
      params: { amount: 1n },
      effectiveFrom: new Date('2025-01-01'),
    });
    const v2 = { ...v1, id: '900', effectiveFrom: new Date('2025-06-01') };
    const future = { ...v1, id: '901', effectiveFrom: new Date('2025-07-01') };
    const other = rule({ key: 'j', type: 'velocity_count', params: { count: 1, minutes: 1 } });
    expect(inForce([v1, v2, future, other], AT).map((r) => r.id)).toEqual([other.id, '900']);
    expect(inForce([v1, v2, future], new Date('2025-07-01')).map((r) => r.id)).toEqual(['901']);
    expect(inForce([v2], new Date('2025-05-31'))).toEqual([]);
  });
});
