import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { highRateLimitEnv } from '../config.js';
import { hasPg, pgUrl } from '../test-support/db.js';
import { waitForReady } from '../test-support/http.js';

/** Two processes started at once against an empty database both come up (migrations under an advisory lock). */
describe.skipIf(!hasPg())('startup on an empty PostgreSQL database', () => {
  const children: ChildProcess[] = [];
  const name = `vendra_start_${randomInt(1e9)}`;
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    const admin = new pg.Client({ connectionString: pgUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('two processes starting together both answer /health/ready', async () => {
    const admin = new pg.Client({ connectionString: pgUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(pgUrl());
    url.pathname = `/${name}`;
    const ports = [21_000 + randomInt(10_000), 31_000 + randomInt(10_000)];
    for (const port of ports) {
      children.push(
        spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          env: {
            ...process.env,
            ...highRateLimitEnv(),
            NODE_ENV: 'test',
            DATABASE_URL: url.toString(),
            PORT: String(port),
            LOG_LEVEL: 'warn',
            DB_POOL_SIZE: '4',
            ADMIN_EMAIL: 'boss@example.com',
            ADMIN_PASSWORD: 'a long admin password',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
    }
    const ready = await Promise.all(ports.map((port) => waitForReady(`http://127.0.0.1:${port}`, 30_000)));
    expect(ready).toEqual([
      { status: 'ok', database: 'pg' },
      { status: 'ok', database: 'pg' },
    ]);
    const check = new pg.Client({ connectionString: url.toString() });
    await check.connect();
    const { rows } = await check.query(
      'SELECT count(*)::int AS n, count(DISTINCT name)::int AS d FROM public.schema_migrations',
    );
    await check.end();
    expect(rows[0].n).toBe(rows[0].d);
    expect(rows[0].n).toBeGreaterThan(5);
    const login = await fetch(`http://127.0.0.1:${ports[1]}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@example.com', password: 'a long admin password' }),
    });
    expect(login.status).toBe(200); // both bootstrapped the same admin; one account
  }, 60_000);
});
