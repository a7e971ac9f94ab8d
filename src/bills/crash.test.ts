import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { highRateLimitEnv } from '../config.js';
import { createPgDb } from '../db/pg.js';
import { runAudit } from '../ledger/index.js';
import { type ProviderSim, SANDBOX_CREDENTIALS, startProviderSim } from '../providers/index.js';
import { hasPg, pgUrl } from '../test-support/db.js';
import { setTier, TEST_PIN } from '../test-support/users.js';
import { waitForReady } from '../test-support/http.js';
import { FAST_PROVIDER_ENV } from './testing.js';

/**
 * Crash safety with real processes: an API process and a worker process on
 * PostgreSQL; the worker is killed with SIGKILL at random moments while
 * payments are in flight, and started again. Afterwards every payment is
 * final or needs_review, the simulator saw exactly one vend per provider
 * reference, and the ledger audit is clean.
 */
const PAYMENTS = Number(process.env.CRASH_PAYMENTS ?? 60);
const KILLS = Number(process.env.CRASH_KILLS ?? 6);

describe.skipIf(!hasPg())('SIGKILL the worker while it vends (separate processes)', () => {
  let sim: ProviderSim;
  let dbUrl: string;
  let dbName: string;
  const children = new Set<ChildProcess>();
  let apiPort = 0;

  function start(role: 'api' | 'worker', port: number): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        ...highRateLimitEnv(),
        ...FAST_PROVIDER_ENV,
        NODE_ENV: 'test',
        ROLE: role,
        PORT: String(port),
        DATABASE_URL: dbUrl,
        VTPASS_BASE_URL: sim.url,
        VTPASS_API_KEY: SANDBOX_CREDENTIALS.apiKey,
        VTPASS_SECRET_KEY: SANDBOX_CREDENTIALS.secretKey,
        VTPASS_PUBLIC_KEY: SANDBOX_CREDENTIALS.publicKey,
        OUTBOX_LEASE_MS: '2000',
        DB_POOL_SIZE: '8',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    return child;
  }

  async function api(
    path: string,
    init: { method?: string; body?: unknown; token?: string; key?: string } = {},
  ) {
    const res = await fetch(`http://127.0.0.1:${apiPort}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}`, 'x-transaction-pin': TEST_PIN } : {}),
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, any> };
  }

  beforeAll(async () => {
    sim = await startProviderSim({ name: 'vtpass', latencyMs: 120, pendingMs: 700, timeoutMs: 1200 });
    dbName = `vendra_crash_${randomInt(1e9)}`;
    const admin = new pg.Client({ connectionString: pgUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(pgUrl());
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    apiPort = 20_000 + randomInt(20_000);
    start('api', apiPort);
    expect(await waitForReady(`http://127.0.0.1:${apiPort}`, 15_000)).toBeDefined();
  }, 60_000);

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await sim.close();
    const admin = new pg.Client({ connectionString: pgUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  it(`${PAYMENTS} payments, ${KILLS} SIGKILLs: all final or needs_review, one vend per delivered reference, audit clean`, async () => {
    const reg = await api('/v1/auth/register', {
      method: 'POST',
      body: {
        email: `crash-${randomInt(1e9)}@example.com`,
        password: 'a long enough password',
        fullName: 'Crash Test',
      },
    });
    expect(reg.status).toBe(201);
    const token = reg.json.accessToken as string;
    expect((await api('/v1/me/pin', { method: 'PUT', body: { pin: TEST_PIN }, token })).status).toBe(204);
    // Past the tier-1 limits, which this test is not about (before the person moves money).
    const tierDb = createPgDb({ url: dbUrl, poolSize: 1 });
    await setTier(tierDb, (reg.json.user as { id: string }).id, 3).finally(() => tierDb.close());
    let worker = start('worker', 0);
    let walletId = '';
    for (let i = 0; i < 100 && !walletId; i++) {
      walletId = (await api('/v1/wallets', { token })).json.data?.[0]?.id ?? '';
      if (!walletId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(walletId).not.toBe('');
    const dep = await api(`/v1/wallets/${walletId}/deposits`, {
      method: 'POST',
      token,
      key: 'dep-1',
      body: { amount: 100_000_000 },
    });
    await api(new URL(dep.json.checkoutUrl as string).pathname, {
      method: 'POST',
      body: { outcome: 'success' },
    });

    const refs = [
      '1111111111111',
      '201000000000',
      '300000000000',
      '500000000000',
      '3333333333333',
      '400000000000',
      '71234567890',
    ];
    const submitted: string[] = [];
    const submitting = (async () => {
      for (let i = 0; i < PAYMENTS; i++) {
        const r = await api('/v1/bill-payments', {
          method: 'POST',
          token,
          key: `crash-${i}`,
          body: {
            walletId,
            billerId: 'ikeja-electric',
            productCode: 'prepaid',
            customerRef: refs[i % refs.length],
            amount: 100_000,
          },
        });
        expect(r.status).toBe(202);
        submitted.push(r.json.id as string);
        await new Promise((res) => setTimeout(res, 20));
      }
    })();
    for (let k = 0; k < KILLS; k++) {
      await new Promise((r) => setTimeout(r, 200 + randomInt(600)));
      worker.kill('SIGKILL');
      await new Promise((r) => worker.once('exit', r));
      worker = start('worker', 0);
    }
    await submitting;

    const db = createPgDb({ url: dbUrl, poolSize: 2 });
    try {
      const deadline = Date.now() + 90_000;
      let open = Number.POSITIVE_INFINITY;
      while (Date.now() < deadline) {
        const { rows } = await db.query<{ n: bigint }>(
          "SELECT count(*) AS n FROM bills.payments WHERE status IN ('pending', 'processing')",
        );
        open = Number(rows[0]?.n);
        if (open === 0) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      expect(open).toBe(0);
      const { rows: payments } = await db.query<{ provider_ref: string; status: string }>(
        'SELECT provider_ref, status FROM bills.payments',
      );
      expect(payments).toHaveLength(PAYMENTS);
      const counts: Record<string, number> = {};
      for (const p of payments) {
        counts[p.status] = (counts[p.status] ?? 0) + 1;
        const pays = sim.calls({ requestId: p.provider_ref }).filter((c) => c.endpoint === '/api/pay');
        const vended = pays.filter((c) => c.vended);
        // Exactly one vend for what was delivered, none for what failed (money back). A second
        // pay call with the same reference happens only when a worker died with its first send
        // in flight and the provider never processed it; the provider's request_id dedupes it.
        expect(vended.length, `vends for ${p.provider_ref} (${p.status})`).toBe(
          p.status === 'succeeded' ? 1 : 0,
        );
        expect(pays.length, `pay calls for ${p.provider_ref}`).toBeLessThanOrEqual(2);
        if (pays.length === 2) expect(pays[0]?.vended, `first call for ${p.provider_ref}`).toBe(false);
      }
      console.log(`[crash] ${KILLS} SIGKILLs, outcomes:`, counts);
      const report = await runAudit(db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    } finally {
      await db.close();
    }
  }, 180_000);
});
