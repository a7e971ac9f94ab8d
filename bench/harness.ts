export interface CaseResult {
  name: string;
  ops: number;
  errors: number;
  ops_per_s: number;
  p50_ms: number;
  p99_ms: number;
  line: string;
  /** HTTP cases: the largest RSS of one API process while the case ran. */
  api_rss_mb_max?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length));
  return sorted[i] as number;
}

export function summarise(
  name: string,
  latenciesMs: number[],
  errors: number,
  elapsedMs: number,
): CaseResult {
  const sorted = latenciesMs.sort((a, b) => a - b);
  const opsPerS = (sorted.length / elapsedMs) * 1000;
  const r = {
    name,
    ops: sorted.length,
    errors,
    ops_per_s: Math.round(opsPerS),
    p50_ms: Number(percentile(sorted, 50).toFixed(2)),
    p99_ms: Number(percentile(sorted, 99).toFixed(2)),
  };
  return {
    ...r,
    line: `${name.padEnd(34)} ${String(r.ops_per_s).padStart(8)} ops/s  p50 ${r.p50_ms} ms  p99 ${r.p99_ms} ms  errors ${errors}`,
  };
}

/** Raw figures of one closed-loop run, to be merged with other slices of the same case. */
export interface Slice {
  latenciesMs: number[];
  errors: number;
  elapsedMs: number;
}

/** `callers` loops each running `op` back to back for `seconds`; a bounded closed-loop load. */
export async function runSlice(
  name: string,
  callers: number,
  seconds: number,
  op: () => Promise<void>,
): Promise<Slice> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await op();
          latenciesMs.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= error;
          if (errors > 1000) break;
        }
      }
    }),
  );
  if (firstError) console.error(`${name}: first error:`, firstError);
  return { latenciesMs, errors, elapsedMs: performance.now() - start };
}

/** Merges the slices of one case into its result. */
export function mergeSlices(name: string, slices: Slice[]): CaseResult {
  const latencies = slices.flatMap((s) => s.latenciesMs);
  const errors = slices.reduce((n, s) => n + s.errors, 0);
  const elapsedMs = slices.reduce((n, s) => n + s.elapsedMs, 0);
  return summarise(name, latencies, errors, elapsedMs);
}
