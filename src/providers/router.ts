/**
 * Chooses the provider for a new payment (first healthy one in the caller's
 * priority order) and keeps per-provider breakers and health stats.
 *
 * A payment already sent to a provider is never moved: `get` returns that
 * provider whatever its breaker says, because only it can tell what happened
 * (requery), and sending the payment elsewhere could deliver it twice.
 */
import { type BreakerOptions, type BreakerState, createBreaker, type Breaker } from './breaker.js';
import { BREAKER_STATE_VALUE, providerBreakerState, providerCalls, providerLatency } from './metrics.js';
import type { Outcome, ProviderAdapter, ProviderOp } from './types.js';

/** What the router needs of a result: VendResult and ValidateResult both fit. */
export interface RecordedResult {
  outcome: Outcome;
  code?: string;
  reversed?: boolean;
  /** The provider answered that the customer does not exist (validation): never its fault. */
  customerNotFound?: boolean;
  latencyMs: number;
}

export interface RouterOptions extends BreakerOptions {
  /** Does this result count against the provider? Default: defaultIsProviderFault. */
  isFailure?: (op: ProviderOp, result: RecordedResult) => boolean;
}

export interface ProviderHealth {
  name: string;
  state: BreakerState;
  /** Share of calls in the window that did not count against the provider; null with none. */
  successRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Calls recorded since start. */
  calls: number;
  windowCalls: number;
  consecutiveFailures: number;
}

export interface ProviderRouter {
  /** The first provider in priority order whose breaker accepts a NEW payment; undefined if none. */
  pick(priorityList: readonly string[]): ProviderAdapter | undefined;
  /** The adapter for a payment already sent to `name`, whatever its breaker says. */
  get(name: string): ProviderAdapter | undefined;
  /** Feeds the breaker, the stats and the metrics with a finished call. */
  record(name: string, op: ProviderOp, result: RecordedResult): void;
  health(): ProviderHealth[];
}

/** Answers that prove the provider is up and talking: the protocol says "requery", not "broken". */
const PROTOCOL_UNKNOWN = new Set(['014', '015', '019', '085']);
/**
 * Refusals that say the provider itself cannot serve (float too low, IP not
 * whitelisted, biller unreachable, suspended, inactive, system error, bad
 * credentials, not processed): another provider may well succeed.
 */
const PROVIDER_REFUSALS = new Set(['018', '027', '030', '034', '035', '083', '087', '091']);

/**
 * Default fault rule: no answer or an unreadable one (timeout, transport
 * error, 5xx, bad JSON, an undocumented code) counts, and so does a refusal
 * on the provider's side. A definite answer about the customer or the
 * request (unknown meter, below minimum, failed vend, reversal) never does:
 * otherwise anyone could open the breaker by asking about invalid meters.
 */
export function defaultIsProviderFault(_op: ProviderOp, result: RecordedResult): boolean {
  if (result.customerNotFound) return false;
  if (result.outcome === 'unknown') return !(result.code !== undefined && PROTOCOL_UNKNOWN.has(result.code));
  if (result.outcome === 'failed') {
    if (result.reversed) return false;
    return result.code !== undefined && PROVIDER_REFUSALS.has(result.code);
  }
  return false;
}

export function createProviderRouter(
  adapters: readonly ProviderAdapter[],
  breakerOptions: RouterOptions = {},
): ProviderRouter {
  const isFailure = breakerOptions.isFailure ?? defaultIsProviderFault;
  const entries = new Map<string, { adapter: ProviderAdapter; breaker: Breaker }>();
  for (const adapter of adapters) {
    if (entries.has(adapter.name)) throw new RangeError(`router: two providers named "${adapter.name}"`);
    const gauge = (state: BreakerState) =>
      providerBreakerState.set({ provider: adapter.name }, BREAKER_STATE_VALUE[state]);
    const breaker = createBreaker(breakerOptions, gauge);
    gauge('closed');
    entries.set(adapter.name, { adapter, breaker });
  }

  return {
    pick(priorityList) {
      for (const name of priorityList) {
        const entry = entries.get(name);
        if (entry?.breaker.tryAcquire()) return entry.adapter;
      }
      return undefined;
    },

    get(name) {
      return entries.get(name)?.adapter;
    },

    record(name, op, result) {
      const entry = entries.get(name);
      if (!entry) throw new RangeError(`router: no provider named "${name}"`);
      entry.breaker.record({ failure: isFailure(op, result), latencyMs: result.latencyMs });
      providerCalls.inc({ provider: name, op, outcome: result.outcome });
      providerLatency.observe({ provider: name, op }, result.latencyMs / 1000);
    },

    health() {
      return [...entries.entries()].map(([name, { breaker }]) => {
        const s = breaker.stats();
        providerBreakerState.set({ provider: name }, BREAKER_STATE_VALUE[s.state]);
        return {
          name,
          state: s.state,
          successRate: s.successRate,
          p50Ms: s.p50Ms,
          p95Ms: s.p95Ms,
          calls: s.calls,
          windowCalls: s.windowCalls,
          consecutiveFailures: s.consecutiveFailures,
        };
      });
    },
  };
}
