import type { Config } from '../config.js';
import { intVar } from '../config.js';
import type { Logger } from '../log.js';
import {
  createProviderRouter,
  createVtpassAdapter,
  DEFAULT_PROVIDER_TIMEOUT_MS,
  type ProviderAdapter,
  type ProviderRouter,
  type ProviderSim,
  SANDBOX_CREDENTIALS,
  startProviderSim,
} from '../providers/index.js';
import { knobsFromEnv } from '../providers/sim/knobs.js';

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
  const env = config.env;
  const timeoutMs = intVar(env, 'PROVIDER_TIMEOUT_MS', DEFAULT_PROVIDER_TIMEOUT_MS, 100, 600_000);
  const breaker = {
    cooldownMs: intVar(env, 'PROVIDER_BREAKER_COOLDOWN_MS', 30_000, 100, 3_600_000),
    consecutiveFailures: intVar(env, 'PROVIDER_BREAKER_FAILURES', 5, 1, 1000),
  };
  const adapters: ProviderAdapter[] = [];
  const sims: ProviderSim[] = [];
  const sandbox = !env.VTPASS_BASE_URL;
  if (sandbox) {
    const knobs = knobsFromEnv(env);
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
      apiKey: env.VTPASS_API_KEY ?? SANDBOX_CREDENTIALS.apiKey,
      secretKey: env.VTPASS_SECRET_KEY ?? SANDBOX_CREDENTIALS.secretKey,
      publicKey: env.VTPASS_PUBLIC_KEY ?? SANDBOX_CREDENTIALS.publicKey,
    };
    adapters.push(
      createVtpassAdapter({ name: 'vtpass', baseUrl: env.VTPASS_BASE_URL as string, ...keys, timeoutMs }),
    );
    if (env.VTPASS_B_BASE_URL) {
      adapters.push(
        createVtpassAdapter({ name: 'vtpass-b', baseUrl: env.VTPASS_B_BASE_URL, ...keys, timeoutMs }),
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
