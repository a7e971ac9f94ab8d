import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { highRateLimitEnv } from '../src/config.js';

/** Starts `node dist/main.js` (all roles) against a database, for HTTP benchmarks, and waits until ready. */
export async function startServer(databaseUrl: string, port: number, env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'vendra-bench-')),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '16',
      // Limits on, at their upper bound: the bench measures the limiter's cost, not its refusals.
      ...highRateLimitEnv(),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export async function api(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string; key?: string } = {},
) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
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

/** Registers and funds users through the API (sandbox gateway), a few at a time. */
export async function makeUsers(base: string, n: number, funding: number): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  const one = async (i: number) => {
    const reg = await api(base, '/v1/auth/register', {
      method: 'POST',
      body: {
        email: `bench-${Date.now()}-${i}@example.com`,
        password: 'bench password 123',
        fullName: `Bench User ${i}`,
      },
    });
    const token = reg.accessToken as string;
    let walletId = '';
    for (let k = 0; k < 100 && !walletId; k++) {
      walletId = (await api(base, '/v1/wallets', { token })).data?.[0]?.id ?? '';
      if (!walletId) await new Promise((r) => setTimeout(r, 50));
    }
    const dep = await api(base, `/v1/wallets/${walletId}/deposits`, {
      method: 'POST',
      token,
      key: `fund-${i}-${Date.now()}`,
      body: { amount: funding },
    });
    await api(base, new URL(dep.checkoutUrl as string).pathname, {
      method: 'POST',
      body: { outcome: 'success' },
    });
    users[i] = { token, walletId };
  };
  for (let start = 0; start < n; start += 10) {
    await Promise.all(Array.from({ length: Math.min(10, n - start) }, (_, k) => one(start + k)));
  }
  return users;
}
