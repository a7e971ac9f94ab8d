/**
 * Standalone VTpass simulator: `npm run provider-sim`. Configured by
 * environment (see env.ts), logs its URL, stops cleanly on SIGTERM/SIGINT.
 */
import { ConfigError, loadSimConfig, type SimConfig } from '../../config.js';
import { createLogger } from '../../log.js';
import { simOptions } from './env.js';
import { startProviderSim } from './server.js';

/** If close() hangs (it should not), exit anyway after this. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

async function main(): Promise<void> {
  let config: SimConfig;
  try {
    config = loadSimConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const options = simOptions(config);
  const sim = await startProviderSim(options);
  const { host: _host, port: _port, apiKey: _a, secretKey: _s, publicKey: _p, ...knobs } = options;
  log.info({ url: sim.url, name: sim.name, knobs }, `provider simulator listening on ${sim.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'provider simulator stopping');
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
