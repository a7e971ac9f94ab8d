/**
 * npx tsx bench/profile-bills.ts [--seconds N] [--cpu-prof]
 * The bills case (bench/bills.ts) on the production-shape stack, with the CPU
 * each process used (from /proc), and the worker under --cpu-prof when asked.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadBenchConfig } from '../src/config.js';
import { createPgDb } from '../src/db/pg.js';
import { benchBills } from './bills.js';
import { startStack } from './server.js';

/** utime + stime of a process, in clock ticks (100 per second on Linux). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

/** Every PostgreSQL process's CPU ticks, summed (backends come and go; those gone are missed). */
function postgresTicks(): number {
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') sum += cpuTicks(Number(entry));
    } catch {
      // exited
    }
  }
  return sum;
}

async function main() {
  const i = process.argv.indexOf('--seconds');
  const seconds = i >= 0 ? Number(process.argv[i + 1]) : 5;
  const profile = process.argv.includes('--cpu-prof');
  const base = loadBenchConfig().databaseUrl;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS vendra_profile_bills WITH (FORCE)');
  await admin.query('CREATE DATABASE vendra_profile_bills');
  const url = new URL(base);
  url.pathname = '/vendra_profile_bills';
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
    const pids = Object.fromEntries(stack.procs.map((p) => [p.name, p.pid]));
    const before = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, cpuTicks(pid)]));
    const pg0 = postgresTicks();
    const self0 = process.cpuUsage();
    const started = performance.now();
    const waits = new Map<string, number>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await admin.query(
          `SELECT application_name AS app, state, coalesce(wait_event_type,'-') AS wt, coalesce(wait_event,'-') AS w, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS q
             FROM pg_stat_activity WHERE datname = 'vendra_profile_bills' AND state <> 'idle'`,
        );
        for (const r of rows) {
          const k = `${r.app} ${r.state} ${r.wt}/${r.w} ${r.q}`;
          waits.set(k, (waits.get(k) ?? 0) + 1);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await benchBills(stack.bases[0] as string, db, seconds, (s) => console.log(s));
    const wallS = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    for (const [k, n] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(n, k);
    for (const [n, pid] of Object.entries(pids))
      console.log(`${n}: ${((cpuTicks(pid) - (before[n] ?? 0)) / 100 / wallS).toFixed(2)} cores`);
    // Where accept -> final goes, from the payment events' own timestamps.
    const { rows: phases } = await db.query<{ phase: string; p50: number; p99: number }>(
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
    for (const r of phases)
      console.log(`${r.phase}: p50 ${Number(r.p50).toFixed(1)} ms, p99 ${Number(r.p99).toFixed(1)} ms`);
    console.log(`postgres: ${((postgresTicks() - pg0) / 100 / wallS).toFixed(2)} cores`);
    const self = process.cpuUsage(self0);
    console.log(`load generator: ${((self.user + self.system) / 1e6 / wallS).toFixed(2)} cores`);
    if (profile) console.log(`worker profile in ${profileDir} (written when the worker stops)`);
  } finally {
    await db.close();
    await stack.stop();
    await admin.query('DROP DATABASE IF EXISTS vendra_profile_bills WITH (FORCE)');
    await admin.end();
  }
}

await main();
