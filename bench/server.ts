import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { highRateLimitEnv } from '../src/config.js';
import { type Proc, spawnNode, waitFor } from './procs.js';

export interface StackOptions {
  databaseUrl: string;
  /** API processes (ROLE=api), on consecutive ports from `port`. */
  apis: number;
  port: number;
  /** The standalone provider simulator's latency. */
  providerLatencyMs: number;
  /** false: RATE_LIMITS=off on every API process. */
  rateLimits: boolean;
  /** Extra API processes with RATE_LIMITS=off (for the limiter's cost within one run), after the others. */
  apisWithoutLimits?: number;
  /** Extra node arguments for the first API process (the profiler's, say). */
  apiNodeArgs?: string[];
  /** Extra node arguments for the worker process. */
  workerNodeArgs?: string[];
  /** true: no worker at first; the caller starts it with Stack.startWorker. */
  deferWorker?: boolean;
}

export interface Stack {
  /** The base URL of each API process (rate limits as configured), then those without limits. */
  bases: string[];
  noLimitBases: string[];
  apiPids: number[];
  noLimitPids: number[];
  procs: Proc[];
  /** Starts a worker process (another one, if one runs already). */
  startWorker(): Proc;
  stop(): Promise<void>;
}

/**
 * The production shape: `npm run provider-sim` as its own process, one
 * `ROLE=worker` and `apis` `ROLE=api` processes of `node dist/main.js`
 * sharing one DATA_DIR (for the development secrets, so a token from one API
 * process is good on the other) and one database.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const procs: Proc[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'vendra-bench-'));
  const stop = async () => {
    for (const p of [...procs].reverse()) await p.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const simPort = opts.port + 40;
    const sim = spawnNode('provider-sim', ['--import', 'tsx', 'src/providers/sim/main.ts'], {
      PROVIDER_SIM_PORT: String(simPort),
      PROVIDER_SIM_LATENCY_MS: String(opts.providerLatencyMs),
      LOG_LEVEL: 'warn',
    });
    procs.push(sim);
    await waitFor(sim, `http://127.0.0.1:${simPort}/`, true);
    const common = {
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_URL: opts.databaseUrl,
      VTPASS_BASE_URL: `http://127.0.0.1:${simPort}`,
      LOG_LEVEL: 'warn',
      // The production shape runs no sandbox campaign (its rewards are decided one at a time).
      SANDBOX_CAMPAIGN: 'off',
      DB_POOL_SIZE: '16',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      // Limits on, at their upper bound: the bench measures the limiter's cost, not its refusals.
      ...highRateLimitEnv(),
      ...(opts.rateLimits ? {} : { RATE_LIMITS: 'off' }),
    };
    const api = async (i: number, env: Record<string, string>) => {
      const port = opts.port + i;
      const nodeArgs = i === 0 ? (opts.apiNodeArgs ?? []) : [];
      const p = spawnNode(`api-${i}`, [...nodeArgs, 'dist/main.js'], {
        ...common,
        ...env,
        ROLE: 'api',
        PORT: String(port),
      });
      procs.push(p);
      const base = `http://127.0.0.1:${port}`;
      await waitFor(p, `${base}/health/ready`);
      return { base, pid: p.pid };
    };
    // The first process runs the migrations and writes the secrets; the others start after it.
    const first = await api(0, {});
    const startWorker = () => {
      const worker = spawnNode('worker', [...(opts.workerNodeArgs ?? []), 'dist/main.js'], {
        ...common,
        ROLE: 'worker',
      });
      procs.push(worker);
      return worker;
    };
    if (!opts.deferWorker) startWorker();
    const rest = await Promise.all(Array.from({ length: opts.apis - 1 }, (_, k) => api(k + 1, {})));
    const noLimits = await Promise.all(
      Array.from({ length: opts.apisWithoutLimits ?? 0 }, (_, k) =>
        api(opts.apis + k, { RATE_LIMITS: 'off' }),
      ),
    );
    const limited = [first, ...rest];
    return {
      bases: limited.map((a) => a.base),
      noLimitBases: noLimits.map((a) => a.base),
      apiPids: limited.map((a) => a.pid),
      noLimitPids: noLimits.map((a) => a.pid),
      procs,
      startWorker,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The transaction PIN of every bench user (set at registration, sent with every request of theirs). */
export const BENCH_PIN = '1357';

