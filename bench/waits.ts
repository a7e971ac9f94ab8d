import type pg from 'pg';

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
