import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPgDb } from '../db/pg.js';
import { createPgliteDb } from '../db/pglite.js';
import { type Db, type Migration, migrate, readMigrations } from '../db/index.js';

export type Backend = 'pg' | 'pglite';

export const pgUrl = () => process.env.VENDRA_TEST_PG_URL || '';
export const hasPg = () => pgUrl() !== '';

/** The backends this machine can test: always PGlite, PostgreSQL when it answers. */
export function backends(): Backend[] {
  return hasPg() ? ['pg', 'pglite'] : ['pglite'];
}

export interface TestDb {
  db: Db;
  url: string | undefined;
  /** Audits the ledger (failing the test file if it is not clean), then drops the database. */
  drop(options?: { skipAudit?: boolean }): Promise<void>;
}

async function auditBeforeDrop(db: Db, skip: boolean | undefined) {
  if (skip) return;
  const { runAudit, formatAudit } = await import('../ledger/audit.js');
  const report = await runAudit(db);
  if (!report.ok) throw new Error(`ledger audit failed after the tests:\n${formatAudit(report)}`);
}

/**
 * A fresh, migrated database of its own: on PostgreSQL a new database created
 * for the test file and dropped after; on PGlite an in-memory instance.
 */
export async function createTestDb(
  backend: Backend,
  poolSize = 16,
  migrations: Migration[] = readMigrations(),
): Promise<TestDb> {
  if (backend === 'pglite') {
    const db = await createPgliteDb({ dataDir: undefined });
    await migrate(db, migrations);
    return {
      db,
      url: undefined,
      async drop(options) {
        try {
          await auditBeforeDrop(db, options?.skipAudit);
        } finally {
          await db.close();
        }
      },
    };
  }
  const base = new URL(pgUrl());
  const name = `vendra_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const db = createPgDb({ url: url.toString(), poolSize });
  await migrate(db, migrations);
  return {
    db,
    url: url.toString(),
    async drop(options) {
      try {
        await auditBeforeDrop(db, options?.skipAudit);
      } finally {
        await db.close();
      }
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
