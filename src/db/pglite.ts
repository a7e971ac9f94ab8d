import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { seedCluster } from './pglite-seed.js';
import { ensurePrivateDir, restrictTree, restrictUmask } from './private-dir.js';
import type { Db, QueryResult, TransactionOptions, Tx } from './types.js';

export interface PgliteOptions {
  /** A folder for the data, or undefined for an in-memory database (tests). */
  dataDir: string | undefined;
  /** The pristine cluster a new dataDir starts from (default: the build's, see pglite-seed.ts). */
  clusterSeed?: string;
}

/**
 * PGlite is PostgreSQL compiled to WebAssembly and runs in this process with a
 * single connection. Its transaction() holds an exclusive lock, so concurrent
 * callers are serialised, which is what a single connection requires.
 */
export async function createPgliteDb(options: PgliteOptions): Promise<Db> {
  if (options.dataDir) {
    restrictUmask();
    ensurePrivateDir(options.dataDir);
    // A new data directory starts as a copy of the build's pristine cluster instead of running
    // initdb; the copy is made private with the rest before PostgreSQL starts on it.
    seedCluster(options.dataDir, options.clusterSeed);
    restrictTree(options.dataDir);
  }
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    parsers: {
      [pgliteTypes.INT8]: (value: string) => BigInt(value),
      [pgliteTypes.NUMERIC]: (value: string) => value,
    },
    serializers: {
      [pgliteTypes.INT8]: (value: unknown) => String(value),
    },
  });
  // A new cluster is unpacked from PGlite's bundled image with its files chmod-ed 0666 (the umask
  // does not narrow an explicit chmod); files PostgreSQL creates from then on ask for 0600.
  if (options.dataDir) restrictTree(options.dataDir);

  const toParams = (params?: readonly unknown[]) =>
    params?.map((p) => (typeof p === 'bigint' ? p.toString() : p)) as unknown[] | undefined;

  const wrap = (target: { query: PGlite['query']; exec: PGlite['exec'] }): Tx => ({
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const result = await target.query<R>(sql, toParams(params));
      // Like pg: a statement that returns rows (SELECT, ... RETURNING) counts them; others count affected rows.
      // (PGlite reports affectedRows = 0 for a SELECT.)
      const rowCount = result.fields.length > 0 ? result.rows.length : (result.affectedRows ?? 0);
      return { rows: result.rows, rowCount };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  });
  const root = wrap(pglite);

  return {
    kind: 'pglite',
    query: root.query,
    exec: root.exec,
    async transaction<T>(fn: (tx: Tx) => Promise<T>, opts?: TransactionOptions): Promise<T> {
      return pglite.transaction(async (tx) => {
        if (opts?.isolation)
          await tx.query(`SET TRANSACTION ISOLATION LEVEL ${opts.isolation.toUpperCase()}`);
        return fn(wrap(tx));
      });
    },
    async listen(channel, onMessage) {
      const unsubscribe = await pglite.listen(channel, onMessage);
      return async () => {
        await unsubscribe();
      };
    },
    async close() {
      await pglite.close();
    },
  };
}
