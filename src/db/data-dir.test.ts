import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './index.js';

/** Every directory and file under root with its permission bits. */
function modes(root: string): { path: string; dir: boolean; mode: number }[] {
  const out: { path: string; dir: boolean; mode: number }[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isSymbolicLink()) continue;
      out.push({ path: full, dir: entry.isDirectory(), mode: lstatSync(full).mode & 0o777 });
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
  return out;
}

describe('the embedded database on disk', () => {
  const parent = mkdtempSync(join(tmpdir(), 'vendra-datadir-'));
  const umask = process.umask();
  afterAll(() => {
    process.umask(umask);
    rmSync(parent, { recursive: true, force: true });
  });

  it('DATA_DIR is 0700 and every file PGlite writes is 0600 (WAL included), even from an old data dir', async () => {
    process.umask(0o000); // the worst case: nothing narrows what PGlite asks for
    const dataDir = join(parent, 'data');
    // A data directory left by an earlier version, world-writable.
    mkdirSync(join(dataDir, 'pglite'), { recursive: true, mode: 0o777 });
    chmodSync(dataDir, 0o777);
    writeFileSync(join(dataDir, 'pglite', 'stale'), 'x', { mode: 0o666 });
    chmodSync(join(dataDir, 'pglite', 'stale'), 0o666);

    const db = await openDb({ databaseUrl: undefined, dataDir, poolSize: 1 });
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, v text)');
    await db.query("INSERT INTO t SELECT g, repeat('x', 100) FROM generate_series(1, 2000) g");
    await db.exec('CHECKPOINT');
    await db.close();

    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
    const all = modes(dataDir);
    expect(all.filter((e) => !e.dir).length).toBeGreaterThan(100);
    expect(all.some((e) => e.path.includes('pg_wal') && !e.dir)).toBe(true);
    const loose = all.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600));
    expect(loose.map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
  });
});
