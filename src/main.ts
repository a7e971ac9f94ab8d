import { type Config, ConfigError, loadConfig } from './config.js';
import { type AppContext, closeContext, createContext } from './context.js';
import { buildApp } from './http/app.js';
import { createLogger } from './log.js';
import { startScheduler } from './worker/scheduler.js';
import { workerTasks } from './worker/tasks.js';

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const ctx: AppContext = await createContext(config, log);
  log.info({ role: config.role, database: ctx.db.kind }, 'starting');

  const runApi = config.role === 'api' || config.role === 'all';
  const runWorker = config.role === 'worker' || config.role === 'all';
  const app = runApi ? await buildApp(ctx) : undefined;
  if (app) {
    const address = await app.listen({ host: config.host, port: config.port });
    log.info({ address }, 'api listening');
  }
  const worker = runWorker ? startScheduler(workerTasks(ctx), log) : undefined;

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await app?.close(); // stops accepting, finishes in-flight requests
      await worker?.stop();
      await closeContext(ctx);
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
