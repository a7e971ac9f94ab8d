import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { publishCoalesced } from '../outbox/index.js';
import { parseVtpassWebhook } from '../providers/index.js';
import { loadPaymentByRef, type PaymentStatus } from './payments.js';

/** Payments a provider hint can still change: sent and unresolved, or delivered (it may be reversed). */
const HINTABLE: readonly PaymentStatus[] = ['processing', 'needs_review', 'succeeded'];

/** Where VTpass (or the sandbox simulators) must send webhooks: the secret path when one is configured. */
export function vtpassWebhookPath(config: Pick<Config, 'vtpassWebhookSecret'>): string {
  const secret = config.vtpassWebhookSecret;
  return secret ? `/v1/webhooks/vtpass/${encodeURIComponent(secret)}` : '/v1/webhooks/vtpass';
}

/** Compares a presented path secret with the configured one in constant time (digests of equal length). */
export function webhookSecretMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(expected), digest(presented));
}

/**
 * A VTpass webhook is a hint: it asks for one requery of the payment, never
 * settles it. However many hints arrive, at most one check per payment is
 * outstanding (publishCoalesced), so webhooks cannot drive provider traffic.
 */
export async function acceptVtpassHint(ctx: AppContext, body: unknown): Promise<void> {
  const hint = parseVtpassWebhook(body);
  if (!hint) return;
  const p = await loadPaymentByRef(ctx.db, hint.reference);
  if (!p?.sent_at || !HINTABLE.includes(p.status)) return;
  await ctx.db.transaction((tx) =>
    publishCoalesced(tx, {
      type: 'bill_payment.check',
      key: p.id,
      userId: p.user_id,
      payload: { paymentId: p.id, hint: hint.type },
    }),
  );
}
