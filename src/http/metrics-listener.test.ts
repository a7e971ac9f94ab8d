import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { startMetricsListener } from './metrics-listener.js';

const TOKEN = 'metrics-token-for-tests-0123';

describe('/metrics', () => {
  let guarded: TestApp;
  let separate: TestApp;
  let listener: FastifyInstance | undefined;
  beforeAll(async () => {
    guarded = await createTestApp('pglite', { METRICS_TOKEN: TOKEN });
    separate = await createTestApp('pglite', { METRICS_TOKEN: TOKEN, METRICS_PORT: '0' });
    listener = await startMetricsListener(separate.ctx);
  });
  afterAll(async () => {
    await listener?.close();
    await guarded?.close();
    await separate?.close();
  });

  it('requires the METRICS_TOKEN bearer token when it is set', async () => {
    const get = (authorization?: string) =>
      guarded.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    for (const auth of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await get(auth);
      expect(res.statusCode, String(auth)).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('unauthorized');
      expect(res.body).not.toContain('vendra_http_request_duration_seconds');
    }
    const ok = await get(`Bearer ${TOKEN}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('vendra_http_request_duration_seconds');
  });

  it('with METRICS_PORT is served on its own listener only, not on the API port', async () => {
    expect((await separate.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const withToken = await separate.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(withToken.statusCode).toBe(404);
    expect(listener).toBeDefined();
    const { port } = listener!.server.address() as { port: number };
    const url = `http://${separate.ctx.config.host}:${port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('vendra_http_request_duration_seconds');
  });
});
