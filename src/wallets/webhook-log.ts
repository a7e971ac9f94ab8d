import type { Tx } from '../db/index.js';

/** The body of a gateway webhook: Paystack's `{event, data}`. */
export interface GatewayWebhookBody {
  event?: string;
  data?: Record<string, unknown>;
}

/** A signed webhook, as received, for operators: written in the transaction that applies its event. */
export async function recordWebhook(tx: Tx, body: GatewayWebhookBody, outcome: string) {
  await tx.query(
    `INSERT INTO wallets.gateway_webhooks (signature_ok, event, reference, outcome, body) VALUES (true, $1, $2, $3, $4)`,
    [
      String(body?.event ?? '').slice(0, 64),
      String(body?.data?.reference ?? '').slice(0, 64),
      outcome,
      JSON.stringify(body),
    ],
  );
}
