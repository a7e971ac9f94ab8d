/**
 * Wallet metrics on the process-wide prom-client registry, created once even
 * when the module is loaded twice (tests), which prom-client would reject.
 */
import client from 'prom-client';

export const gatewayWebhooksRejected =
  (client.register.getSingleMetric('vendra_gateway_webhooks_rejected_total') as
    | client.Counter<'reason'>
    | undefined) ??
  new client.Counter({
    name: 'vendra_gateway_webhooks_rejected_total',
    help: 'Gateway webhooks refused before anything was read or stored, by reason (bad_signature)',
    labelNames: ['reason'] as const,
  });
