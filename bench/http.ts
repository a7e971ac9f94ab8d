import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { type CaseResult, mergeSlices, type Slice } from './harness.js';
import { sampleRss } from './procs.js';
import { BENCH_PIN, type BenchUser, makeUsers } from './server.js';

export type HttpScenario = 'transfer/random' | 'transfer/one-merchant' | 'wallet/read';

/** One HTTP case: a scenario against some API processes (autocannon spreads its connections over them). */
export interface HttpCase {
  name: string;
  scenario: HttpScenario;
  connections: number;
  bases: string[];
  /** The API processes whose RSS is sampled while the case runs. */
  pids: number[];
}

interface Users {
  users: BenchUser[];
  merchant: BenchUser;
}

const WARMUP_S = 1;

const pick = (users: BenchUser[]) => users[Math.floor(Math.random() * users.length)] as BenchUser;

function request(scenario: HttpScenario, u: Users): autocannon.Request {
  if (scenario === 'wallet/read') {
    return {
      method: 'GET',
      setupRequest: (req) => {
        const who = pick(u.users);
        return {
          ...req,
          path: `/v1/wallets/${who.walletId}`,
          headers: { authorization: `Bearer ${who.token}` },
        };
      },
    };
  }
  return {
    method: 'POST',
    path: '/v1/transfers',
    setupRequest: (req) => {
      const from = pick(u.users);
      let to = scenario === 'transfer/one-merchant' ? u.merchant : pick(u.users);
      while (to === from) to = pick(u.users);
      return {
        ...req,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${from.token}`,
          'x-transaction-pin': BENCH_PIN,
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({
          fromWalletId: from.walletId,
          to: { walletId: to.walletId },
          amount: 1 + Math.floor(Math.random() * 100),
        }),
      };
    },
  };
}

/** One slice of a case under autocannon: every 2xx answer's latency; anything else is an error. */
async function slice(c: HttpCase, seconds: number, u: Users): Promise<Slice> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  // Without a callback autocannon returns its tracker, an event emitter that is also a promise of the result.
  const instance = autocannon({
    // An array of URLs: autocannon gives connection i the URL i % n (its types say string only).
    url: c.bases as unknown as string,
    connections: c.connections,
    duration: seconds,
    requests: [request(c.scenario, u)],
  }) as unknown as Promise<autocannon.Result> & {
    on(event: 'response', f: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latenciesMs.push(ms);
    else {
      errors++;
      firstError ??= `HTTP ${status}`;
    }
  });
  const result = await instance;
  errors += result.errors + result.timeouts;
  if (firstError) console.error(`${c.name}: first non-2xx: ${firstError}`);
  return { latenciesMs, errors, elapsedMs: performance.now() - start };
}

/**
 * The HTTP cases, interleaved in rounds of short slices like the ledger
 * cases (a drifting machine weighs on all alike), each round starting at a
 * different case; reports the maximum RSS of the case's API processes.
 */
export async function benchHttp(
  base: string,
  cases: HttpCase[],
  seconds: number,
  log: (s: string) => void,
): Promise<CaseResult[]> {
  log('http: registering and funding 100 users + 1 merchant...');
  const users = await makeUsers(base, 101, 100_000_000);
  const u: Users = { merchant: users.pop() as BenchUser, users };
  const state = cases.map(() => ({ slices: [] as Slice[], rss: undefined as number | undefined }));
  // A discarded second per case first, so that no process is measured cold (the
  // first API process has served the registrations; the others have not).
  for (const c of cases) await slice(c, WARMUP_S, u);
  const rounds = Math.max(1, Math.round(seconds / 3));
  const secondsPerSlice = Math.max(1, Math.round(seconds / rounds));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (round + k) % cases.length;
      const c = cases[i] as HttpCase;
      const s = state[i] as (typeof state)[number];
      const rss = sampleRss(c.pids);
      s.slices.push(await slice(c, secondsPerSlice, u));
      const max = rss.stop();
      if (max !== undefined) s.rss = Math.max(s.rss ?? 0, max);
    }
  }
  return cases.map((c, i) => {
    const s = state[i] as (typeof state)[number];
    const r = mergeSlices(c.name, s.slices);
    const withRss = { ...r, api_rss_mb_max: s.rss };
    log(`${r.line}  api rss max ${s.rss ?? '-'} MB`);
    return withRss;
  });
}
