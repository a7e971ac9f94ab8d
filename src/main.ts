import { type Config, ConfigError, loadConfig } from './config.js';
import { vtpassWebhookPath } from './bills/index.js';
import { allConsumers } from './consumers.js';
import { type AppContext, buildApp, closeContext, createContext } from './compose.js';
import { AppError } from './errors/index.js';
import { startMetricsListener } from './http/metrics-listener.js';
import { ensureAdmin } from './identity/index.js';
import { createLogger } from './log.js';
import { defineConsumers } from './outbox/index.js';
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
  const consumers = defineConsumers(allConsumers(ctx));
  const admin = await ensureAdmin(ctx.db, config).catch((error: unknown) => {
    // A refused bootstrap (an existing customer owns ADMIN_EMAIL) is a configuration problem, not a crash.
    if (!(error instanceof AppError)) throw error;
    console.error(`Configuration error: ADMIN_EMAIL: ${error.message}`);
    process.exit(2);
  });
  if (admin) log.info({ userId: admin.userId, outcome: admin.outcome }, 'bootstrap admin from ADMIN_EMAIL');
  if (admin && config.devAdminDefault) {
    log.info(
      `development operator login: ${config.adminEmail} / ${config.adminPassword} (set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)`,
    );
  }

  const runApi = config.role === 'api' || config.role === 'all';
  const runWorker = config.role === 'worker' || config.role === 'all';
  const app = runApi ? await buildApp(ctx) : undefined;
  if (app) {
    const address = await app.listen({ host: config.host, port: config.port });
    log.info({ address }, 'api listening');
    // In sandbox mode the simulators announce reversals to our VTpass webhook, like VTpass does.
    const port = (app.server.address() as { port: number }).port;
    for (const sim of ctx.providers?.sims ?? [])
      sim.setKnobs({ webhookUrl: `http://127.0.0.1:${port}${vtpassWebhookPath(config)}` });
  }
  const worker = runWorker ? startScheduler(workerTasks(ctx, consumers), log) : undefined;
  const metrics = await startMetricsListener(ctx);
  if (metrics) log.info({ address: metrics.addresses() }, 'metrics listening');

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
      await metrics?.close();
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
