import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How long a process may take to answer before the bench gives up on it. */
const READY_TIMEOUT_MS = 60_000;
const POLL_MS = 25;

export interface Proc {
  name: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns `node args` with `env` on top of the bench's own environment; stderr is shown, stdout dropped. */
export function spawnNode(name: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    name,
    pid: child.pid as number,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits until `url` answers `ok` (any answer when `anyStatus`); throws after READY_TIMEOUT_MS or if the process exits. */
export async function waitFor(proc: Proc, url: string, anyStatus = false): Promise<void> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited with ${proc.child.exitCode}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (anyStatus || res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`${proc.name}: ${url} not ready after ${READY_TIMEOUT_MS} ms`);
}

/** Resident set size of a process in MB, from /proc (undefined where /proc is absent). */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples the RSS of `pids` every `everyMs` until stop(), which returns the maximum seen (MB, one process). */
export function sampleRss(pids: number[], everyMs = 200): { stop(): number | undefined } {
  let max: number | undefined;
  const sample = () => {
    for (const pid of pids) {
      const mb = rssMb(pid);
      if (mb !== undefined && (max === undefined || mb > max)) max = mb;
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return max === undefined ? undefined : Math.round(max);
    },
  };
}
