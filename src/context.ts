import type { Config } from './config.js';
import { type Db, migrate, openDb } from './db/index.js';
import { createLedgerBatcher, type LedgerBatcher } from './ledger/index.js';
import type { Logger } from './log.js';

/**
 * What every module needs at run time, built once per process. Modules add
 * their own long-lived pieces here.
 */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  /** Group commit in front of the ledger: concurrent requests share a database transaction. */
  ledger: LedgerBatcher;
}

export async function createContext(config: Config, log: Logger, existingDb?: Db): Promise<AppContext> {
  const db =
    existingDb ??
    (await openDb({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.dbPoolSize,
      applicationName: `vendra-${config.role}`,
    }));
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const ledger = createLedgerBatcher(db, {
    windowMs: config.ledgerBatchWindowMs,
    maxItems: config.ledgerBatchMaxItems,
    maxInFlight: config.ledgerBatchMaxInFlight,
    log,
  });
  return { config, log, db, ledger };
}

export async function closeContext(ctx: AppContext, options: { closeDb?: boolean } = {}): Promise<void> {
  await ctx.ledger.close();
  if (options.closeDb ?? true) await ctx.db.close();
}
