/** Bill-payment providers: the adapter interface, VTpass, routing with breakers, the simulator. */
export type {
  BalanceResult,
  Outcome,
  OutstandingBill,
  ProviderAdapter,
  ProviderOp,
  ValidateResult,
  Variation,
  VendRequest,
  VendResult,
  WebhookHint,
} from './types.js';
export { ProviderError } from './types.js';
export { formatMinor, maxBigint, minBigint, parseMajorToMinor } from './amount.js';
export { lagosDate, lagosStamp, parseLagosStamp } from './lagos-time.js';
export {
  type CatalogueService,
  type CatalogueVariation,
  type ServiceCategory,
  VTPASS_CATALOGUE,
  findService,
  findVariation,
} from './catalogue.js';
export {
  DEFAULT_PROVIDER_TIMEOUT_MS,
  VTPASS_REFERENCE,
  type VtpassAdapterOptions,
  createVtpassAdapter,
  mapBalanceResponse,
  mapValidateResponse,
  mapVariationsResponse,
  mapVendResponse,
  parseVtpassWebhook,
  vtpassOptionsFromEnv,
  vtpassRequestId,
} from './vtpass.js';
export {
  type Breaker,
  type BreakerOptions,
  type BreakerState,
  type BreakerStats,
  createBreaker,
} from './breaker.js';
export {
  type ProviderHealth,
  type ProviderRouter,
  type RecordedResult,
  type RouterOptions,
  createProviderRouter,
  defaultIsProviderFault,
} from './router.js';
export { providerBreakerState, providerCalls, providerLatency } from './metrics.js';
export {
  type SimCall,
  type SimOptions,
  type ProviderSim,
  SANDBOX_CREDENTIALS,
  startProviderSim,
} from './sim/server.js';
export { type SimKnobs, type SimProfile, DEFAULT_KNOBS } from './sim/knobs.js';
export { simOptionsFromEnv } from './sim/env.js';
export { type ProviderRuntime, startProviders } from './runtime.js';
