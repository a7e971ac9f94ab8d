import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../src/db/index.js';
import { type CaseResult, percentile } from './harness.js';
import { api, makeUsers } from './server.js';

/**
 * Bill payments end to end (accepted -> final) with the simulator at 20 ms
 * latency: a closed loop of 32 payers for `seconds`, then the time to a final
 * state of every payment, from the database's own timestamps.
 */
export async function benchBills(
  base: string,
  db: Db,
  seconds: number,
  log: (s: string) => void,
): Promise<CaseResult> {
  log('bills: registering and funding 32 payers...');
  const users = await makeUsers(base, 32, 1_000_000_000);
  const started = Date.now();
  const end = started + seconds * 1000;
  let accepted = 0;
  let errors = 0;
  await Promise.all(
    users.map(async (u) => {
      while (Date.now() < end) {
        try {
          await api(base, '/v1/bill-payments', {
            method: 'POST',
            token: u.token,
            key: randomUUID(),
            body: {
              walletId: u.walletId,
              billerId: 'ikeja-electric',
              productCode: 'prepaid',
              customerRef: `7${randomInt(1e9, 1e10)}`,
              amount: 100_000,
            },
          });
          accepted++;
        } catch {
          errors++;
        }
      }
    }),
  );
  // Wait for the worker to finish what was accepted (bounded).
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await db.query<{ n: bigint }>(
      "SELECT count(*) AS n FROM bills.payments WHERE status IN ('pending', 'processing')",
    );
    if (rows[0]?.n === 0n || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const { rows } = await db.query<{ ms: number; done: Date }>(
    `SELECT extract(epoch FROM finalized_at - created_at) * 1000 AS ms, finalized_at AS done
       FROM bills.payments WHERE finalized_at IS NOT NULL`,
  );
  const times = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
  const lastDone = Math.max(...rows.map((r) => r.done.getTime()));
  const elapsed = (lastDone - started) / 1000;
  const r = {
    name: 'bills/end-to-end',
    ops: times.length,
    errors,
    ops_per_s: Math.round(times.length / elapsed),
    p50_ms: Number(percentile(times, 50).toFixed(1)),
    p99_ms: Number(percentile(times, 99).toFixed(1)),
  };
  return {
    ...r,
    line: `${r.name.padEnd(30)} ${String(r.ops_per_s).padStart(8)} payments/s  accept->final p50 ${r.p50_ms} ms  p99 ${r.p99_ms} ms  (${accepted} accepted, ${errors} refused)`,
  };
}
