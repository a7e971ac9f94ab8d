/**
 * Paystack sends every event (charges, dedicated accounts, transfers) to one
 * webhook URL. This verifies the signature, dispatches the event to the
 * handler its name selects, and logs the webhook in the handler's
 * transaction, so no state changes without its log row.
 */
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { receiveChargeEvent } from './deposits.js';
import { isBankTransferCharge, receiveFundingWebhook } from './funding-webhooks.js';
import { verifyWebhookSignature } from './gateway.js';
import { gatewayWebhooksRejected } from './metrics.js';
import { receiveTransferEvent } from './payouts-webhooks.js';
import { type GatewayWebhookBody, recordWebhook } from './webhook-log.js';

/**
 * A handler applies one kind of event and records the webhook (recordWebhook)
 * in the same transaction; it answers a short outcome word for the log and
 * the gateway (credited, duplicate, flagged, ignored...).
 */
export type GatewayEventHandler = (ctx: AppContext, body: GatewayWebhookBody) => Promise<string>;

/** Event name -> handler. An event not listed is logged and answered `ignored`. */
const HANDLERS: Record<string, GatewayEventHandler> = {
  'charge.success': (ctx, body) =>
    isBankTransferCharge(body) ? receiveFundingWebhook(ctx, body) : receiveChargeEvent(ctx, body),
  'charge.failed': receiveChargeEvent,
  'dedicatedaccount.assign.success': receiveFundingWebhook,
  'dedicatedaccount.assign.failed': receiveFundingWebhook,
  'transfer.success': receiveTransferEvent,
  'transfer.failed': receiveTransferEvent,
  'transfer.reversed': receiveTransferEvent,
};

/**
 * Verifies and applies a gateway webhook from its raw body and
 * `x-paystack-signature`; throws 401 invalid_signature (logged and counted,
 * nothing stored: anyone can send these). The HTTP route and the in-process
 * sandbox gateway both come through here.
 */
export async function handleGatewayWebhook(
  ctx: AppContext,
  rawBody: string,
  signature: unknown,
  log: { warn(fields: object, message: string): void } = ctx.log,
): Promise<string> {
  let body: GatewayWebhookBody;
  try {
    body = JSON.parse(rawBody) as GatewayWebhookBody;
  } catch {
    throw new AppError('validation_failed', 'The webhook body is not JSON');
  }
  if (!verifyWebhookSignature(ctx.config.gatewaySecret, rawBody, signature)) {
    gatewayWebhooksRejected.inc({ reason: 'bad_signature' });
    log.warn(
      {
        event: String(body?.event ?? '').slice(0, 64),
        reference: String(body?.data?.reference ?? '').slice(0, 64),
      },
      'gateway webhook with a bad signature',
    );
    throw new AppError('invalid_signature', 'The webhook signature does not match');
  }
  const handler = HANDLERS[String(body?.event ?? '')];
  if (!handler) {
    await ctx.db.transaction((tx) => recordWebhook(tx, body, 'ignored'));
    return 'ignored';
  }
  return handler(ctx, body);
}