export async function api(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string; key?: string } = {},
) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}`, 'x-transaction-pin': BENCH_PIN } : {}),
      ...(init.key ? { 'idempotency-key': init.key } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, any>;
  if (res.status >= 400)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface BenchUser {
  token: string;
  walletId: string;
}

/** The operator the bench approves its users' tier-3 requests with (ADMIN_EMAIL in the stack's environment). */
export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'bench admin password 123' };

/** One deposit may bring in at most this at tier 3 (the CBN seed): funding goes in pieces. */
const MAX_DEPOSIT_KOBO = 100_000_000;

/**
 * Takes a person to tier 3 as a customer would, through the API: the sandbox
 * BVN and NIN (tier 2), the tier-3 request, and an operator's approval. The
 * bench measures throughput under the limits, not the tier-1 refusals.
 */
async function toTier3(base: string, token: string, adminToken: string) {
  await api(base, '/v1/me/kyc/bvn', {
    method: 'POST',
    token,
    body: { bvn: '22222222222', dateOfBirth: '1990-05-17' },
  });
  await api(base, '/v1/me/kyc/nin', { method: 'POST', token, body: { nin: '11111111111' } });
  const review = await api(base, '/v1/me/kyc/tier3', {
    method: 'POST',
    token,
    body: { address: '12 Bench Street, Ikeja, Lagos', idType: 'national_id', idNumber: 'BENCH-12345' },
  });
  await api(base, `/v1/admin/kyc/reviews/${review.id}/approve`, {
    method: 'POST',
    token: adminToken,
    body: { reason: 'bench user' },
  });
}

/** Funds a wallet through the sandbox gateway (checkout, then its "Pay" button), in deposits one may make. */
async function fundWallet(base: string, token: string, walletId: string, funding: number, tag: string) {
  for (let done = 0, k = 0; done < funding; k++) {
    const amount = Math.min(MAX_DEPOSIT_KOBO, funding - done);
    const dep = await api(base, `/v1/wallets/${walletId}/deposits`, {
      method: 'POST',
      token,
      key: `fund-${tag}-${k}`,
      body: { amount },
    });
    await api(base, new URL(dep.checkoutUrl as string).pathname, {
      method: 'POST',
      body: { outcome: 'success' },
    });
    done += amount;
  }
}

/** 0 -> A, 25 -> Z, 26 -> BA: a name part the identity check accepts (no digits in names). */
const lettersOf = (i: number): string =>
  (i >= 26 ? lettersOf(Math.floor(i / 26)) : '') + String.fromCharCode(65 + (i % 26));

/** Registers users through the API, takes them to tier 3 and funds them, a few at a time. */
export async function makeUsers(base: string, n: number, funding: number): Promise<BenchUser[]> {
  const admin = await api(base, '/v1/auth/login', { method: 'POST', body: BENCH_ADMIN });
  const adminToken = admin.accessToken as string;
  // Tiers 2 and 3 need a verified phone (a code by SMS): the bench's own stack waives it, as an
  // admin may, since it measures money movement, not phone verification.
  for (const tier of [2, 3])
    await api(base, `/v1/admin/kyc/tier-settings/${tier}`, {
      method: 'PUT',
      token: adminToken,
      body: { requiresVerifiedPhone: false, reason: 'bench users are not texted' },
    });
  const users: BenchUser[] = [];
  const one = async (i: number) => {
    const reg = await api(base, '/v1/auth/register', {
      method: 'POST',
      body: {
        email: `bench-${Date.now()}-${i}@example.com`,
        password: 'bench password 123',
        fullName: `Bench User ${lettersOf(i)}`,
      },
    });
    const token = reg.accessToken as string;
    await api(base, '/v1/me/pin', { method: 'PUT', token, body: { pin: BENCH_PIN } });
    let walletId = '';
    for (let k = 0; k < 100 && !walletId; k++) {
      walletId = (await api(base, '/v1/wallets', { token })).data?.[0]?.id ?? '';
      if (!walletId) await new Promise((r) => setTimeout(r, 50));
    }
    await toTier3(base, token, adminToken);
    await fundWallet(base, token, walletId, funding, `${i}-${Date.now()}`);
    users[i] = { token, walletId };
  };
  for (let start = 0; start < n; start += 10) {
    await Promise.all(Array.from({ length: Math.min(10, n - start) }, (_, k) => one(start + k)));
  }
  return users;
}
