/** Simulator options from the environment, for main.ts (and its test). */
import { intVar } from '../../config.js';
import { knobsFromEnv } from './knobs.js';
import { SANDBOX_CREDENTIALS, type SimOptions } from './server.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * PROVIDER_SIM_PORT (3100), PROVIDER_SIM_HOST (127.0.0.1), PROVIDER_SIM_NAME,
 * the PROVIDER_SIM_* knobs (see knobsFromEnv) and the credentials it accepts:
 * VTPASS_API_KEY / VTPASS_SECRET_KEY / VTPASS_PUBLIC_KEY (sandbox-* defaults).
 */
export function simOptionsFromEnv(env: Env): SimOptions {
  return {
    ...knobsFromEnv(env),
    host: env.PROVIDER_SIM_HOST || '127.0.0.1',
    port: intVar(env, 'PROVIDER_SIM_PORT', 3100, 0, 65535),
    name: env.PROVIDER_SIM_NAME || 'vtpass-sim',
    apiKey: env.VTPASS_API_KEY || SANDBOX_CREDENTIALS.apiKey,
    secretKey: env.VTPASS_SECRET_KEY || SANDBOX_CREDENTIALS.secretKey,
    publicKey: env.VTPASS_PUBLIC_KEY || SANDBOX_CREDENTIALS.publicKey,
  };
}
