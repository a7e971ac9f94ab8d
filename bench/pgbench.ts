import { execFileSync } from 'node:child_process';
import type { CaseResult } from './harness.js';

export interface Pgbench {
  /** Runs the tpcb-like workload for `seconds`; returns tps and average latency, or undefined. */
  run(seconds: number): { tps: number; latencyMs: number } | undefined;
  /** Drops the pgbench database and returns the mean of every run as one case. */
  finish(): CaseResult | undefined;
}

/**
 * PostgreSQL's own tpcb-like workload (scale 10, 16 clients) against the same
 * server: the yardstick for every figure. The bench runs it in two halves, one
 * before and one after the other cases, and reports the mean, so that a shared
 * machine drifting during the run does not tilt the ratios.
 */
export function preparePgbench(url: URL, log: (s: string) => void): Pgbench | undefined {
  const conn = [
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
  ];
  const db = 'vendra_pgbench';
  const psql = (sql: string) =>
    execFileSync('psql', [...conn, '-d', 'postgres', '-qc', sql], { stdio: 'pipe' });
  try {
    psql(`DROP DATABASE IF EXISTS ${db}`);
    psql(`CREATE DATABASE ${db}`);
    log('pgbench: initialising scale 10...');
    execFileSync('pgbench', [...conn, '-i', '-s', '10', '-q', db], { stdio: 'pipe' });
  } catch (error) {
    log(`pgbench unavailable: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const runs: { tps: number; latencyMs: number }[] = [];
  return {
    run(seconds) {
      log(`pgbench: tpcb-like, 16 clients, ${seconds} s...`);
      try {
        const out = execFileSync(
          'pgbench',
          [...conn, '-c', '16', '-j', '2', '-T', String(seconds), '-r', db],
          {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        const r = {
          tps: Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 'NaN'),
          latencyMs: Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? 'NaN'),
        };
        log(`pgbench/tpcb-like (this half)    ${Math.round(r.tps)} tps    avg ${r.latencyMs} ms`);
        runs.push(r);
        return r;
      } catch (error) {
        log(`pgbench failed: ${(error as Error).message.split('\n')[0]}`);
        return undefined;
      }
    },
    finish() {
      try {
        psql(`DROP DATABASE IF EXISTS ${db}`);
      } catch {
        // the figures stand without the cleanup
      }
      if (runs.length === 0) return undefined;
      const tps = runs.reduce((n, r) => n + r.tps, 0) / runs.length;
      const latency = runs.reduce((n, r) => n + r.latencyMs, 0) / runs.length;
      const r = {
        name: 'pgbench/tpcb-like',
        ops: 0,
        errors: 0,
        ops_per_s: Math.round(tps),
        p50_ms: Number(latency.toFixed(3)),
        p99_ms: Number.NaN,
      };
      const halves = runs.map((x) => Math.round(x.tps)).join(' and ');
      return {
        ...r,
        line: `${r.name.padEnd(34)} ${String(r.ops_per_s).padStart(8)} tps    (mean of ${halves})`,
      };
    },
  };
}
