/**
 * npx tsx bench/profile-bills.ts [--seconds N] [--cpu-prof] [--drain N]
 * The bills case (bench/bills.ts) on the production-shape stack, with the CPU
 * each process used (from /proc), what the database connections waited on
 * (pg_stat_activity, sampled), where accept -> final goes (the payment
 * events' timestamps), and the worker under --cpu-prof when asked.
 * --drain N: N payments are accepted with the worker stopped, then the
 * worker is started and drains them: its own rate, whatever the API's.
 * --rate R: an open loop of R payments a second for --seconds, then the phases.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuTicks, freshProfileDb, postgresTicks, sampleWaits } from './sampling.js';
import { loadBenchConfig } from '../src/config.js';
import type { Db } from '../src/db/index.js';
import { createPgDb } from '../src/db/pg.js';
import { benchBills, pay } from './bills.js';
import { type BenchUser, makeUsers, type Stack, startStack } from './server.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** accepted -> sent and sent -> final, from the payment events' own timestamps. */
async function phases(db: Db) {
  const { rows } = await db.query<{ phase: string; p50: number; p99: number }>(
    `WITH t AS (
       SELECT payment_id,
              min(at) FILTER (WHERE status = 'pending') AS accepted,
              min(at) FILTER (WHERE status = 'processing') AS sent,
              min(at) FILTER (WHERE status IN ('succeeded', 'failed')) AS final
         FROM bills.payment_events GROUP BY payment_id)
     SELECT phase, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
       FROM (SELECT 'accepted -> sent' AS phase, extract(epoch FROM sent - accepted) * 1000 AS ms FROM t
             UNION ALL
             SELECT 'sent -> final', extract(epoch FROM final - sent) * 1000 FROM t) x
      GROUP BY phase`,
  );
  for (const r of rows)
    console.log(`${r.phase}: p50 ${Number(r.p50).toFixed(1)} ms, p99 ${Number(r.p99).toFixed(1)} ms`);
}

/** R payments a second, evenly spaced, for `seconds`; then waits for all to be final. */
async function trickle(stack: Stack, db: Db, users: BenchUser[], rate: number, seconds: number) {
  const started = Date.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const wait = started + (i * 1000) / rate - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(pay(stack.bases[0] as string, users[i % users.length] as BenchUser));
  }
  await Promise.all(pending);
  for (;;) {
    const { rows } = await db.query<{ n: bigint }>(
      "SELECT count(*) AS n FROM bills.payments WHERE status IN ('pending', 'processing')",
    );
    if (rows[0]?.n === 0n) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Accepts `n` payments with the worker stopped, then starts one and times how fast it makes them final. */
async function drain(stack: Stack, db: Db, users: BenchUser[], n: number) {
  await stack.procs.find((p) => p.name === 'worker')?.stop();
  const apiPid = stack.apiPids[0] as number;
  const accept0 = { api: cpuTicks(apiPid), postgres: postgresTicks(), self: process.cpuUsage() };
  let next = 0;
  await Promise.all(
    users.map(async (u) => {
      while (next++ < n) await pay(stack.bases[0] as string, u);
    }),
  );
  const perPayment = (ticks: number) => `${((ticks * 10) / n).toFixed(2)} ms`;
  const self = process.cpuUsage(accept0.self);
  console.log(
    `drain: ${n} payments accepted; CPU per payment: api ${perPayment(cpuTicks(apiPid) - accept0.api)}, postgres ${perPayment(postgresTicks() - accept0.postgres)}, load generator ${((self.user + self.system) / 1000 / n).toFixed(2)} ms; starting the worker`,
  );
  const worker = stack.startWorker();
  const ticks0 = cpuTicks(worker.pid);
  const postgres0 = postgresTicks();
  for (;;) {
    const { rows } = await db.query<{ n: bigint }>(
      "SELECT count(*) AS n FROM bills.payments WHERE status IN ('pending', 'processing')",
    );
    if (rows[0]?.n === 0n) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const workerCpuS = (cpuTicks(worker.pid) - ticks0) / 100;
  const postgresCpuS = (postgresTicks() - postgres0) / 100;
  const { rows } = await db.query<{ s: number; n: bigint }>(
    `SELECT extract(epoch FROM max(p.finalized_at) - min(e.at)) AS s, count(DISTINCT p.id) AS n
       FROM bills.payments p JOIN bills.payment_events e ON e.payment_id = p.id AND e.status = 'processing'`,
  );
  const s = Number(rows[0]?.s);
  const done = Number(rows[0]?.n);
  console.log(
    `drain: ${done} payments final in ${s.toFixed(2)} s (first sent -> last final): ${Math.round(done / s)} payments/s; CPU per payment: worker ${((workerCpuS * 1000) / done).toFixed(2)} ms, postgres ${((postgresCpuS * 1000) / done).toFixed(2)} ms`,
  );
}

async function main() {
  const seconds = Number(arg('seconds') ?? 5);
  const drainCount = arg('drain') === undefined ? undefined : Number(arg('drain'));
  const profile = process.argv.includes('--cpu-prof');
  const base = loadBenchConfig().databaseUrl;
  const { admin, url } = await freshProfileDb(base, 'vendra_profile_bills');
  const profileDir = mkdtempSync(join(tmpdir(), 'vendra-profile-'));
  const stack = await startStack({
    databaseUrl: url.toString(),
    apis: 1,
    port: 3980,
    providerLatencyMs: 20,
    rateLimits: true,
    workerNodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const db = await createPgDb({ url: url.toString(), poolSize: 2 });
  try {
    const rate = arg('rate');
    if (rate !== undefined) {
      const users = await makeUsers(stack.bases[0] as string, 32, 1_000_000_000);
      await trickle(stack, db, users, Number(rate), seconds);
      await phases(db);
      return;
    }
    if (drainCount !== undefined) {
      const users = await makeUsers(stack.bases[0] as string, 32, 1_000_000_000);
      await drain(stack, db, users, drainCount);
      await phases(db);
      return;
    }
    const pids = Object.fromEntries(stack.procs.map((p) => [p.name, p.pid]));
    const before = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, cpuTicks(pid)]));
    const pg0 = postgresTicks();
    const self0 = process.cpuUsage();
    const started = performance.now();
    const stopSampling = sampleWaits(admin, 'vendra_profile_bills');
    await benchBills(stack.bases[0] as string, db, seconds, (s) => console.log(s));
    const wallS = (performance.now() - started) / 1000;
    for (const [key, n] of (await stopSampling()).slice(0, 25)) console.log(n, key);
    for (const [n, pid] of Object.entries(pids))
      console.log(`${n}: ${((cpuTicks(pid) - (before[n] ?? 0)) / 100 / wallS).toFixed(2)} cores`);
    console.log(`postgres: ${((postgresTicks() - pg0) / 100 / wallS).toFixed(2)} cores`);
    const self = process.cpuUsage(self0);
    console.log(`load generator: ${((self.user + self.system) / 1e6 / wallS).toFixed(2)} cores`);
    await phases(db);
    if (profile) console.log(`worker profile in ${profileDir} (written when the worker stops)`);
  } finally {
    await db.close();
    await stack.stop();
    await admin.query('DROP DATABASE IF EXISTS vendra_profile_bills WITH (FORCE)');
    await admin.end();
  }
}

await main();
