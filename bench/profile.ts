/**
 * npm run bench:profile [-- --scenario transfer/random|transfer/one-merchant|wallet/read] [--seconds N]
 *   [--process api|worker]
 * Starts the production-shape stack with the first API process (or the
 * worker) under --cpu-prof, drives one HTTP scenario at 64 connections, and prints the CPU
 * each process used (from /proc) and where the profile was written.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBenchConfig } from '../src/config.js';
import { benchHttp, type HttpScenario } from './http.js';
import { startStack } from './server.js';
import { cpuTicks, freshProfileDb, postgresTicks, sampleWaits } from './sampling.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main() {
  const scenario = arg('scenario', 'transfer/random') as HttpScenario;
  const seconds = Number(arg('seconds', '10'));
  const base = loadBenchConfig().databaseUrl;
  const { admin, url } = await freshProfileDb(base, 'vendra_profile');
  const profileDir = mkdtempSync(join(tmpdir(), 'vendra-profile-'));
  // --process worker profiles the worker instead of the first API process.
  const profiled = arg('process', 'api');
  const profileArgs = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const stack = await startStack({
    databaseUrl: url.toString(),
    apis: 1,
    port: 3980,
    providerLatencyMs: 20,
    rateLimits: arg('rate-limits', 'on') === 'on',
    ...(profiled === 'worker' ? { workerNodeArgs: profileArgs } : { apiNodeArgs: profileArgs }),
  });
  try {
    const pids = Object.fromEntries(stack.procs.map((p) => [p.name, p.pid]));
    const before = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, cpuTicks(pid)]));
    const stopSampling = sampleWaits(admin, 'vendra_profile');
    const pg0 = postgresTicks();
    const self0 = process.cpuUsage();
    const started = performance.now();
    const [r] = await benchHttp(
      stack.bases[0] as string,
      [{ name: `profile/${scenario}`, scenario, connections: 64, bases: stack.bases, pids: stack.apiPids }],
      seconds,
      (s) => console.log(s),
    );
    const wallS = (performance.now() - started) / 1000;
    for (const [n, pid] of Object.entries(pids))
      console.log(`${n}: ${((cpuTicks(pid) - (before[n] ?? 0)) / 100 / wallS).toFixed(2)} cores`);
    console.log(`postgres: ${((postgresTicks() - pg0) / 100 / wallS).toFixed(2)} cores`);
    const self = process.cpuUsage(self0);
    console.log(`load generator: ${((self.user + self.system) / 1e6 / wallS).toFixed(2)} cores`);
    console.log(`result: ${r?.ops_per_s} ops/s; profile in ${profileDir}`);
    const waits = await stopSampling();
    const samples = waits.reduce((n, [, k]) => n + k, 0);
    console.log(`database connections at work (${samples} samples, every 20 ms):`);
    for (const [what, k] of waits.slice(0, 12))
      console.log(`${((100 * k) / samples).toFixed(1).padStart(5)}%  ${what}`);
    const text = await (await fetch(`${stack.bases[0]}/metrics`)).text();
    const figure = (name: string) =>
      Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    const count = figure('vendra_ledger_batch_size_count');
    console.log(
      `ledger batches: ${count}, ${(figure('vendra_ledger_batch_size_sum') / count).toFixed(1)} items each; ` +
        `set path ${figure('vendra_ledger_batches_total{path="set"}')}, exact ${figure('vendra_ledger_batches_total{path="exact"}')}`,
    );
  } finally {
    await stack.stop();
    await admin.query('DROP DATABASE IF EXISTS vendra_profile WITH (FORCE)');
    await admin.end();
  }
}

await main();
