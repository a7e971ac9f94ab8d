import { describe, expect, it } from 'vitest';
import { type BreakerOptions, createBreaker } from './breaker.js';

function fakeClock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

const FAIL = { failure: true, latencyMs: 100 };
const OK = { failure: false, latencyMs: 10 };

function setup(extra: BreakerOptions = {}) {
  const clock = fakeClock();
  const changes: string[] = [];
  const breaker = createBreaker(
    {
      consecutiveFailures: 3,
      windowMs: 60_000,
      minCallsInWindow: 10,
      failureRatio: 0.5,
      cooldownMs: 5_000,
      now: clock.now,
      ...extra,
    },
    (s) => changes.push(s),
  );
  return { clock, breaker, changes };
}

describe('breaker: closed -> open', () => {
  it('opens after N consecutive faults', () => {
    const { breaker, changes } = setup();
    breaker.record(FAIL);
    breaker.record(FAIL);
    expect(breaker.state()).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    breaker.record(FAIL);
    expect(breaker.state()).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    expect(changes).toEqual(['open']);
  });

  it('a success resets the consecutive count', () => {
    const { breaker } = setup({ minCallsInWindow: 1_000 }); // streak rule only
    for (let i = 0; i < 50; i++) {
      breaker.record(FAIL);
      breaker.record(FAIL);
      breaker.record(OK);
    }
    expect(breaker.state()).toBe('closed');
    breaker.record(FAIL);
    breaker.record(FAIL);
    breaker.record(FAIL);
    expect(breaker.state()).toBe('open');
  });

  it('opens on the failure ratio over the window once enough calls were seen', () => {
    const { breaker } = setup({ consecutiveFailures: 100 });
    for (let i = 0; i < 4; i++) {
      breaker.record(FAIL);
      breaker.record(OK);
    }
    expect(breaker.state()).toBe('closed'); // 50% but only 8 calls
    breaker.record(FAIL);
    expect(breaker.state()).toBe('closed'); // 5 of 9, still under 10 calls
    breaker.record(OK);
    expect(breaker.state()).toBe('closed'); // a success never opens it
    breaker.record(FAIL); // 6 of 11
    expect(breaker.state()).toBe('open');
  });

  it('stays closed under the ratio', () => {
    const { breaker } = setup({ consecutiveFailures: 100 });
    for (let i = 0; i < 100; i++) breaker.record(i % 3 === 0 ? FAIL : OK); // 34%
    expect(breaker.state()).toBe('closed');
  });

  it('forgets faults older than the window', () => {
    const { breaker, clock } = setup({ consecutiveFailures: 100 });
    for (let i = 0; i < 9; i++) breaker.record(FAIL);
    clock.advance(61_000);
    for (let i = 0; i < 9; i++) breaker.record(OK);
    breaker.record(FAIL); // 1 of 10 in the window
    expect(breaker.state()).toBe('closed');
    expect(breaker.stats().windowCalls).toBe(10);
  });
});

describe('breaker: open -> half-open -> closed/open', () => {
  it('lets exactly one trial through after the cooldown; a success closes it', () => {
    const { breaker, clock, changes } = setup();
    for (let i = 0; i < 3; i++) breaker.record(FAIL);
    clock.advance(4_999);
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.state()).toBe('open');
    clock.advance(1);
    expect(breaker.state()).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true); // the trial
    expect(breaker.tryAcquire()).toBe(false); // nobody else while it runs
    breaker.record(OK);
    expect(breaker.state()).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('a failed trial re-opens it for another full cooldown', () => {
    const { breaker, clock } = setup();
    for (let i = 0; i < 3; i++) breaker.record(FAIL);
    clock.advance(5_000);
    expect(breaker.tryAcquire()).toBe(true);
    clock.advance(1_000);
    breaker.record(FAIL);
    expect(breaker.state()).toBe('open');
    clock.advance(4_999);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('after closing, old faults do not re-open it at the next fault', () => {
    const { breaker, clock } = setup({ consecutiveFailures: 100 });
    for (let i = 0; i < 10; i++) breaker.record(FAIL); // ratio opens it
    expect(breaker.state()).toBe('open');
    clock.advance(5_000);
    breaker.tryAcquire();
    breaker.record(OK);
    expect(breaker.state()).toBe('closed');
    breaker.record(FAIL);
    expect(breaker.state()).toBe('closed');
  });

  it('a trial that never reports frees its slot after trialTimeoutMs', () => {
    const { breaker, clock } = setup({ trialTimeoutMs: 10_000 });
    for (let i = 0; i < 3; i++) breaker.record(FAIL);
    clock.advance(5_000);
    expect(breaker.tryAcquire()).toBe(true);
    clock.advance(9_999);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('results recorded while open only feed the stats', () => {
    const { breaker } = setup();
    for (let i = 0; i < 3; i++) breaker.record(FAIL);
    breaker.record(OK); // e.g. a requery of an older payment
    expect(breaker.state()).toBe('open');
  });
});

describe('breaker stats', () => {
  it('reports success rate, p50/p95 latency and call counts over the window', () => {
    const { breaker, clock } = setup({ consecutiveFailures: 1_000, minCallsInWindow: 1_000 });
    expect(breaker.stats()).toMatchObject({
      calls: 0,
      windowCalls: 0,
      successRate: null,
      p50Ms: null,
      p95Ms: null,
    });
    for (let i = 1; i <= 100; i++) breaker.record({ failure: i <= 10, latencyMs: i });
    expect(breaker.stats()).toEqual({
      state: 'closed',
      calls: 100,
      windowCalls: 100,
      windowFailures: 10,
      successRate: 0.9,
      p50Ms: 50,
      p95Ms: 95,
      consecutiveFailures: 0,
    });
    clock.advance(60_001);
    expect(breaker.stats()).toMatchObject({ calls: 100, windowCalls: 0, successRate: null });
  });

  it('keeps at most maxSamples', () => {
    const { breaker } = setup({ maxSamples: 50, consecutiveFailures: 1_000, minCallsInWindow: 1_000 });
    for (let i = 0; i < 500; i++) breaker.record(OK);
    expect(breaker.stats()).toMatchObject({ calls: 500, windowCalls: 50 });
  });

  it('refuses nonsense options and samples', () => {
    expect(() => createBreaker({ cooldownMs: 0 })).toThrow(RangeError);
    expect(() => createBreaker({ failureRatio: 0 })).toThrow(RangeError);
    expect(() => createBreaker({ failureRatio: 1.5 })).toThrow(RangeError);
    expect(() => createBreaker({ consecutiveFailures: 2.5 })).toThrow(RangeError);
    expect(() => createBreaker().record({ failure: false, latencyMs: -1 })).toThrow(RangeError);
    expect(() => createBreaker().record({ failure: false, latencyMs: Number.NaN })).toThrow(RangeError);
  });
});
