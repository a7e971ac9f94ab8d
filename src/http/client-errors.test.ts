import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { registerUser, type TestUser } from '../test-support/users.js';

/** Sends raw bytes to the server and reads until it closes the connection (or 5 s pass). */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.write(request);
  });
}

function parse(response: string) {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const type = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '';
  return { status, type, body: body ? (JSON.parse(body) as { code?: string; status?: number }) : {} };
}

describe('errors before routing are problem documents (real server)', () => {
  let t: TestApp;
  let port: number;
  let alice: TestUser;
  beforeAll(async () => {
    t = await createTestApp(hasPg() ? 'pg' : 'pglite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
    alice = await registerUser(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('oversized headers: 431 headers_too_large', async () => {
    const res = parse(
      await raw(port, `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect([res.status, res.type, res.body.code]).toEqual([
      431,
      'application/problem+json',
      'headers_too_large',
    ]);
  });

  it('a malformed request line or header: 400 malformed_request', async () => {
    for (const request of [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET /health/live HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
      'GET /health/live HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n',
      'POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
    ]) {
      const res = parse(await raw(port, request));
      expect([JSON.stringify(request), res.status, res.type, res.body.code]).toEqual([
        JSON.stringify(request),
        400,
        'application/problem+json',
        'malformed_request',
      ]);
    }
  });

  it('a bad percent-encoding in the path: 400 bad_url', async () => {
    for (const path of ['/v1/billers/%E0%A4%A', '/v1/wallets/%zz']) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: alice.auth });
      expect([
        path,
        res.status,
        res.headers.get('content-type'),
        ((await res.json()) as { code: string }).code,
      ]).toEqual([path, 400, 'application/problem+json; charset=utf-8', 'bad_url']);
    }
  });

  it('body parser errors: 413, 415, empty and malformed JSON', async () => {
    const base = `http://127.0.0.1:${port}/v1/auth/login`;
    const cases: { body: string; type?: string; status: number; code: string }[] = [
      { body: '{"email":', status: 400, code: 'malformed_json' },
      { body: '', status: 400, code: 'empty_body' },
      {
        body: 'email=a',
        type: 'application/x-www-form-urlencoded',
        status: 415,
        code: 'unsupported_media_type',
      },
      { body: 'x', type: 'text/plain', status: 415, code: 'unsupported_media_type' },
      { body: JSON.stringify({ email: 'x'.repeat(200_000) }), status: 413, code: 'body_too_large' },
    ];
    for (const c of cases) {
      const res = await fetch(base, {
        method: 'POST',
        headers: { 'content-type': c.type ?? 'application/json' },
        body: c.body,
      });
      const json = (await res.json()) as { code: string };
      expect([c.code, res.status, res.headers.get('content-type'), json.code]).toEqual([
        c.code,
        c.status,
        'application/problem+json; charset=utf-8',
        c.code,
      ]);
    }
  });
});
