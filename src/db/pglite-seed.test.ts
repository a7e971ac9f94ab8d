import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { createPgliteDb } from './pglite.js';
import { seedCluster, writeClusterSeed } from './pglite-seed.js';

/** Entries under root whose mode is not the one given (dir, file). */
function loose(root: string, dirMode = 0o700, fileMode = 0o600): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      const mode = lstatSync(full).mode & 0o777;
      if (entry.isDirectory()) {
        if (mode !== dirMode) out.push(`${full} ${mode.toString(8)}`);
        walk(full);
      } else if (entry.isFile() && mode !== fileMode) out.push(`${full} ${mode.toString(8)}`);
    }
  };
  walk(root);
  return out;
}

describe('a new embedded database from the packed cluster', () => {
  const parent = mkdtempSync(join(tmpdir(), 'vendra-seed-'));
  const seed = join(parent, 'cluster');
  beforeAll(async () => {
    expect(await writeClusterSeed(seed)).toBe(true);
  });
  afterAll(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  it('is made once per PGlite version, readable but not writable by others', async () => {
    expect(await writeClusterSeed(seed)).toBe(false);
    expect(existsSync(`${seed}.json`)).toBe(true);
    expect(lstatSync(seed).mode & 0o777).toBe(0o755);
    expect(loose(seed, 0o755, 0o644)).toEqual([]);
  });

  it('is copied into a new data directory, which migrates, keeps its data and its files private', async () => {
    const dataDir = join(parent, 'data');
    const db = await createPgliteDb({ dataDir, clusterSeed: seed });
    expect((await migrate(db)).length).toBeGreaterThan(5);
    await db.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('yes')");
    await db.close();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(loose(dataDir)).toEqual([]);

    // An existing cluster is resumed, never overwritten by the seed.
    expect(seedCluster(dataDir, seed)).toBe(false);
    const again = await createPgliteDb({ dataDir, clusterSeed: seed });
    expect((await again.query<{ v: string }>('SELECT v FROM kept')).rows).toEqual([{ v: 'yes' }]);
    expect(await migrate(again)).toEqual([]);
    await again.close();
  });

  it('is not used when another PGlite version made it, or it is missing', () => {
    const other = join(parent, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'PG_VERSION'), '17\n');
    writeFileSync(`${other}.json`, '{"pglite":"0.0.1"}\n');
    const fresh = join(parent, 'new');
    mkdirSync(fresh);
    expect(seedCluster(fresh, other)).toBe(false);
    expect(seedCluster(fresh, join(parent, 'absent'))).toBe(false);
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('is not used, and leaves nothing behind, when it cannot be copied', () => {
    const broken = join(parent, 'broken');
    cpSync(seed, broken, { recursive: true });
    writeFileSync(`${broken}.json`, readFileSync(`${seed}.json`));
    // A named pipe deep in the tree: Node's cp refuses it halfway through the copy.
    execFileSync('mkfifo', [join(broken, 'pg_wal', 'zz-pipe')]);
    const fresh = join(parent, 'fresh');
    mkdirSync(fresh);
    expect(seedCluster(fresh, broken)).toBe(false);
    expect(readdirSync(fresh)).toEqual([]);
  });
});
