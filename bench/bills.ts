import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../src/db/index.js';
import { type CaseResult, percentile } from './harness.js';
import { api, type BenchUser, makeUsers } from './server.js';

/** One bill payment through the API (a prepaid meter the simulator delivers). */
export const pay = (base: string, u: BenchUser) =>
  api(base, '/v1/bill-payments', {
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

/** Waits (bounded) until the worker has finished every payment accepted so far. */
async function drain(db: Db): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await db.query<{ n: bigint }>(
      "SELECT count(*) AS n FROM bills.payments WHERE status IN ('pending', 'processing')",
    );
    if (rows[0]?.n === 0n || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Accepted -> final of the payments created since `since`, from the database's own timestamps. */
async function finals(db: Db, since: Date): Promise<{ times: number[]; lastDone: number }> {
  const { rows } = await db.query<{ ms: number; done: Date }>(
    `SELECT extract(epoch FROM finalized_at - created_at) * 1000 AS ms, finalized_at AS done
       FROM bills.payments WHERE finalized_at IS NOT NULL AND created_at >= $1`,
    [since],
  );
  return {
    times: rows.map((r) => Number(r.ms)).sort((a, b) => a - b),
    lastDone: Math.max(...rows.map((r) => r.done.getTime())),
  };
}

/** At most this many payments in flight in the open-loop phase, so a stalled server cannot pile up requests. */
const MAX_IN_FLIGHT = 256;

/**
 * Bill payments end to end (accepted -> final) with the provider simulator
 * at 20 ms in its own process: a closed loop of 32 payers for `seconds` (the
 * maximum rate), then an open loop at half that rate for `seconds`, each
 * with the time to a final state of every payment.
 */
export async function benchBills(
  base: string,
  db: Db,
  seconds: number,
  log: (s: string) => void,
): Promise<CaseResult[]> {
  log('bills: registering and funding 32 payers...');
  const users = await makeUsers(base, 32, 1_000_000_000);
  const started = new Date();
  const end = started.getTime() + seconds * 1000;
  let accepted = 0;
  let errors = 0;
  await Promise.all(
    users.map(async (u) => {
      while (Date.now() < end) {
        try {
          await pay(base, u);
          accepted++;
        } catch {
          errors++;
        }
      }
    }),
  );
  await drain(db);
  const max = await finals(db, started);
  const full = result('bills/end-to-end', max.times, errors, (max.lastDone - started.getTime()) / 1000);
  full.line += `  (${accepted} accepted, ${errors} refused)`;
  log(full.line);

  // Half the maximum rate, arrivals evenly spaced (an open loop: latency no longer slows the load).
  const ratePerS = Math.max(1, full.ops_per_s / 2);
  const half = await openLoop(base, users, ratePerS, seconds);
  await drain(db);
  const h = await finals(db, half.started);
  const halfResult = result('bills/end-to-end/half-rate', h.times, half.errors, seconds);
  halfResult.line += `  (offered ${ratePerS.toFixed(1)}/s, ${half.accepted} accepted, ${half.errors} refused)`;
  log(halfResult.line);
  return [full, halfResult];
}

async function openLoop(base: string, users: BenchUser[], ratePerS: number, seconds: number) {
  const started = new Date();
  const total = Math.round(ratePerS * seconds);
  const gapMs = 1000 / ratePerS;
  let accepted = 0;
  let errors = 0;
  let inFlight = 0;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started.getTime() + i * gapMs;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (inFlight >= MAX_IN_FLIGHT) {
      errors++;
      continue;
    }
    inFlight++;
    pending.push(
      pay(base, users[i % users.length] as BenchUser).then(
        () => {
          accepted++;
          inFlight--;
        },
        () => {
          errors++;
          inFlight--;
        },
      ),
    );
  }
  await Promise.all(pending);
  return { started, accepted, errors };
}

function result(name: string, times: number[], errors: number, elapsedS: number): CaseResult {
  const r = {
    name,
    ops: times.length,
    errors,
    ops_per_s: Math.round(times.length / elapsedS),
    p50_ms: Number(percentile(times, 50).toFixed(1)),
    p99_ms: Number(percentile(times, 99).toFixed(1)),
  };
  return {
    ...r,
    line: `${r.name.padEnd(34)} ${String(r.ops_per_s).padStart(8)} payments/s  accept->final p50 ${r.p50_ms} ms  p99 ${r.p99_ms} ms`,
  };
}
