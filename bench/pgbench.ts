import { execFileSync } from 'node:child_process';
import type { CaseResult } from './harness.js';

/** PostgreSQL's own tpcb-like workload against the same server: the yardstick for every figure. */
export function runPgbench(url: URL, seconds: number, log: (s: string) => void): CaseResult | undefined {
  const conn = [
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
  ];
  const db = 'vendra_pgbench';
  try {
    execFileSync('psql', [...conn, '-d', 'postgres', '-qc', `DROP DATABASE IF EXISTS ${db}`], {
      stdio: 'pipe',
    });
    execFileSync('psql', [...conn, '-d', 'postgres', '-qc', `CREATE DATABASE ${db}`], { stdio: 'pipe' });
    log('pgbench: initialising scale 10...');
    execFileSync('pgbench', [...conn, '-i', '-s', '10', '-q', db], { stdio: 'pipe' });
    log(`pgbench: tpcb-like, 16 clients, ${seconds} s...`);
    const out = execFileSync('pgbench', [...conn, '-c', '16', '-j', '2', '-T', String(seconds), '-r', db], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 'NaN');
    const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? 'NaN');
    execFileSync('psql', [...conn, '-d', 'postgres', '-qc', `DROP DATABASE IF EXISTS ${db}`], {
      stdio: 'pipe',
    });
    const r = {
      name: 'pgbench/tpcb-like',
      ops: 0,
      errors: 0,
      ops_per_s: Math.round(tps),
      p50_ms: latency,
      p99_ms: Number.NaN,
    };
    return { ...r, line: `${r.name.padEnd(30)} ${String(r.ops_per_s).padStart(8)} tps    avg ${latency} ms` };
  } catch (error) {
    log(`pgbench unavailable: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}
