/**
 * The inbound rail's gateway webhooks: a dedicated account assigned (or not)
 * and a bank transfer that landed on one. Each applies its event and logs the
 * webhook in one transaction, as every gateway handler does.
 */
import type { AppContext } from '../context.js';
import { assignAccount, failAssignment } from './funding-accounts.js';
import { fundingProviderOf } from './funding-provider.js';
import { receiveInboundTransfer } from './inbound-transfers.js';
import { type GatewayWebhookBody, recordWebhook } from './webhook-log.js';

export async function receiveFundingWebhook(ctx: AppContext, body: GatewayWebhookBody): Promise<string> {
  const event = fundingProviderOf(ctx).parseEvent(body);
  if (event?.kind === 'inbound') return receiveInboundTransfer(ctx, body, event);
  return ctx.db.transaction(async (tx) => {
    const outcome =
      event?.kind === 'assigned'
        ? await assignAccount(tx, event.customerRef, event.account)
        : event?.kind === 'assign_failed'
          ? await failAssignment(tx, event.customerRef, event.reason)
          : 'invalid';
    await recordWebhook(tx, body, outcome);
    return outcome;
  });
}

/** charge.success is a card deposit's or a bank transfer's: Paystack tells them apart by channel. */
export const isBankTransferCharge = (body: GatewayWebhookBody) => body.data?.channel === 'dedicated_nuban';
