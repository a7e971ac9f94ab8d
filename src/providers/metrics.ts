/**
 * Provider metrics on the process-wide prom-client registry. Created once at
 * module level; getSingleMetric guards against a second registration when
 * the module is loaded twice (tests, tsx reloads), which prom-client rejects.
 */
import client from 'prom-client';
import type { BreakerState } from './breaker.js';

function once<T extends client.Metric>(name: string, make: () => T): T {
  return (client.register.getSingleMetric(name) as T | undefined) ?? make();
}

export const providerCalls = once(
  'vendra_provider_calls_total',
  () =>
    new client.Counter({
      name: 'vendra_provider_calls_total',
      help: 'Calls to bill-payment providers by operation and outcome',
      labelNames: ['provider', 'op', 'outcome'] as const,
    }),
);

export const providerLatency = once(
  'vendra_provider_latency_seconds',
  () =>
    new client.Histogram({
      name: 'vendra_provider_latency_seconds',
      help: 'Latency of calls to bill-payment providers',
      labelNames: ['provider', 'op'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60],
    }),
);

export const providerBreakerState = once(
  'vendra_provider_breaker_state',
  () =>
    new client.Gauge({
      name: 'vendra_provider_breaker_state',
      help: 'Circuit breaker state per provider: 0 closed, 1 half-open, 2 open',
      labelNames: ['provider'] as const,
    }),
);

export const BREAKER_STATE_VALUE: Readonly<Record<BreakerState, number>> = {
  closed: 0,
  'half-open': 1,
  open: 2,
};
