import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

/** Samples what the database's active connections wait on until the returned function is called. */
export function sampleWaits(admin: pg.Client, database: string) {
  const waits = new Map<string, number>();
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      const { rows } = await admin.query(
        `SELECT application_name AS app, state, coalesce(wait_event_type, '-') AS wt, coalesce(wait_event, '-') AS w,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS q
           FROM pg_stat_activity WHERE datname = $1 AND state <> 'idle'`,
        [database],
      );
      for (const r of rows) {
        const key = `${r.app} ${r.state} ${r.wt}/${r.w} ${r.q}`;
        waits.set(key, (waits.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    sampling = false;
    await loop;
    return [...waits].sort((a, b) => b[1] - a[1]);
  };
}

/** utime + stime of a process, in clock ticks (100 per second on Linux); 0 once it has exited. */
export function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // exited
  }
}

/** Every PostgreSQL process's CPU ticks, summed (backends come and go; those gone are missed). */
export function postgresTicks(): number {
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

/** A new, empty database for a profiling run (dropped first if a run left one), and the admin client that made it. */
export async function freshProfileDb(base: string, name: string): Promise<{ admin: pg.Client; url: URL }> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { admin, url };
}
