import { afterEach, describe, expect, it } from 'vitest';
import { backends, createTestDb, type TestDb } from '../test-support/db.js';
import { type Migration, migrate, readMigrations } from './migrate.js';

const FUNCTION_FILE = 'repeatable/ledger_create_transactions.sql';

/** The stored source and settings of ledger.create_transactions. */
async function ledgerFunction(t: TestDb) {
  const { rows } = await t.db.query<{ src: string; config: string[] | null }>(
    `SELECT p.prosrc AS src, p.proconfig AS config
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'ledger' AND p.proname = 'create_transactions'`,
  );
  expect(rows).toHaveLength(1);
  return rows[0] as { src: string; config: string[] | null };
}

async function recorded(t: TestDb, name: string): Promise<string | undefined> {
  const { rows } = await t.db.query<{ checksum: string }>(
    'SELECT checksum FROM public.schema_migrations WHERE name = $1',
    [name],
  );
  return rows[0]?.checksum;
}

describe('readMigrations', () => {
  it('lists the numbered migrations in order, then the repeatable ones', () => {
    const all = readMigrations();
    const names = all.map((m) => m.name);
    const numbered = all.filter((m) => !m.repeatable).map((m) => m.name);
    expect(numbered).toEqual([...numbered].sort());
    expect(numbered.every((n) => /^\d{4}_/.test(n))).toBe(true);
    expect(names.slice(numbered.length)).toEqual([FUNCTION_FILE]);
    expect(all.find((m) => m.name === FUNCTION_FILE)?.repeatable).toBe(true);
  });
});

describe.each(backends())('repeatable migrations on %s', (backend) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it('a fresh database ends with the function of the repeatable file, applied once', async () => {
    const all = readMigrations();
    const file = all.find((m) => m.name === FUNCTION_FILE) as Migration;
    t = await createTestDb(backend, 2, all);
    const fn = await ledgerFunction(t);
    // The body is the repeatable file's (its names), not 0500's copy (i_lo, a_dp).
    expect(fn.src).toContain('item_first_leg');
    expect(fn.src).not.toContain('i_lo');
    expect(fn.config).toEqual(
      expect.arrayContaining([
        'plan_cache_mode=force_generic_plan',
        'jit=off',
        'enable_seqscan=off',
        'enable_bitmapscan=off',
      ]),
    );
    expect(await recorded(t, FUNCTION_FILE)).toBe(file.checksum);
    // Unchanged: nothing to do.
    expect(await migrate(t.db, all)).toEqual([]);
  });

  it('re-applies a repeatable file when its checksum changes, and refuses an edited numbered one', async () => {
    const all = readMigrations();
    t = await createTestDb(backend, 2, all);
    const edited = all.map((m) =>
      m.name === FUNCTION_FILE
        ? { ...m, sql: `${m.sql}\n-- edited\n`, checksum: `${m.checksum.slice(0, -1)}x` }
        : m,
    );
    expect(await migrate(t.db, edited)).toEqual([FUNCTION_FILE]);
    expect(await recorded(t, FUNCTION_FILE)).toBe(edited.at(-1)?.checksum);
    expect(await migrate(t.db, edited)).toEqual([]);
    const numberedEdited = all.map((m, k) => (k === 0 ? { ...m, checksum: 'changed' } : m));
    await expect(migrate(t.db, numberedEdited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('upgrades a database migrated before repeatable files existed: only the function is replaced', async () => {
    const all = readMigrations();
    t = await createTestDb(
      backend,
      2,
      all.filter((m) => !m.repeatable),
    );
    expect((await ledgerFunction(t)).src).toContain('i_lo');
    expect(await migrate(t.db, all)).toEqual([FUNCTION_FILE]);
    expect((await ledgerFunction(t)).src).toContain('item_first_leg');
  });
});
