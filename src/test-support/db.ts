import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPgDb } from '../db/pg.js';
import { createPgliteDb } from '../db/pglite.js';
import { type Db, migrate } from '../db/index.js';

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
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own: on PostgreSQL a new database created
 * for the test file and dropped after; on PGlite an in-memory instance.
 */
export async function createTestDb(backend: Backend, poolSize = 16): Promise<TestDb> {
  if (backend === 'pglite') {
    const db = await createPgliteDb({ dataDir: undefined });
    await migrate(db);
    return { db, url: undefined, drop: () => db.close() };
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
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
