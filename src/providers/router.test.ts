import client from 'prom-client';
import { describe, expect, it, vi } from 'vitest';
import { createProviderRouter, defaultIsProviderFault, type RecordedResult } from './router.js';
import type { ProviderAdapter, VendResult } from './types.js';

function fakeAdapter(name: string): ProviderAdapter {
  const result: VendResult = { outcome: 'success', latencyMs: 1 };
  return {
    name,
    listVariations: async () => [],
    validateCustomer: async () => ({ ok: true, outcome: 'success', latencyMs: 1 }),
    vend: async () => result,
    requery: async () => result,
    parseWebhook: () => null,
  };
}

function setup() {
  let t = 0;
  const clock = {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
  const primary = fakeAdapter('primary');
  const secondary = fakeAdapter('secondary');
  const router = createProviderRouter([primary, secondary], {
    consecutiveFailures: 3,
    cooldownMs: 10_000,
    now: clock.now,
  });
  return { clock, primary, secondary, router };
}

const TIMEOUT: RecordedResult = { outcome: 'unknown', code: 'timeout', latencyMs: 15_000 };
const OK: RecordedResult = { outcome: 'success', code: '000', latencyMs: 800 };

async function gaugeValue(provider: string): Promise<number | undefined> {
  const metric = await client.register.getSingleMetric('vendra_provider_breaker_state')?.get();
  return metric?.values.find((v) => v.labels.provider === provider)?.value;
}

describe('provider router', () => {
  it('sends new payments to the first healthy provider, in the caller priority order', () => {
    const { router, primary, secondary } = setup();
    expect(router.pick(['primary', 'secondary'])).toBe(primary);
    expect(router.pick(['secondary', 'primary'])).toBe(secondary);
    expect(router.pick(['ghost', 'secondary'])).toBe(secondary);
    expect(router.pick([])).toBeUndefined();
  });

  it('fails over when the primary breaker opens, but old payments still go to the primary', async () => {
    const { router, primary, secondary, clock } = setup();
    for (let i = 0; i < 3; i++) router.record('primary', 'vend', TIMEOUT);
    expect(router.pick(['primary', 'secondary'])).toBe(secondary);
    expect(router.get('primary')).toBe(primary); // a payment already sent there is requeried there
    expect(await gaugeValue('primary')).toBe(2);

    clock.advance(10_000);
    expect(router.pick(['primary', 'secondary'])).toBe(primary); // the half-open trial
    expect(await gaugeValue('primary')).toBe(1);
    expect(router.pick(['primary', 'secondary'])).toBe(secondary); // only one trial at a time
    router.record('primary', 'vend', OK);
    expect(router.pick(['primary', 'secondary'])).toBe(primary);
    expect(await gaugeValue('primary')).toBe(0);
  });

  it('returns undefined when every provider is open', () => {
    const { router } = setup();
    for (const name of ['primary', 'secondary'])
      for (let i = 0; i < 3; i++) router.record(name, 'vend', TIMEOUT);
    expect(router.pick(['primary', 'secondary'])).toBeUndefined();
    expect(router.get('secondary')?.name).toBe('secondary');
    expect(router.get('ghost')).toBeUndefined();
  });

  it('customer-caused failures and protocol answers do not open the breaker', () => {
    const { router, primary } = setup();
    const harmless: RecordedResult[] = [
      { outcome: 'failed', code: '016', latencyMs: 5 },
      { outcome: 'failed', code: '013', latencyMs: 5 },
      { outcome: 'failed', code: '011', latencyMs: 5 },
      { outcome: 'unknown', code: '014', latencyMs: 5 },
      { outcome: 'unknown', code: '015', latencyMs: 5 },
      { outcome: 'failed', code: '040', reversed: true, latencyMs: 5 },
    ];
    for (let i = 0; i < 10; i++) for (const r of harmless) router.record('primary', 'vend', r);
    expect(router.pick(['primary'])).toBe(primary);
    expect(router.health()[0]).toMatchObject({ name: 'primary', state: 'closed', successRate: 1, calls: 60 });
  });

  it('classifies faults', () => {
    const fault = (outcome: RecordedResult['outcome'], code?: string) =>
      defaultIsProviderFault('vend', { outcome, ...(code === undefined ? {} : { code }), latencyMs: 1 });
    for (const code of [
      'timeout',
      'network_error',
      'http_5xx',
      'bad_json',
      'unexpected_code:777',
      undefined,
    ]) {
      expect(fault('unknown', code), String(code)).toBe(true);
    }
    for (const code of ['018', '027', '030', '034', '035', '083', '087', '091'])
      expect(fault('failed', code), code).toBe(true);
    for (const code of ['011', '012', '013', '016', '017']) expect(fault('failed', code), code).toBe(false);
    for (const code of ['014', '015', '019', '085']) expect(fault('unknown', code), code).toBe(false);
    expect(fault('success', '000')).toBe(false);
    expect(fault('pending', '099')).toBe(false);
  });

  it('reports health per provider', () => {
    const { router } = setup();
    router.record('primary', 'vend', { ...OK, latencyMs: 100 });
    router.record('primary', 'requery', { ...OK, latencyMs: 300 });
    router.record('primary', 'validate', { outcome: 'unknown', code: 'timeout', latencyMs: 900 });
    expect(router.health()).toEqual([
      {
        name: 'primary',
        state: 'closed',
        successRate: 2 / 3,
        p50Ms: 300,
        p95Ms: 900,
        calls: 3,
        windowCalls: 3,
        consecutiveFailures: 1,
      },
      {
        name: 'secondary',
        state: 'closed',
        successRate: null,
        p50Ms: null,
        p95Ms: null,
        calls: 0,
        windowCalls: 0,
        consecutiveFailures: 0,
      },
    ]);
  });

  it('exports call counts and latency to prom-client', async () => {
    const adapter = fakeAdapter('metrics-test');
    const router = createProviderRouter([adapter]);
    router.record('metrics-test', 'vend', { outcome: 'pending', code: '099', latencyMs: 1_500 });
    router.record('metrics-test', 'vend', { outcome: 'pending', code: '099', latencyMs: 500 });
    const text = await client.register.metrics();
    expect(text).toContain(
      'vendra_provider_calls_total{provider="metrics-test",op="vend",outcome="pending"} 2',
    );
    expect(text).toContain('vendra_provider_latency_seconds_count{provider="metrics-test",op="vend"} 2');
    expect(text).toContain('vendra_provider_latency_seconds_sum{provider="metrics-test",op="vend"} 2');
    expect(text).toContain('vendra_provider_breaker_state{provider="metrics-test"} 0');
  });

  it('registers its metrics once even when the module is loaded again', async () => {
    const first = await import('./metrics.js');
    vi.resetModules();
    const second = await import('./metrics.js');
    expect(second.providerCalls).toBe(first.providerCalls);
  });

  it('refuses duplicate names and records for unknown providers', () => {
    expect(() => createProviderRouter([fakeAdapter('x'), fakeAdapter('x')])).toThrow(RangeError);
    expect(() => setup().router.record('ghost', 'vend', OK)).toThrow(RangeError);
  });
});
