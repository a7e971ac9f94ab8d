/**
 * The simulator's knobs: behaviour that can change while it runs (POST
 * /_sim/knobs, setKnobs) and their environment variables for main.ts.
 */
import { ConfigError, floatVar, intVar, oneOf } from '../../config.js';

export type SimProfile = 'default' | 'vtpass-sandbox';
export const SIM_PROFILES: readonly SimProfile[] = ['default', 'vtpass-sandbox'];

export interface SimKnobs {
  /** Delay before every /api/* answer. */
  latencyMs: number;
  /** Share of ordinary /api/pay calls that fail with 016. */
  failureRate: number;
  /** Share of ordinary /api/pay calls answered 099 and delivered pendingMs later. */
  pendingRate: number;
  /** Share of ordinary /api/pay calls that vend but never answer (socket destroyed). */
  lostResponseRate: number;
  /** How long a pending transaction stays pending. */
  pendingMs: number;
  /** How late the answer for 300000000000 comes (past the client's timeout). */
  timeoutMs: number;
  /** How long after delivery 4444444444444 is reversed. */
  reversalMs: number;
  /** Same service + customer again within this window answers 019; 0 turns the check off. */
  duplicateWindowMs: number;
  /** Where VTpass-style webhooks go; null for none. */
  webhookUrl: string | null;
  profile: SimProfile;
}

export const DEFAULT_KNOBS: Readonly<SimKnobs> = Object.freeze({
  latencyMs: 0,
  failureRate: 0,
  pendingRate: 0,
  lostResponseRate: 0,
  pendingMs: 3000,
  timeoutMs: 60_000,
  reversalMs: 3000,
  duplicateWindowMs: 0,
  webhookUrl: null,
  profile: 'default',
});

const MAX_DELAY_MS = 600_000;
const RATES = ['failureRate', 'pendingRate', 'lostResponseRate'] as const;
const DELAYS = ['latencyMs', 'pendingMs', 'timeoutMs', 'reversalMs', 'duplicateWindowMs'] as const;

/**
 * Checks a partial knob update (from JSON or code) and returns the merged
 * knobs, or the first problem found. Unknown keys are refused so a typo does
 * not silently leave a knob unchanged.
 */
export function mergeKnobs(current: SimKnobs, update: unknown): SimKnobs | { error: string } {
  if (typeof update !== 'object' || update === null || Array.isArray(update))
    return { error: 'knobs must be a JSON object' };
  const next: SimKnobs = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if ((RATES as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1))
        return { error: `${key} must be a number in [0, 1]` };
      next[key as (typeof RATES)[number]] = value;
    } else if ((DELAYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DELAY_MS) {
        return { error: `${key} must be an integer in [0, ${MAX_DELAY_MS}]` };
      }
      next[key as (typeof DELAYS)[number]] = value;
    } else if (key === 'webhookUrl') {
      if (value === null || value === undefined || value === '') next.webhookUrl = null;
      else if (typeof value !== 'string' || !/^https?:\/\/[^\s]+$/.test(value))
        return { error: 'webhookUrl must be an http(s) URL or null' };
      else next.webhookUrl = value;
    } else if (key === 'profile') {
      if (!SIM_PROFILES.includes(value as SimProfile))
        return { error: `profile must be one of ${SIM_PROFILES.join(', ')}` };
      next.profile = value as SimProfile;
    } else {
      return { error: `unknown knob "${key}"` };
    }
  }
  return next;
}

type Env = Readonly<Record<string, string | undefined>>;

/** PROVIDER_SIM_* variables -> knobs. */
export function knobsFromEnv(env: Env): SimKnobs {
  const webhookUrl = env.PROVIDER_SIM_WEBHOOK_URL || null;
  if (webhookUrl !== null && !/^https?:\/\/\S+$/.test(webhookUrl)) {
    throw new ConfigError('PROVIDER_SIM_WEBHOOK_URL', 'must be an http(s) URL');
  }
  return {
    latencyMs: intVar(env, 'PROVIDER_SIM_LATENCY_MS', DEFAULT_KNOBS.latencyMs, 0, MAX_DELAY_MS),
    failureRate: floatVar(env, 'PROVIDER_SIM_FAILURE_RATE', DEFAULT_KNOBS.failureRate, 0, 1),
    pendingRate: floatVar(env, 'PROVIDER_SIM_PENDING_RATE', DEFAULT_KNOBS.pendingRate, 0, 1),
    lostResponseRate: floatVar(env, 'PROVIDER_SIM_LOST_RESPONSE_RATE', DEFAULT_KNOBS.lostResponseRate, 0, 1),
    pendingMs: intVar(env, 'PROVIDER_SIM_PENDING_MS', DEFAULT_KNOBS.pendingMs, 0, MAX_DELAY_MS),
    timeoutMs: intVar(env, 'PROVIDER_SIM_TIMEOUT_MS', DEFAULT_KNOBS.timeoutMs, 0, MAX_DELAY_MS),
    reversalMs: intVar(env, 'PROVIDER_SIM_REVERSAL_MS', DEFAULT_KNOBS.reversalMs, 0, MAX_DELAY_MS),
    duplicateWindowMs: intVar(
      env,
      'PROVIDER_SIM_DUPLICATE_WINDOW_MS',
      DEFAULT_KNOBS.duplicateWindowMs,
      0,
      MAX_DELAY_MS,
    ),
    webhookUrl,
    profile: oneOf(env, 'PROVIDER_SIM_PROFILE', SIM_PROFILES, DEFAULT_KNOBS.profile),
  };
}
