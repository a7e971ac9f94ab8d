import client from 'prom-client';

/** One registry for the process; metrics are module-level so that tests building several apps share them. */
export const registry = client.register;
client.collectDefaultMetrics({ register: registry });

export const httpDuration = new client.Histogram({
  name: 'vendra_http_request_duration_seconds',
  help: 'HTTP request latency by route',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});
