/**
 * A circuit breaker with rolling health stats, one per provider.
 *
 *   closed --(N consecutive faults, or >= ratio of >= M calls in the window)--> open
 *   open --(cooldownMs elapsed)--> half-open: exactly one trial call is let through
 *   half-open --(a success)--> closed;  --(a fault)--> open again
 *
 * The breaker only decides whether NEW payments may go to a provider. Calls
 * about payments already sent (requery) go through whatever it says: they
 * still feed the stats, and a result recorded while half-open decides the
 * trial just as the trial's own would.
 */

export type BreakerState = 'closed' | 'half-open' | 'open';

export interface BreakerOptions {
  /** Consecutive faults that open the breaker. Default 5. */
  consecutiveFailures?: number;
  /** Rolling window for the failure ratio and the stats. Default 60 s. */
  windowMs?: number;
  /** The ratio rule applies only with at least this many calls in the window. Default 20. */
  minCallsInWindow?: number;
  /** Fault share (0..1] that opens the breaker. Default 0.5. */
  failureRatio?: number;
  /** Time open before one trial is allowed. Default 30 s. */
  cooldownMs?: number;
  /** A trial that never reports back frees its slot after this. Default 60 s. */
  trialTimeoutMs?: number;
  /** Samples kept for the window (oldest dropped first). Default 10,000. */
  maxSamples?: number;
  /** Injectable clock (ms). Default Date.now. */
  now?: () => number;
}

export interface BreakerStats {
  state: BreakerState;
  /** Calls recorded since creation. */
  calls: number;
  windowCalls: number;
  windowFailures: number;
  /** Share of window calls that did not count against the provider; null with no calls. */
  successRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  consecutiveFailures: number;
}

export interface Breaker {
  /** The current state (an open breaker whose cooldown has passed reports half-open). */
  state(): BreakerState;
  /** May a new payment go to this provider? In half-open this takes the single trial slot. */
  tryAcquire(): boolean;
  /** A finished call: `failure` is true when it counts against the provider. */
  record(sample: { failure: boolean; latencyMs: number }): void;
  stats(): BreakerStats;
}

interface Sample {
  atMs: number;
  failure: boolean;
  latencyMs: number;
}

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`breaker: ${name} must be a positive integer`);
  return value;
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** The options with their defaults, each checked (a bad value throws at creation, not on a call). */
function breakerSettings(options: BreakerOptions) {
  const consecutiveLimit = positiveInt('consecutiveFailures', options.consecutiveFailures ?? 5);
  const windowMs = positiveInt('windowMs', options.windowMs ?? 60_000);
  const minCalls = positiveInt('minCallsInWindow', options.minCallsInWindow ?? 20);
  const cooldownMs = positiveInt('cooldownMs', options.cooldownMs ?? 30_000);
  const trialTimeoutMs = positiveInt('trialTimeoutMs', options.trialTimeoutMs ?? 60_000);
  const maxSamples = positiveInt('maxSamples', options.maxSamples ?? 10_000);
  const failureRatio = options.failureRatio ?? 0.5;
  if (!(failureRatio > 0 && failureRatio <= 1))
    throw new RangeError('breaker: failureRatio must be in (0, 1]');
  const now = options.now ?? Date.now;
  return { consecutiveLimit, windowMs, minCalls, cooldownMs, trialTimeoutMs, maxSamples, failureRatio, now };
}

export function createBreaker(
  options: BreakerOptions = {},
  onStateChange?: (state: BreakerState) => void,
): Breaker {
  const { consecutiveLimit, windowMs, minCalls, cooldownMs, trialTimeoutMs, maxSamples, failureRatio, now } =
    breakerSettings(options);

  let state: BreakerState = 'closed';
  let openedAtMs = 0;
  /** When the trial slot was handed out in half-open; undefined when free. */
  let trialAtMs: number | undefined;
  /** Only samples after the last close count for the ratio: old faults must not re-open it at once. */
  let closedAtMs = Number.NEGATIVE_INFINITY;
  let consecutive = 0;
  let calls = 0;
  const samples: Sample[] = [];

  function moveTo(next: BreakerState): void {
    if (next === state) return;
    state = next;
    if (next === 'open') openedAtMs = now();
    if (next === 'closed') {
      closedAtMs = now();
      consecutive = 0;
    }
    trialAtMs = undefined;
    onStateChange?.(next);
  }

  /** open -> half-open once the cooldown has passed (evaluated lazily, no timers). */
  function refresh(): void {
    if (state === 'open' && now() - openedAtMs >= cooldownMs) moveTo('half-open');
  }

  function prune(): void {
    const oldest = now() - windowMs;
    let drop = 0;
    while (drop < samples.length && (samples[drop] as Sample).atMs < oldest) drop++;
    if (drop > 0) samples.splice(0, drop);
  }

  function ratioTripped(): boolean {
    let total = 0;
    let failures = 0;
    for (const s of samples) {
      if (s.atMs < closedAtMs) continue;
      total++;
      if (s.failure) failures++;
    }
    return total >= minCalls && failures >= failureRatio * total;
  }

  return {
    state() {
      refresh();
      return state;
    },

    tryAcquire() {
      refresh();
      if (state === 'closed') return true;
      if (state === 'open') return false;
      const t = now();
      if (trialAtMs !== undefined && t - trialAtMs < trialTimeoutMs) return false;
      trialAtMs = t;
      return true;
    },

    record({ failure, latencyMs }) {
      if (!Number.isFinite(latencyMs) || latencyMs < 0)
        throw new RangeError('breaker: latencyMs must be >= 0');
      refresh();
      calls++;
      samples.push({ atMs: now(), failure, latencyMs });
      if (samples.length > maxSamples) samples.splice(0, samples.length - maxSamples);
      prune();
      consecutive = failure ? consecutive + 1 : 0;
      if (state === 'half-open') {
        moveTo(failure ? 'open' : 'closed');
      } else if (state === 'closed' && failure && (consecutive >= consecutiveLimit || ratioTripped())) {
        moveTo('open');
      }
    },

    stats() {
      refresh();
      prune();
      const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
      const failures = samples.reduce((n, s) => n + (s.failure ? 1 : 0), 0);
      return {
        state,
        calls,
        windowCalls: samples.length,
        windowFailures: failures,
        successRate: samples.length === 0 ? null : (samples.length - failures) / samples.length,
        p50Ms: percentile(latencies, 50),
        p95Ms: percentile(latencies, 95),
        consecutiveFailures: consecutive,
      };
    },
  };
}
