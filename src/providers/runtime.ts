import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { createProviderRouter, type ProviderRouter } from './router.js';
import { type ProviderSim, SANDBOX_CREDENTIALS, startProviderSim } from './sim/server.js';
import type { ProviderAdapter } from './types.js';
import { createVtpassAdapter } from './vtpass.js';

/**
 * The bill providers this process talks to. With VTPASS_BASE_URL set, the
 * real (or a standalone simulated) VTpass; a second one with
 * VTPASS_B_BASE_URL. In sandbox mode (no VTPASS_BASE_URL), two VTpass-
 * compatible simulators start in this process on free ports, `vtpass` and
 * `vtpass-b`, so that failover can be seen.
 */
export interface ProviderRuntime {
  router: ProviderRouter;
  names: string[];
  /** The in-process simulators (sandbox mode only). */
  sims: ProviderSim[];
  sandbox: boolean;
  close(): Promise<void>;
}

export async function startProviders(config: Config, log: Logger): Promise<ProviderRuntime> {
  const timeoutMs = config.providerTimeoutMs;
  const breaker = {
    cooldownMs: config.providerBreakerCooldownMs,
    consecutiveFailures: config.providerBreakerFailures,
  };
  const adapters: ProviderAdapter[] = [];
  const sims: ProviderSim[] = [];
  const sandbox = !config.vtpassBaseUrl;
  if (sandbox) {
    const knobs = config.providerSim;
    for (const name of ['vtpass', 'vtpass-b']) {
      const sim = await startProviderSim({ ...knobs, name, host: '127.0.0.1', port: 0 });
      sims.push(sim);
      adapters.push(
        createVtpassAdapter({
          name,
          baseUrl: sim.url,
          apiKey: SANDBOX_CREDENTIALS.apiKey,
          secretKey: SANDBOX_CREDENTIALS.secretKey,
          publicKey: SANDBOX_CREDENTIALS.publicKey,
          timeoutMs,
        }),
      );
    }
    log.info(
      { sims: sims.map((s) => ({ name: s.name, url: s.url })) },
      'sandbox: VTpass-compatible simulators started',
    );
  } else {
    const keys = {
      apiKey: config.vtpassApiKey ?? SANDBOX_CREDENTIALS.apiKey,
      secretKey: config.vtpassSecretKey ?? SANDBOX_CREDENTIALS.secretKey,
      publicKey: config.vtpassPublicKey ?? SANDBOX_CREDENTIALS.publicKey,
    };
    adapters.push(
      createVtpassAdapter({ name: 'vtpass', baseUrl: config.vtpassBaseUrl as string, ...keys, timeoutMs }),
    );
    if (config.vtpassBBaseUrl) {
      adapters.push(
        createVtpassAdapter({ name: 'vtpass-b', baseUrl: config.vtpassBBaseUrl, ...keys, timeoutMs }),
      );
    }
  }
  const router = createProviderRouter(adapters, breaker);
  return {
    router,
    names: adapters.map((a) => a.name),
    sims,
    sandbox,
    async close() {
      await Promise.all(sims.map((s) => s.close()));
    },
  };
}
