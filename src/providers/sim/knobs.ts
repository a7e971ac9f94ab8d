/**
 * The simulator's knobs: behaviour that can change while it runs (POST
 * /_sim/knobs, setKnobs). Their environment variables (PROVIDER_SIM_*) are
 * parsed with the rest of the configuration (src/config/variables.ts).
 */
import { SIM_PROFILES, type SimProfile } from '../../config.js';

export { SIM_PROFILES, type SimProfile };

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
  /** Commission on every vend as basis points of the amount; null: the catalogue's rate per category. */
  commissionBps: number | null;
  /** A flat commission per vend in kobo (wins over commissionBps); null: none. */
  commissionFlatMinor: number | null;
  /** Added to the balance /api/balance reports (kobo, may be negative): the provider's books diverge from ours. */
  balanceDriftMinor: number;
  /** true: a vend the float cannot cover answers 018 (low wallet balance); false: the float may go negative. */
  floatEnforced: boolean;
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
  commissionBps: null,
  commissionFlatMinor: null,
  balanceDriftMinor: 0,
  floatEnforced: false,
});

/** Kobo knobs: bounded so the simulator's arithmetic stays exact in a double. */
const MAX_KOBO = 1_000_000_000_000;

/** The float and commission knobs; undefined when `key` is not one of them. */
function mergeFloatKnob(next: SimKnobs, key: string, value: unknown): string | undefined | null {
  if (key === 'commissionBps' || key === 'commissionFlatMinor') {
    const max = key === 'commissionBps' ? 10_000 : MAX_KOBO;
    if (value === null) next[key] = null;
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max)
      return `${key} must be null or an integer in [0, ${max}]`;
    else next[key] = value;
    return null;
  }
  if (key === 'balanceDriftMinor') {
    if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > MAX_KOBO)
      return `${key} must be an integer in [-${MAX_KOBO}, ${MAX_KOBO}]`;
    next.balanceDriftMinor = value;
    return null;
  }
  if (key === 'floatEnforced') {
    if (typeof value !== 'boolean') return 'floatEnforced must be true or false';
    next.floatEnforced = value;
    return null;
  }
  return undefined;
}

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
      const problem = mergeFloatKnob(next, key, value);
      if (problem === undefined) return { error: `unknown knob "${key}"` };
      if (problem !== null) return { error: problem };
    }
  }
  return next;
}
