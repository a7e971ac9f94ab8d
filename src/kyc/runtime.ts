/** The long-lived pieces of the KYC module, built once per configuration (a process has one). */
import type { Config, KycConfig } from '../config.js';
import { createDojahProvider } from './dojah.js';
import { createSandboxProvider, type IdentityProvider } from './identity-provider.js';
import { createSealer, type Sealer } from './sealing.js';

/** The provider KYC_PROVIDER names: the sandbox simulator or Dojah. */
export function createIdentityProvider(config: KycConfig): IdentityProvider {
  if (config.provider === 'sandbox') return createSandboxProvider();
  return createDojahProvider({
    baseUrl: config.dojahBaseUrl,
    appId: config.dojahAppId ?? '',
    secretKey: config.dojahSecretKey ?? '',
    timeoutMs: config.timeoutMs,
  });
}

interface KycRuntime {
  sealer: Sealer;
  provider: IdentityProvider;
}

const runtimes = new WeakMap<Config, KycRuntime>();

export function kycRuntime(config: Config): KycRuntime {
  let runtime = runtimes.get(config);
  if (!runtime) {
    runtime = {
      sealer: createSealer(config.kyc.encryptionKey),
      provider: createIdentityProvider(config.kyc),
    };
    runtimes.set(config, runtime);
  }
  return runtime;
}
