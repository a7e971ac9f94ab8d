import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { loadBenchConfig, VARIABLES } from '../src/config.js';
import { createPgDb } from '../src/db/pg.js';
import { migrate } from '../src/db/index.js';
import type { CaseResult } from './harness.js';
import { benchBills } from './bills.js';
import { benchHttpTransfers } from './http.js';
import { benchLedger } from './ledger.js';
import { startServer } from './server.js';
import { preparePgbench } from './pgbench.js';

/**
 * npm run bench [-- --json FILE] [--seconds N] [--only ledger,pgbench,...]
 * Runs against PostgreSQL (BENCH_DATABASE_URL, default the local server) with
 * its default settings. Reports figures; never fails on time.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--seconds N` wins over BENCH_SECONDS, with the same bounds. */
function benchSeconds(raw: string | undefined, fallback: number): number {
  return raw === undefined ? fallback : VARIABLES.BENCH_SECONDS.parse('--seconds', raw);
}

async function freshDatabase(base: URL, name: string): Promise<URL> {
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return url;
}

async function main() {
  const config = loadBenchConfig();
  const base = new URL(config.databaseUrl);
  const seconds = benchSeconds(arg('seconds'), config.seconds);
  const only = (arg('only') ?? 'pgbench,ledger,http,bills').split(',');
  const jsonFile = arg('json');
  const log = (s: string) => console.log(s);
  const results: CaseResult[] = [];

  // pgbench's 20 s, in two halves around the other cases (see bench/pgbench.ts).
  const pgbench = only.includes('pgbench') ? preparePgbench(base, log) : undefined;
  pgbench?.run(10);

  if (only.includes('ledger')) {
    const url = await freshDatabase(base, 'vendra_bench');
    const db = createPgDb({ url: url.toString(), poolSize: 16 });
    await migrate(db);
    results.push(...(await benchLedger(db, { seconds, callers: 64, wallets: 10_000 }, log)));
    await db.close();
  }
  if (only.includes('http') || only.includes('bills')) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    const url = await freshDatabase(base, 'vendra_bench_http');
    const port = 3900 + Math.floor(Math.random() * 50);
    const server = await startServer(url.toString(), port, { PROVIDER_SIM_LATENCY_MS: '20' });
    const db = createPgDb({ url: url.toString(), poolSize: 2 });
    try {
      if (only.includes('http')) results.push(...(await benchHttpTransfers(server.base, seconds, log)));
      if (only.includes('bills')) {
        const bills = await benchBills(server.base, db, seconds, log);
        log(bills.line);
        results.push(bills);
      }
    } finally {
      await db.close();
      await server.stop();
    }
  }
  pgbench?.run(10);
  const pgbenchResult = pgbench?.finish();
  if (pgbenchResult) {
    log(pgbenchResult.line);
    results.push(pgbenchResult);
  }

  const tpcb = pgbenchResult?.ops_per_s;
  const table = results.map((r) => ({
    name: r.name,
    ops_per_s: r.ops_per_s,
    p50_ms: r.p50_ms,
    p99_ms: Number.isNaN(r.p99_ms) ? null : r.p99_ms,
    ratio_to_tpcb: tpcb ? Number((r.ops_per_s / tpcb).toFixed(2)) : null,
  }));
  console.log('\n| case | ops/s | p50 ms | p99 ms | x tpcb-like |\n|---|---:|---:|---:|---:|');
  for (const r of table) {
    console.log(
      `| ${r.name} | ${r.ops_per_s} | ${r.p50_ms} | ${r.p99_ms ?? '-'} | ${r.ratio_to_tpcb ?? '-'} |`,
    );
  }
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify(table, null, 2));
    console.log(`\nwrote ${jsonFile}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
