import { billConsumers } from './bills/index.js';
import type { AppContext } from './context.js';
import { disputeConsumers } from './disputes/index.js';
import { notificationConsumers } from './notifications/index.js';
import type { Consumer } from './outbox/index.js';
import { promotionConsumers } from './promotions/index.js';
import { payoutProviderOf, walletConsumers } from './wallets/index.js';

/**
 * Every outbox consumer in the system: the static subscription map. Every
 * process that publishes (API, worker, CLI) passes this list to
 * defineConsumers() at startup, so publish() creates the right deliveries;
 * the worker also runs them.
 */
export function allConsumers(ctx: AppContext): Consumer[] {
  // Paystack Transfers (api.paystack.co, or the simulator in sandbox mode); none when disabled.
  return [
    ...walletConsumers(ctx, payoutProviderOf(ctx)),
    ...billConsumers(ctx),
    ...disputeConsumers(ctx),
    ...notificationConsumers(ctx),
    ...promotionConsumers(ctx),
  ];
}
