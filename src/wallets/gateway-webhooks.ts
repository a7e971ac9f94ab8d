import type { AppContext } from '../context.js';

/** A signed webhook, as received, for operators. */
export async function recordWebhook(
  ctx: AppContext,
  body: { event?: string; data?: Record<string, unknown> },
  outcome: string,
) {
  await ctx.db.query(
    `INSERT INTO wallets.gateway_webhooks (signature_ok, event, reference, outcome, body) VALUES (true, $1, $2, $3, $4)`,
    [
      String(body?.event ?? '').slice(0, 64),
      String(body?.data?.reference ?? '').slice(0, 64),
      outcome,
      JSON.stringify(body),
    ],
  );
}
