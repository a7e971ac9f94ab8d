import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { loadBenchConfig, VARIABLES } from '../src/config.js';
import { createPgDb } from '../src/db/pg.js';
import { migrate } from '../src/db/index.js';
import { benchBills } from './bills.js';
import { benchStartup, openPglite } from './embedded.js';
import type { CaseResult } from './harness.js';
import { benchHttp, type HttpCase } from './http.js';
import { auditLedger, benchLedger, type ExtraLedger } from './ledger.js';
import { preparePgbench } from './pgbench.js';
import { type Stack, startStack } from './server.js';

/**
 * npm run bench [-- --json FILE] [--seconds N] [--only pgbench,ledger,pglite,http,bills,startup]
 *               [--scale small|full] [--rate-limits on|off|both]
 * Runs against PostgreSQL (BENCH_DATABASE_URL, default the local server) with
 * its default settings. Reports figures; never fails on time.
 *   --scale small       leaves out ledger/random/batched on 1,000,000 wallets (about 80 s of setup and audit)
 *   --rate-limits off   every API process runs with RATE_LIMITS=off
 *   --rate-limits both  adds a third API process with RATE_LIMITS=off and the /no-limits cases
 */
const ALL = ['pgbench', 'ledger', 'pglite', 'http', 'bills', 'startup'];
const SMALL_WALLETS = 10_000;
const FULL_WALLETS = 1_000_000;
const PROVIDER_LATENCY_MS = 20;
const BULK_STATEMENT_TIMEOUT_MS = 600_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--seconds N` wins over BENCH_SECONDS, with the same bounds. */
function benchSeconds(raw: string | undefined, fallback: number): number {
  return raw === undefined ? fallback : VARIABLES.BENCH_SECONDS.parse('--seconds', raw);
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = arg(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
  return v as T;
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

async function dropDatabase(base: URL, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** Samples the number of server connections to one database until stop(), which returns the maximum. */
function sampleConnections(base: URL, database: string, everyMs = 250) {
  const client = new pg.Client({ connectionString: base.toString() });
  let max = 0;
  let busy = false;
  const ready = client.connect();
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      await ready;
      const { rows } = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
        [database],
      );
      max = Math.max(max, Number(rows[0]?.n ?? 0));
    } catch {
      // a missed sample
    } finally {
      busy = false;
    }
  }, everyMs);
  return {
    async stop(): Promise<number> {
      clearInterval(timer);
      await client.end().catch(() => undefined);
      return max;
    },
  };
}

function httpCases(stack: Stack, rateLimits: string): HttpCase[] {
  const one = { bases: stack.bases.slice(0, 1), pids: stack.apiPids.slice(0, 1) };
  const two = { bases: stack.bases, pids: stack.apiPids };
  const cases: HttpCase[] = [
    { name: 'http/transfer/random', scenario: 'transfer/random', connections: 64, ...one },
    { name: 'http/transfer/one-merchant', scenario: 'transfer/one-merchant', connections: 64, ...one },
    { name: 'http/wallet/read', scenario: 'wallet/read', connections: 64, ...one },
    { name: 'http/transfer/random@16', scenario: 'transfer/random', connections: 16, ...one },
    { name: 'http/transfer/random@256', scenario: 'transfer/random', connections: 256, ...one },
    { name: 'http/transfer/random/2-api', scenario: 'transfer/random', connections: 64, ...two },
    { name: 'http/transfer/one-merchant/2-api', scenario: 'transfer/one-merchant', connections: 64, ...two },
    { name: 'http/wallet/read/2-api', scenario: 'wallet/read', connections: 64, ...two },
  ];
  if (rateLimits === 'both') {
    const off = { bases: stack.noLimitBases, pids: stack.noLimitPids };
    cases.push(
      { name: 'http/transfer/random/no-limits', scenario: 'transfer/random', connections: 64, ...off },
      { name: 'http/wallet/read/no-limits', scenario: 'wallet/read', connections: 64, ...off },
    );
  }
  return cases;
}

/** The HTTP and bill cases against the production shape; prints its processes and connections. */
async function benchStack(
  base: URL,
  only: string[],
  seconds: number,
  rateLimits: 'on' | 'off' | 'both',
  log: (s: string) => void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const name = 'vendra_bench_http';
  const url = await freshDatabase(base, name);
  const port = 3900 + Math.floor(Math.random() * 40);
  const apis = only.includes('http') ? 2 : 1;
  const connections = sampleConnections(base, name);
  const stack = await startStack({
    databaseUrl: url.toString(),
    apis,
    port,
    providerLatencyMs: PROVIDER_LATENCY_MS,
    rateLimits: rateLimits !== 'off',
    apisWithoutLimits: rateLimits === 'both' && only.includes('http') ? 1 : 0,
  });
  const db = createPgDb({ url: url.toString(), poolSize: 2 });
  try {
    log(
      `stack: ${stack.procs.map((p) => p.name).join(', ')} (rate limits ${rateLimits}, provider at ${PROVIDER_LATENCY_MS} ms)`,
    );
    if (only.includes('http'))
      results.push(
        ...(await benchHttp(stack.bases[0] as string, httpCases(stack, rateLimits), seconds, log)),
      );
    if (only.includes('bills'))
      results.push(...(await benchBills(stack.bases[0] as string, db, seconds, log)));
  } finally {
    await db.close();
    await stack.stop();
    const max = await connections.stop();
    log(
      `processes: ${stack.procs.length + 1} (this load generator, ${stack.procs.map((p) => p.name).join(', ')}); ` +
        `database connections: at most ${max} (DB_POOL_SIZE 16 per app process; the bench's own 2 and sampler included)`,
    );
  }
  return results;
}

