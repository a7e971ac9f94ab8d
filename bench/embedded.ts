import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, migrate, openDb } from '../src/db/index.js';
import { type CaseResult, percentile } from './harness.js';
import { spawnNode, waitFor } from './procs.js';

/** The embedded default: PGlite on disk under a fresh DATA_DIR, migrated, as `node dist/main.js` opens it. */
export async function openPglite(): Promise<{ db: Db; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vendra-bench-pglite-'));
  const db = await openDb({ databaseUrl: undefined, dataDir, poolSize: 1 });
  await migrate(db);
  return {
    db,
    async close() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Time from spawning `node dist/main.js` (built, no DATABASE_URL: PGlite, on
 * an empty DATA_DIR, so migrations included) to its first 200 from
 * /health/ready; `runs` times, the median as p50 and the slowest as p99.
 */
export async function benchStartup(
  port: number,
  runs: number,
  log: (s: string) => void,
): Promise<CaseResult> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'vendra-bench-startup-'));
    const t0 = performance.now();
    const proc = spawnNode('startup', ['dist/main.js'], {
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      VTPASS_BASE_URL: '',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    try {
      await waitFor(proc, `http://127.0.0.1:${port}/health/ready`);
      times.push(performance.now() - t0);
    } finally {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const sorted = times.sort((a, b) => a - b);
  const r = {
    name: 'startup/ready',
    ops: sorted.length,
    errors: 0,
    ops_per_s: Number.NaN,
    p50_ms: Math.round(percentile(sorted, 50)),
    p99_ms: Math.round(sorted[sorted.length - 1] ?? 0),
  };
  const line = `${r.name.padEnd(34)}   start -> ready p50 ${r.p50_ms} ms  max ${r.p99_ms} ms  (${runs} starts, empty DATA_DIR, PGlite)`;
  log(line);
  return { ...r, line };
}
