import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './log.js';

describe('request logging', () => {
  it('logs the path and the query with its values redacted', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({
      loggerInstance: createLogger('info', false, sink) as unknown as FastifyBaseLogger,
    });
    app.get('/v1/wallets/:id/transactions', async () => ({ data: [] }));
    try {
      const res = await app.inject({
        method: 'GET',
        url: '/v1/wallets/w1/transactions?cursor=c2VjcmV0LWN1cnNvcg&q=alice%40example.com&token=tok-123&flag',
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
    }
    const all = lines.join('');
    expect(all).toContain(
      '"url":"/v1/wallets/w1/transactions?cursor=[redacted]&q=[redacted]&token=[redacted]&flag"',
    );
    for (const value of ['c2VjcmV0LWN1cnNvcg', 'alice%40example.com', 'alice@example.com', 'tok-123'])
      expect(all).not.toContain(value);
  });

  it('keeps URLs without a query as they are and bounds what it keeps of one', () => {
    expect(redactUrl('/health/live')).toBe('/health/live');
    expect(redactUrl('/x?')).toBe('/x?');
    const many = Array.from({ length: 30 }, (_, i) => `p${i}=v${i}`).join('&');
    const out = redactUrl(`/x?${many}`);
    expect(out.split('&')).toHaveLength(21);
    expect(out).not.toContain('v1');
    expect(redactUrl(`/x?${'n'.repeat(500)}=1`).length).toBeLessThan(90);
  });
});
