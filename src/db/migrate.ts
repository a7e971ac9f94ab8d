import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Tx } from './types.js';

/** Repository root: two levels above this file in src/db and in dist/db alike. */
export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** A fixed key for pg_advisory_xact_lock: two processes starting together never race. */
const MIGRATION_LOCK_KEY = 7_411_002_001;

/** Definitions kept in one file each (functions), re-applied whenever the file changes. */
const REPEATABLE_DIR = 'repeatable';

export interface Migration {
  /** The file's path under the migrations directory: `0001_ledger.sql`, `repeatable/ledger_create_transactions.sql`. */
  name: string;
  sql: string;
  checksum: string;
  /** Re-applied when its checksum changes (CREATE OR REPLACE), after every numbered migration. */
  repeatable?: boolean;
}

function readSqlFiles(dir: string, pattern: RegExp, prefix: string, repeatable: boolean): Migration[] {
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      return { name: `${prefix}${file}`, sql, checksum, ...(repeatable ? { repeatable } : {}) };
    });
}

/** The numbered migrations in name order, then the repeatable ones (`repeatable/*.sql`) in name order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const repeatableDir = join(dir, REPEATABLE_DIR);
  return [
    ...readSqlFiles(dir, /^\d{4}_[a-z0-9_]+\.sql$/, '', false),
    ...(existsSync(repeatableDir)
      ? readSqlFiles(repeatableDir, /^[a-z0-9_]+\.sql$/, `${REPEATABLE_DIR}/`, true)
      : []),
  ];
}

/**
 * Runs the pending files as one script, in order, and records them in one
 * statement: on a new database a round trip per file and per record cost
 * more than the DDL itself (about 0.2 s of a first start).
 */
async function applyAll(tx: Tx, pending: readonly Migration[]): Promise<void> {
  if (pending.length === 0) return;
  try {
    // A line of its own between files: a file may end in a comment.
    await tx.exec(pending.map((m) => m.sql).join('\n;\n'));
  } catch (error) {
    const names = pending.map((m) => m.name).join(', ');
    throw new Error(`migrations ${names} failed: ${(error as Error).message}`, { cause: error });
  }
  await tx.query(
    `INSERT INTO public.schema_migrations (name, checksum)
     SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
    [pending.map((m) => m.name), pending.map((m) => m.checksum)],
  );
}

/**
 * Applies forward-only migrations in name order, then the repeatable ones whose
 * checksum differs from the one recorded (or that were never applied), all in
 * one transaction under an advisory lock. An applied numbered migration whose
 * file changed is an error: those are never edited, only added. A repeatable
 * one is recorded in the same table with its latest checksum.
 */
export async function migrate(db: Db, migrations: Migration[] = readMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS public.schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM public.schema_migrations',
    );
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    const pending: Migration[] = [];
    for (const m of migrations.filter((x) => !x.repeatable)) {
      const checksum = applied.get(m.name);
      if (checksum === undefined) pending.push(m);
      else if (checksum !== m.checksum)
        throw new Error(`migration ${m.name} was changed after it was applied`);
    }
    pending.push(...migrations.filter((x) => x.repeatable && applied.get(x.name) !== x.checksum));
    await applyAll(tx, pending);
    return pending.map((m) => m.name);
  });
}
