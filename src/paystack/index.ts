/** Paystack: the HTTP client every Paystack adapter uses, and the Paystack-compatible simulator. */
export {
  createPaystackClient,
  PAYSTACK_API_URL,
  PAYSTACK_TIMEOUT_MS,
  type PaystackClient,
  type PaystackClientOptions,
  type PaystackEnvelope,
  PaystackRefused,
  PaystackUnavailable,
} from './client.js';
export {
  type ChargeAuthorizationInput,
  type ChargedTransaction,
  chargeAuthorization,
} from './charges.js';
export {
  ok,
  type PaystackSim,
  type PaystackSimOptions,
  refuse,
  type SimContext,
  type SimRoutes,
  signPaystack,
  startPaystackSim,
  type WebhookSink,
} from './sim/server.js';
export { type PaystackRuntime, startPaystack } from './runtime.js';
export { SIM_ROUTES } from './sim/routes.js';
