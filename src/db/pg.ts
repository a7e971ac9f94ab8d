import { createHash } from 'node:crypto';
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

/** Distinct statement texts prepared by name; past this, new texts run unprepared. */
export const MAX_PREPARED_STATEMENTS = 1_000;

/**
 * Names for parameterised statements, so that each connection parses and
 * plans a statement once and then only binds and executes it (PostgreSQL
 * keeps the plan, choosing a generic one when it is no worse). On this
 * project's machine parsing and planning were most of the backend CPU of an
 * HTTP request's small queries. Texts are code, not data (values always go
 * as parameters), so the set is small; it is bounded all the same.
 */
function preparedStatements() {
  const names = new Map<string, string | null>();
  return {
    nameOf(sql: string): string | undefined {
      let name = names.get(sql);
      if (name === undefined) {
        if (names.size >= MAX_PREPARED_STATEMENTS) return undefined;
        name = `v_${createHash('sha1').update(sql).digest('hex')}`;
        names.set(sql, name);
      }
      return name ?? undefined;
    },
    forget(sql: string) {
      names.set(sql, null);
    },
    /** PostgreSQL's "cached plan must not change result type" (a column added under SELECT *). */
    isStalePlan(error: unknown): boolean {
      return (error as { code?: string })?.code === '0A000';
    },
  };
}

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

  const statements = preparedStatements();
  const wrap = (client: pg.PoolClient | pg.Pool): Tx => ({
    async query<R>(sql: string, params?: readonly unknown[], opts?: QueryOptions): Promise<QueryResult<R>> {
      const values = params as unknown[] | undefined;
      const name = opts?.name ?? (values ? statements.nameOf(sql) : undefined);
      let result: pg.QueryResult;
      try {
        result = name ? await client.query({ name, text: sql, values }) : await client.query(sql, values);
      } catch (error) {
        // A migration changed a table under a statement this connection had
        // prepared: run it unprepared from now on.
        if (!name || !statements.isStalePlan(error)) throw error;
        statements.forget(sql);
        result = await client.query(sql, values);
      }
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
    async listen(channel, onMessage, onLost) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      const client = new pg.Client({ connectionString: options.url, types });
      let settled = false; // unsubscribed, or already reported lost
      const lost = (error?: unknown) => {
        if (settled) return;
        settled = true;
        onLost?.(error);
      };
      client.on('error', lost);
      client.on('end', () => lost());
      try {
        await client.connect();
        client.on('notification', (message) => {
          if (message.channel === channel) onMessage(message.payload ?? '');
        });
        await client.query(`LISTEN ${channel}`);
      } catch (error) {
        settled = true;
        await client.end().catch(() => {});
        throw error;
      }
      return async () => {
        settled = true;
        await client.end().catch(() => {});
      };
    },
    async close() {
      await pool.end();
    },
  };
}
