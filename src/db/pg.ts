import pg from 'pg';
import type { Db, QueryOptions, QueryResult, TransactionOptions, Tx } from './types.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** int8 becomes bigint: money never passes through a float. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => BigInt(value);
    if (oid === NUMERIC_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PgOptions {
  url: string;
  poolSize: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

export function createPgDb(options: PgOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types,
    application_name: options.applicationName ?? 'vendra',
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
  });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});

  const wrap = (client: pg.PoolClient | pg.Pool): Tx => ({
    async query<R>(sql: string, params?: readonly unknown[], opts?: QueryOptions): Promise<QueryResult<R>> {
      const values = params as unknown[] | undefined;
      const result = opts?.name
        ? await client.query({ name: opts.name, text: sql, values })
        : await client.query(sql, values);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  });
  const poolQueryable = wrap(pool);

  return {
    kind: 'pg',
    query: poolQueryable.query,
    exec: poolQueryable.exec,
    async transaction<T>(fn: (tx: Tx) => Promise<T>, opts?: TransactionOptions): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(
          opts?.isolation ? `BEGIN ISOLATION LEVEL ${opts.isolation.toUpperCase()}` : 'BEGIN',
        );
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(channel, onMessage) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      const client = new pg.Client({ connectionString: options.url, types });
      client.on('error', () => {});
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onMessage(message.payload ?? '');
      });
      await client.query(`LISTEN ${channel}`);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async close() {
      await pool.end();
    },
  };
}
