import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { CaseResult } from './harness.js';
import { type BenchUser, makeUsers } from './server.js';

/** Person-to-person transfers through HTTP (authenticated, idempotency keys), from autocannon. */
export async function benchHttpTransfers(
  base: string,
  seconds: number,
  log: (s: string) => void,
): Promise<CaseResult[]> {
  log('http: registering and funding 100 users + 1 merchant...');
  const users = await makeUsers(base, 101, 100_000_000);
  const merchant = users.pop() as BenchUser;
  const out: CaseResult[] = [];
  for (const scenario of ['random', 'one-merchant'] as const) {
    const result = await autocannon({
      url: base,
      connections: 64,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/v1/transfers',
          setupRequest: (req) => {
            const from = users[Math.floor(Math.random() * users.length)] as BenchUser;
            let to =
              scenario === 'one-merchant'
                ? merchant
                : (users[Math.floor(Math.random() * users.length)] as BenchUser);
            while (to === from) to = users[Math.floor(Math.random() * users.length)] as BenchUser;
            return {
              ...req,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${from.token}`,
                'idempotency-key': randomUUID(),
              },
              body: JSON.stringify({
                fromWalletId: from.walletId,
                to: { walletId: to.walletId },
                amount: 1 + Math.floor(Math.random() * 100),
              }),
            };
          },
        },
      ],
    });
    const name = `http/transfer/${scenario}`;
    const ok = result['2xx'];
    const r = {
      name,
      ops: ok,
      errors: result.non2xx + result.errors,
      ops_per_s: Math.round(ok / seconds),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
    };
    out.push({
      ...r,
      line: `${name.padEnd(30)} ${String(r.ops_per_s).padStart(8)} req/s  p50 ${r.p50_ms} ms  p99 ${r.p99_ms} ms  non-2xx ${r.errors}`,
    });
    log(out[out.length - 1]!.line);
  }
  return out;
}
