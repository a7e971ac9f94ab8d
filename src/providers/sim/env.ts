/** Simulator options from the environment, for main.ts (and its test). */
import { type Env, loadSimConfig } from '../../config.js';
import { SANDBOX_CREDENTIALS, type SimOptions } from './server.js';

/**
 * PROVIDER_SIM_PORT (3100), PROVIDER_SIM_HOST (127.0.0.1), PROVIDER_SIM_NAME,
 * the PROVIDER_SIM_* knobs and the credentials it accepts: VTPASS_API_KEY /
 * VTPASS_SECRET_KEY / VTPASS_PUBLIC_KEY (sandbox-* defaults). All parsed by
 * loadSimConfig (src/config.ts).
 */
export function simOptionsFromEnv(env: Env): SimOptions {
  return simOptions(loadSimConfig(env));
}

export function simOptions(config: ReturnType<typeof loadSimConfig>): SimOptions {
  const { logLevel: _logLevel, apiKey, secretKey, publicKey, ...rest } = config;
  return {
    ...rest,
    apiKey: apiKey ?? SANDBOX_CREDENTIALS.apiKey,
    secretKey: secretKey ?? SANDBOX_CREDENTIALS.secretKey,
    publicKey: publicKey ?? SANDBOX_CREDENTIALS.publicKey,
  };
}
