import type { AppContext } from '../context.js';

/** Fast timings for tests: the same state machine, seconds instead of minutes. */
export const FAST_PROVIDER_ENV: Record<string, string> = {
  PROVIDER_TIMEOUT_MS: '400',
  PROVIDER_SIM_TIMEOUT_MS: '1200',
  PROVIDER_SIM_PENDING_MS: '700',
  PROVIDER_SIM_REVERSAL_MS: '700',
  PROVIDER_UNKNOWN_GRACE_MS: '1200',
  PROVIDER_REQUERY_BASE_MS: '150',
  PROVIDER_REQUERY_MAX_MS: '400',
  PROVIDER_RESOLVE_LIMIT_MS: '60000',
  PROVIDER_BREAKER_FAILURES: '1000',
};

/** Vend calls the simulators received for a provider reference (a correct system makes exactly one). */
export function vendCalls(ctx: AppContext, reference: string): number {
  return (ctx.providers?.sims ?? []).reduce(
    (n, sim) => n + sim.calls({ requestId: reference }).filter((c) => c.endpoint === '/api/pay').length,
    0,
  );
}
