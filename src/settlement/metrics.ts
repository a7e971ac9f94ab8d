/** Float gauges on the process-wide prom-client registry (created once, like the provider metrics). */
import client from 'prom-client';

function once<T extends client.Metric>(name: string, make: () => T): T {
  return (client.register.getSingleMetric(name) as T | undefined) ?? make();
}

export const floatMinor = once(
  'vendra_provider_float_minor',
  () =>
    new client.Gauge({
      name: 'vendra_provider_float_minor',
      help: 'Float held with a bill provider in minor units, by our ledger (ours) and by the provider (theirs)',
      labelNames: ['provider', 'side'] as const,
    }),
);

export const floatDrift = once(
  'vendra_provider_float_drift_minor',
  () =>
    new client.Gauge({
      name: 'vendra_provider_float_drift_minor',
      help: "The provider's balance minus our float account, minor units, at the last check",
      labelNames: ['provider'] as const,
    }),
);
