import { join } from 'node:path';
import { createPgDb } from './pg.js';
import { createPgliteDb } from './pglite.js';
import { ensurePrivateDir } from './private-dir.js';
import type { Db } from './types.js';

export { migrate, readMigrations } from './migrate.js';
export type { Migration } from './migrate.js';
export * from './types.js';
export { bigintReplacer, stringifyJson, toJsonSafe } from './json.js';
export { type CoalesceOptions, coalesce } from './coalesce.js';
export { type FoundTransaction, type SearchCriteria, searchWindow, windowParams } from './search.js';

export interface OpenDbOptions {
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  poolSize: number;
  applicationName?: string;
}

/** PostgreSQL when a URL is given, else PGlite under dataDir (in memory when dataDir is undefined). */
export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) {
    return createPgDb({
      url: options.databaseUrl,
      poolSize: options.poolSize,
      applicationName: options.applicationName,
    });
  }
  if (!options.dataDir) return createPgliteDb({ dataDir: undefined });
  ensurePrivateDir(options.dataDir); // DATA_DIR itself: also holds the development secrets
  return createPgliteDb({ dataDir: join(options.dataDir, 'pglite') });
}
