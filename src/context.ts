import type { Config } from './config.js';
import type { PaystackRuntime } from './paystack/index.js';
import type { Db } from './db/index.js';
import type { LedgerBatcher } from './ledger/index.js';
import type { Limits } from './limits/index.js';
import type { Logger } from './log.js';
import type { ProviderRuntime } from './providers/index.js';

/**
 * What every module needs at run time, built once per process by the
 * composition root (createContext in compose.ts). Modules add their own
 * long-lived pieces here. This file holds types only, so every module can
 * import it without an import cycle.
 */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Db;
  /** Group commit in front of the ledger: concurrent requests share a database transaction. */
  ledger: LedgerBatcher;
  /** KYC limits as ledger legs (daily allowance and balance headroom control accounts). */
  limits: Limits;
  /** Bill providers (adapters, breakers; in sandbox mode the simulators). */
  providers?: ProviderRuntime;
  /** Paystack clients for the gateway and payouts (in sandbox mode, the in-process simulator). */
  paystack?: PaystackRuntime;
  /** The clock settlement days are read from (tests move it); unset: the real one. */
  now?: () => Date;
}

export interface ContextOptions {
  /** Use this database instead of opening one (tests). */
  db?: Db;
  /** Start the bill providers (default true). */
  providers?: boolean;
  /** The clock the limits read the Africa/Lagos day from (tests move it). */
  now?: () => Date;
}
