import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { lineSink } from '../test-support/logs.js';
import { createTestApp, type TestApp } from '../test-support/app.js';

describe('request log lines', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    const sink = lineSink(lines);
    t = await createTestApp('pglite', {}, { log: createLogger('info', false, sink) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes one line a request at info: method, redacted path, route, status, time and request id', async () => {
    lines.length = 0;
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/wallets/0190a000-0000-7000-8000-000000000000/transactions?cursor=c2VjcmV0&limit=5',
      headers: { authorization: 'Bearer not-a-token', 'x-request-id': 'req-log-test-1' },
    });
    expect(res.statusCode).toBe(401);
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      reqId: 'req-log-test-1',
      method: 'GET',
      url: '/v1/wallets/0190a000-0000-7000-8000-000000000000/transactions?cursor=[redacted]&limit=[redacted]',
      route: '/v1/wallets/:id/transactions',
      statusCode: 401,
    });
    expect(logged[0].responseTime).toEqual(expect.any(Number));
    expect(lines.join('')).not.toContain('c2VjcmV0');
    expect(lines.join('')).not.toContain('not-a-token');
  });

  it('names unmatched requests as such', async () => {
    lines.length = 0;
    expect((await t.app.inject({ method: 'GET', url: '/v1/nowhere?q=secret' })).statusCode).toBe(404);
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request completed');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ url: '/v1/nowhere?q=[redacted]', statusCode: 404 });
    expect(lines.join('')).not.toContain('secret');
  });

  it('logs requests refused before routing (a bad URL encoding)', async () => {
    lines.length = 0;
    const res = await t.app.inject({ method: 'GET', url: '/v1/wallets/%zz?token=tok-secret-xyz' });
    expect(res.statusCode).toBe(400);
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged).toMatchObject([
      { level: 30, statusCode: 400, url: '/v1/wallets/%zz?token=[redacted]', route: 'unmatched' },
    ]);
    expect(lines.join('')).not.toContain('tok-secret-xyz');
  });
});
