/**
 * Deposits are never stuck. A card deposit still pending after its checkout
 * window (DEPOSIT_VERIFY_AFTER_MS) is verified with the gateway
 * (`GET /transaction/verify/{reference}`) and settled by the same function as
 * the webhook (applyGatewayEvent: the deposit row is locked and only a
 * pending one changes), so a verify that races the webhook, or another
 * verify, credits once. A deposit the gateway does not know, or calls
 * abandoned, after DEPOSIT_ABANDON_AFTER_MS is failed; anything else (the
 * gateway pending, unreachable, or refusing) is asked again later, never
 * settled on a guess.
 */
import client from 'prom-client';
import type { AppContext } from '../context.js';
import { PaystackRefused } from '../paystack/index.js';
import { applyGatewayEvent, type DepositRow, type GatewayEvent, type WebhookOutcome } from './deposits.js';

/** Most deposits verified per run: the task runs again at once while there are more. */
export const DEPOSIT_VERIFY_BATCH = 50;
/** A deposit left pending is asked again after this, doubling per attempt up to the maximum. */
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 3_600_000;

export type VerifyOutcome = WebhookOutcome | 'still_pending' | 'abandoned' | 'unavailable';

const verifications =
  (client.register.getSingleMetric('vendra_deposit_verifications_total') as
    | client.Counter<'outcome'>
    | undefined) ??
  new client.Counter({
    name: 'vendra_deposit_verifications_total',
    help: 'Pending card deposits verified with the gateway, by outcome (credited: credited without a webhook)',
    labelNames: ['outcome'] as const,
  });

const creditedWithoutWebhook =
  (client.register.getSingleMetric('vendra_deposits_credited_without_webhook_total') as
    | client.Counter
    | undefined) ??
  new client.Counter({
    name: 'vendra_deposits_credited_without_webhook_total',
    help: 'Card deposits credited by a verify with the gateway because their webhook never arrived',
  });

/** What Paystack's transaction verify answers (the fields we read). */
interface GatewayTransaction {
  id?: number;
  status?: string;
  reference?: string;
  amount?: number;
  currency?: string;
  gateway_response?: string;
  /** A card charge's reusable authorization (saved cards read it from the deposit's event). */
  authorization?: unknown;
}

type Answer = { found: GatewayTransaction } | { notFound: true } | { unavailable: string };

async function askGateway(ctx: AppContext, reference: string): Promise<Answer> {
  const gateway = ctx.paystack?.gateway;
  if (!gateway) return { unavailable: 'no gateway client' };
  try {
    const res = await gateway.call<GatewayTransaction>(
      'GET',
      `/transaction/verify/${encodeURIComponent(reference)}`,
    );
    return res.data ? { found: res.data } : { unavailable: 'verify answered no data' };
  } catch (error) {
    // Paystack answers 400 "Transaction reference not found" for a reference it never saw.
    if (error instanceof PaystackRefused && (error.httpStatus === 404 || /not found/i.test(error.message)))
      return { notFound: true };
    return { unavailable: (error as Error).message };
  }
}

/** Asks about the deposit again later (backoff per attempt), if it is still pending. */
async function postpone(ctx: AppContext, depositId: string): Promise<void> {
  await ctx.db.query(
    `UPDATE wallets.deposits
        SET verify_attempts = verify_attempts + 1,
            next_verify_at = now() + make_interval(secs => LEAST($2::double precision,
              $3::double precision * power(2, LEAST(verify_attempts, 20))) / 1000)
      WHERE id = $1 AND status = 'pending'`,
    [depositId, RETRY_MAX_MS, RETRY_BASE_MS],
  );
}

/** A charge event built from the gateway's verify answer, marked as such in the deposit's stored event. */
const eventOf = (kind: 'charge.success' | 'charge.failed', t: GatewayTransaction, reference: string) =>
  ({
    event: kind,
    via: 'verify',
    data: {
      reference,
      amount: t.amount,
      currency: t.currency,
      status: t.status,
      id: t.id,
      ...(t.authorization ? { authorization: t.authorization } : {}),
    },
  }) satisfies GatewayEvent;

/**
 * Verifies one pending deposit with the gateway and settles it as its
 * webhook would have. `abandonAfterMs`: how old a deposit the gateway does
 * not know (or calls abandoned) must be before it is failed.
 */
export async function verifyDeposit(
  ctx: AppContext,
  deposit: Pick<DepositRow, 'id' | 'reference' | 'created_at'>,
  abandonAfterMs: number,
  now = new Date(),
): Promise<VerifyOutcome> {
  const answer = await askGateway(ctx, deposit.reference);
  let outcome: VerifyOutcome;
  if ('unavailable' in answer) {
    ctx.log.warn({ reference: deposit.reference, reason: answer.unavailable }, 'deposit verify: no answer');
    outcome = 'unavailable';
  } else {
    const status = 'found' in answer ? answer.found.status : 'not_found';
    if (status === 'success' && 'found' in answer)
      outcome = await applyGatewayEvent(ctx, eventOf('charge.success', answer.found, deposit.reference));
    else if (status === 'failed' && 'found' in answer)
      outcome = await applyGatewayEvent(ctx, eventOf('charge.failed', answer.found, deposit.reference));
    else if (
      (status === 'abandoned' || status === 'not_found') &&
      now.getTime() - deposit.created_at.getTime() >= abandonAfterMs
    ) {
      const seen = 'found' in answer ? answer.found : { status: 'abandoned' };
      const failed = await applyGatewayEvent(ctx, eventOf('charge.failed', seen, deposit.reference));
      outcome = failed === 'failed' ? 'abandoned' : failed;
    } else outcome = 'still_pending'; // ongoing, pending, processing, queued, or not paid yet
  }
  if (outcome === 'still_pending' || outcome === 'unavailable') await postpone(ctx, deposit.id);
  verifications.inc({ outcome });
  if (outcome === 'credited') {
    creditedWithoutWebhook.inc();
    ctx.log.info({ reference: deposit.reference }, 'deposit credited by verify: its webhook never came');
  }
  return outcome;
}

/**
 * The worker task: verifies the pending card deposits whose checkout window
 * has passed, oldest first, at most DEPOSIT_VERIFY_BATCH per run. Returns how
 * many it asked about.
 */
export async function verifyPendingDeposits(
  ctx: AppContext,
  options: { olderThanMs?: number; abandonAfterMs?: number; limit?: number } = {},
): Promise<number> {
  const olderThanMs = options.olderThanMs ?? ctx.config.depositVerifyAfterMs;
  const abandonAfterMs = options.abandonAfterMs ?? ctx.config.depositAbandonAfterMs;
  const limit = Math.min(Math.max(options.limit ?? DEPOSIT_VERIFY_BATCH, 1), DEPOSIT_VERIFY_BATCH);
  const { rows } = await ctx.db.query<Pick<DepositRow, 'id' | 'reference' | 'created_at'>>(
    `SELECT id, reference, created_at FROM wallets.deposits
      WHERE status = 'pending' AND channel = 'card'
        AND created_at <= now() - make_interval(secs => $1::double precision / 1000)
        AND (next_verify_at IS NULL OR next_verify_at <= now())
      ORDER BY created_at LIMIT $2`,
    [olderThanMs, limit],
  );
  for (const deposit of rows) await verifyDeposit(ctx, deposit, abandonAfterMs);
  return rows.length;
}
