import { type ProviderRuntime, startProviders } from './bills/provider-runtime.js';
import type { Config } from './config.js';
import { type Db, migrate, openDb } from './db/index.js';
import { completeMany } from './idempotency/index.js';
import { createLedgerBatcher, type LedgerBatcher } from './ledger/index.js';
import type { Logger } from './log.js';
import { publishMany } from './outbox/index.js';
import { ensureSystemAccounts, walletSystemAccounts } from './wallets/system-accounts.js';

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
  /** Bill providers (adapters, breakers; in sandbox mode the simulators). */
  providers?: ProviderRuntime;
}

export interface ContextOptions {
  /** Use this database instead of opening one (tests). */
  db?: Db;
  /** Start the bill providers (default true). */
  providers?: boolean;
}

export async function createContext(
  config: Config,
  log: Logger,
  options: ContextOptions = {},
): Promise<AppContext> {
  const db =
    options.db ??
    (await openDb({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.dbPoolSize,
      applicationName: `vendra-${config.role}`,
    }));
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const providers = options.providers === false ? undefined : await startProviders(config, log);
  await db.transaction((tx) =>
    ensureSystemAccounts(tx, [
      ...walletSystemAccounts(),
      ...(providers?.names ?? ['vtpass', 'vtpass-b']).map((name) => ({
        type: 'provider_float' as const,
        currency: 'NGN',
        suffix: name,
      })),
    ]),
  );
  const ledger = createLedgerBatcher(db, {
    windowMs: config.ledgerBatchWindowMs,
    maxItems: config.ledgerBatchMaxItems,
    maxInFlight: config.ledgerBatchMaxInFlight,
    maxQueued: config.ledgerBatchMaxQueued,
    log,
  });
  ledger.registerWriter('idempotency', (tx, rows) =>
    completeMany(tx, rows as Parameters<typeof completeMany>[1]),
  );
  ledger.registerWriter('outbox', (tx, rows) => publishMany(tx, rows as Parameters<typeof publishMany>[1]));
  return { config, log, db, ledger, providers };
}

export async function closeContext(ctx: AppContext, options: { closeDb?: boolean } = {}): Promise<void> {
  await ctx.ledger.close();
  await ctx.providers?.close();
  if (options.closeDb ?? true) await ctx.db.close();
}