function printTable(title: string, rows: CaseResult[], tpcb: number | undefined) {
  console.log(
    `\n${title}\n\n| case | ops/s | p50 ms | p99 ms | x tpcb-like | api rss MB max |\n|---|---:|---:|---:|---:|---:|`,
  );
  for (const r of rows) {
    const ops = Number.isNaN(r.ops_per_s) ? '-' : r.ops_per_s;
    const ratio = tpcb && !Number.isNaN(r.ops_per_s) ? Number((r.ops_per_s / tpcb).toFixed(2)) : '-';
    const p99 = Number.isNaN(r.p99_ms) ? '-' : r.p99_ms;
    console.log(`| ${r.name} | ${ops} | ${r.p50_ms} | ${p99} | ${ratio} | ${r.api_rss_mb_max ?? '-'} |`);
  }
}

/** How cost grows: each group as ratios to its first (smallest) member. */
function printGrowth(results: CaseResult[]) {
  const by = (n: string) => results.find((r) => r.name === n);
  const groups = [
    [
      ['ledger/random/batched', '10,000 wallets'],
      ['ledger/random/batched@1M', '1,000,000 wallets'],
    ],
    [
      ['http/transfer/random@16', '16 connections'],
      ['http/transfer/random', '64 connections'],
      ['http/transfer/random@256', '256 connections'],
    ],
  ];
  const rows = groups.flatMap((g) => {
    const first = by(g[0]?.[0] as string);
    return g.flatMap(([n, size]) => {
      const r = by(n as string);
      return r && first ? [{ r, size, x: (r.ops_per_s / first.ops_per_s).toFixed(2) }] : [];
    });
  });
  if (rows.length === 0) return;
  console.log(
    '\nHow cost grows\n\n| case | size | ops/s | p50 ms | p99 ms | x smallest |\n|---|---|---:|---:|---:|---:|',
  );
  for (const { r, size, x } of rows)
    console.log(`| ${r.name} | ${size} | ${r.ops_per_s} | ${r.p50_ms} | ${r.p99_ms} | ${x} |`);
}

/** Ratios within the run that answer a question (2 API processes; the limiter's cost). */
function printRatios(results: CaseResult[]) {
  const by = (n: string) => results.find((r) => r.name === n);
  const pairs: [string, string, string][] = [
    ['http/transfer/random/2-api', 'http/transfer/random', '2 API processes vs 1'],
    ['http/transfer/one-merchant/2-api', 'http/transfer/one-merchant', '2 API processes vs 1'],
    ['http/wallet/read/2-api', 'http/wallet/read', '2 API processes vs 1'],
    ['http/transfer/random', 'http/transfer/random/no-limits', 'rate limits on vs off'],
    ['http/wallet/read', 'http/wallet/read/no-limits', 'rate limits on vs off'],
    ['pglite/transfer/batched', 'ledger/random/batched', 'PGlite vs PostgreSQL'],
    ['ledger/random/batched+limits', 'ledger/random/batched', 'KYC limit legs (tiers 1-2) vs none'],
    ['ledger/random/batched+limits-t3', 'ledger/random/batched', 'KYC limit legs (tier 3) vs none'],
  ];
  const lines = pairs.flatMap(([a, b, what]) => {
    const x = by(a);
    const y = by(b);
    if (!x || !y) return [];
    const ratio = x.ops_per_s / y.ops_per_s;
    const cost = what.startsWith('rate limits')
      ? ` (the limiter costs ${((1 - ratio) * 100).toFixed(1)}%)`
      : '';
    return [`${what}: ${a} / ${b} = ${ratio.toFixed(2)}${cost}`];
  });
  if (lines.length > 0) console.log(`\n${lines.join('\n')}`);
}

