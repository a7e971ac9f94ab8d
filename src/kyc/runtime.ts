/** The long-lived pieces of the KYC module, built once per configuration (a process has one). */
import type { Config } from '../config.js';
import { createIdentityProvider, type IdentityProvider } from './identity-provider.js';
import { createSealer, type Sealer } from './sealing.js';

interface KycRuntime {
  sealer: Sealer;
  provider: IdentityProvider;
}

const runtimes = new WeakMap<Config, KycRuntime>();

export function kycRuntime(config: Config): KycRuntime {
  let runtime = runtimes.get(config);
  if (!runtime) {
    runtime = { sealer: createSealer(config.kyc.encryptionKey), provider: createIdentityProvider(config.kyc) };
    runtimes.set(config, runtime);
  }
  return runtime;
}
