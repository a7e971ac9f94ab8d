/**
 * The Paystack clients the gateway (dedicated accounts) and the payouts use:
 * api.paystack.co (or PAYSTACK_BASE_URL) for a rail in `paystack` mode, the
 * in-process Paystack-compatible simulator for a rail in `sandbox` mode. The
 * simulator signs its webhooks with the gateway secret, as Paystack signs
 * with the secret key, and hands them to the sink set once the context
 * exists (the webhook handler needs it).
 */
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import { createPaystackClient, type PaystackClient } from './client.js';
import { SIM_ROUTES } from './sim/routes.js';
import { type PaystackSim, startPaystackSim, type WebhookSink } from './sim/server.js';
import { configureTransferSim } from './sim/transfers.js';

export interface PaystackRuntime {
  /** For dedicated virtual accounts (GATEWAY_MODE). */
  gateway: PaystackClient;
  /** For transfers, banks and account resolution (PAYOUT_MODE); undefined when payouts are disabled. */
  payouts: PaystackClient | undefined;
  /** The in-process simulator, when any rail is in sandbox mode. */
  sim: PaystackSim | undefined;
  /** Where the simulator's webhooks go; until set they are dropped (as an unreachable URL drops them). */
  setWebhookSink(sink: WebhookSink): void;
  close(): Promise<void>;
}

export async function startPaystack(
  config: Pick<
    Config,
    'gatewayMode' | 'payoutMode' | 'gatewaySecret' | 'paystackSecretKey' | 'paystackBaseUrl'
  > &
    Partial<Pick<Config, 'payoutSimPendingMs'>>,
  db: Db,
  options: { webhookDelayMs?: number } = {},
): Promise<PaystackRuntime> {
  const needsSim = config.gatewayMode === 'sandbox' || config.payoutMode === 'sandbox';
  let sink: WebhookSink | undefined;
  const sim = needsSim
    ? await startPaystackSim(
        {
          db,
          secretKey: config.gatewaySecret,
          deliver: async (raw, signature) => sink?.(raw, signature),
          webhookDelayMs: options.webhookDelayMs,
        },
        SIM_ROUTES,
      )
    : undefined;
  if (sim && config.payoutMode === 'sandbox' && config.payoutSimPendingMs !== undefined)
    await configureTransferSim(db, { pendingMs: config.payoutSimPendingMs });
  const simClient = sim
    ? createPaystackClient({ baseUrl: sim.url, secretKey: config.gatewaySecret })
    : undefined;
  const real = config.paystackSecretKey
    ? createPaystackClient({ baseUrl: config.paystackBaseUrl, secretKey: config.paystackSecretKey })
    : undefined;
  const pick = (mode: string) => (mode === 'paystack' ? real : mode === 'sandbox' ? simClient : undefined);
  const gateway = pick(config.gatewayMode);
  if (!gateway) throw new Error('startPaystack: GATEWAY_MODE=paystack needs PAYSTACK_SECRET_KEY');
  return {
    gateway,
    payouts: pick(config.payoutMode),
    sim,
    setWebhookSink(next) {
      sink = next;
    },
    async close() {
      await sim?.close();
    },
  };
}