async function main() {
  const config = loadBenchConfig();
  const base = new URL(config.databaseUrl);
  const seconds = benchSeconds(arg('seconds'), config.seconds);
  const only = (arg('only') ?? ALL.join(',')).split(',');
  const unknown = only.filter((o) => !ALL.includes(o));
  if (unknown.length > 0)
    throw new Error(`--only: unknown case group ${unknown.join(', ')} (${ALL.join(', ')})`);
  const scale = choice('scale', ['small', 'full'] as const, 'full');
  const rateLimits = choice('rate-limits', ['on', 'off', 'both'] as const, 'on');
  const jsonFile = arg('json');
  const log = (s: string) => console.log(s);
  const results: CaseResult[] = [];

  // pgbench's 20 s, in two halves around the other cases (see bench/pgbench.ts).
  const pgbench = only.includes('pgbench') ? preparePgbench(base, log) : undefined;
  pgbench?.run(10);

  if (only.includes('ledger') || only.includes('pglite')) {
    const dbs: { name: string; close(): Promise<void> }[] = [];
    const extras: ExtraLedger[] = [];
    let main: ReturnType<typeof createPgDb> | undefined;
    try {
      if (only.includes('ledger')) {
        const url = await freshDatabase(base, 'vendra_bench');
        main = createPgDb({ url: url.toString(), poolSize: 16 });
        await migrate(main);
        dbs.push({ name: 'vendra_bench', close: () => (main as NonNullable<typeof main>).close() });
      }
      if (only.includes('ledger') && scale === 'full') {
        const url = await freshDatabase(base, 'vendra_bench_1m');
        // Bulk inserts and the audit of a million wallets outlast the default 30 s statement timeout on a busy machine.
        const db = createPgDb({
          url: url.toString(),
          poolSize: 16,
          statementTimeoutMs: BULK_STATEMENT_TIMEOUT_MS,
        });
        await migrate(db);
        dbs.push({ name: 'vendra_bench_1m', close: () => db.close() });
        extras.push({ name: 'ledger/random/batched@1M', db, wallets: FULL_WALLETS, audit: false });
      }
      if (only.includes('pglite')) {
        const p = await openPglite();
        dbs.push({ name: '', close: () => p.close() });
        extras.push({ name: 'pglite/transfer/batched', db: p.db, wallets: SMALL_WALLETS, audit: true });
      }
      results.push(
        ...(await benchLedger(main, { seconds, callers: 64, wallets: SMALL_WALLETS }, log, extras)),
      );
      if (main) await auditLedger(main, 'ledger', log);
      for (const x of extras) if (x.audit) await auditLedger(x.db, x.name, log);
    } finally {
      for (const d of dbs) await d.close();
      for (const d of dbs) if (d.name === 'vendra_bench_1m') await dropDatabase(base, d.name);
    }
  }
  if (only.some((o) => ['http', 'bills', 'startup'].includes(o)))
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (only.includes('http') || only.includes('bills'))
    results.push(...(await benchStack(base, only, seconds, rateLimits, log)));
  if (only.includes('startup'))
    results.push(await benchStartup(3950 + Math.floor(Math.random() * 40), 3, log));

  pgbench?.run(10);
  const pgbenchResult = pgbench?.finish();
  if (pgbenchResult) {
    log(pgbenchResult.line);
    results.push(pgbenchResult);
  }

  const tpcb = pgbenchResult?.ops_per_s;
  printTable(`Results (rate limits ${rateLimits}, --scale ${scale})`, results, tpcb);
  printGrowth(results);
  printRatios(results);
  const table = results.map((r) => ({
    name: r.name,
    ops_per_s: Number.isNaN(r.ops_per_s) ? null : r.ops_per_s,
    p50_ms: r.p50_ms,
    p99_ms: Number.isNaN(r.p99_ms) ? null : r.p99_ms,
    ratio_to_tpcb: tpcb && !Number.isNaN(r.ops_per_s) ? Number((r.ops_per_s / tpcb).toFixed(2)) : null,
    api_rss_mb_max: r.api_rss_mb_max ?? null,
  }));
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify(table, null, 2));
    console.log(`\nwrote ${jsonFile}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
