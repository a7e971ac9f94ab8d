import type { Config } from './config.js';
import { type Db, migrate, openDb } from './db/index.js';
import type { Logger } from './log.js';

/**
 * What every module needs at run time, built once per process. Modules add
 * their own long-lived pieces here (the ledger batcher, the event hub, ...).
 */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
}

export async function createContext(config: Config, log: Logger): Promise<AppContext> {
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    applicationName: `vendra-${config.role}`,
  });
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  return { config, log, db };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.db.close();
}
