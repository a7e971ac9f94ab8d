/**
 * The adapter against a hostile raw HTTP server: every way an answer can go
 * wrong must come back as outcome 'unknown' with a reason, never a throw.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from './types.js';
import { createVtpassAdapter } from './vtpass.js';

type Behaviour = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let behaviour: Behaviour = (_req, res) => res.end('{}');
const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      behaviour(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const REF = '202501010000abcdefghijklmnop';
const VEND = {
  reference: REF,
  serviceId: 'ikeja-electric',
  variationCode: 'prepaid',
  customerRef: '1111111111111',
  amountMinor: 100_000n,
};
const TIMEOUT_MS = 200;

function adapter() {
  return createVtpassAdapter({
    name: 'raw',
    baseUrl: `${baseUrl}/`,
    apiKey: 'AK',
    secretKey: 'SK',
    publicKey: 'PK',
    timeoutMs: TIMEOUT_MS,
  });
}

function json(status: number, body: unknown): Behaviour {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

describe('vtpass adapter over a hostile server', () => {
  it('sends the documented paths and headers', async () => {
    behaviour = json(200, { code: '000', content: { transactions: { status: 'delivered' } } });
    seen.length = 0;
    const a = adapter();
    await a.vend(VEND);
    await a.requery(REF);
    await a.validateCustomer({
      serviceId: 'ikeja-electric',
      variationCode: 'prepaid',
      customerRef: '1111111111111',
    });
    behaviour = json(200, { response_description: '000', content: { variations: [] } });
    await a.listVariations('dstv');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/pay',
      'POST /api/requery',
      'POST /api/merchant-verify',
      'GET /api/service-variations?serviceID=dstv',
    ]);
    for (const post of seen.slice(0, 3)) {
      expect(post.headers['api-key']).toBe('AK');
      expect(post.headers['secret-key']).toBe('SK');
      expect(post.headers['public-key']).toBeUndefined();
      expect(post.headers['content-type']).toBe('application/json');
    }
    expect(seen[3]?.headers['public-key']).toBe('PK');
    expect(seen[3]?.headers['secret-key']).toBeUndefined();
    expect(JSON.parse(seen[1]?.body ?? '')).toEqual({ request_id: REF });
    expect(JSON.parse(seen[2]?.body ?? '')).toEqual({
      billersCode: '1111111111111',
      serviceID: 'ikeja-electric',
      type: 'prepaid',
    });
  });

  const cases: [string, string, Behaviour][] = [
    ['HTTP 500', 'http_5xx', json(500, { code: '000', content: { transactions: { status: 'delivered' } } })],
    ['HTTP 503 HTML', 'http_5xx', (_q, r) => r.writeHead(503).end('<html>down</html>')],
    ['HTTP 404 without a code', 'http_4xx', json(404, { error: 'nope' })],
    [
      'HTML with 200',
      'bad_json',
      (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html>oops</html>'),
    ],
    ['empty body', 'bad_json', (_q, r) => r.end()],
    ['JSON that is not an object', 'bad_json', json(200, ['000'])],
    ['truncated JSON', 'bad_json', (_q, r) => r.end('{"code":"000","content":{')],
    [
      'a 2 MB body',
      'body_too_large',
      (_q, r) => r.end(`{"code":"000","x":"${'x'.repeat(2 * 1024 * 1024)}"}`),
    ],
    ['no answer at all', 'timeout', () => {}],
    [
      'headers, then a stalled body',
      'timeout',
      (_q, r) => r.writeHead(200, { 'content-type': 'application/json' }).write('{"code":'),
    ],
    ['connection destroyed', 'network_error', (q) => q.socket.destroy()],
    ['an undocumented code', 'unexpected_code:777', json(200, { code: '777' })],
  ];

  it.each(cases)('%s -> unknown (%s) for vend and requery; unknown for validate', async (_name, code, b) => {
    behaviour = b;
    const a = adapter();
    const started = performance.now();
    const vend = await a.vend(VEND);
    expect(vend).toMatchObject({ outcome: 'unknown', code });
    expect(vend.latencyMs).toBeGreaterThanOrEqual(0);
    expect(vend.latencyMs).toBeLessThan(TIMEOUT_MS + 1_000);
    expect(await a.requery(REF)).toMatchObject({ outcome: 'unknown' });
    const v = await a.validateCustomer({
      serviceId: 'ikeja-electric',
      variationCode: 'prepaid',
      customerRef: '1111111111111',
    });
    expect(v).toMatchObject({ ok: false, outcome: 'unknown' });
    expect(performance.now() - started).toBeLessThan(3 * (TIMEOUT_MS + 1_000));
  });

  it('a 4xx carrying a VTpass code is mapped by the code', async () => {
    behaviour = json(401, { code: '087', response_description: 'INVALID CREDENTIALS' });
    expect(await adapter().vend(VEND)).toMatchObject({ outcome: 'failed', code: '087' });
  });

  it('connection refused is a network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const a = createVtpassAdapter({
      name: 'gone',
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: 'a',
      secretKey: 's',
      publicKey: 'p',
      timeoutMs: TIMEOUT_MS,
    });
    expect(await a.vend(VEND)).toMatchObject({ outcome: 'unknown', code: 'network_error' });
  });

  it('listVariations throws a ProviderError rather than returning an empty catalogue', async () => {
    behaviour = json(500, {});
    await expect(adapter().listVariations('dstv')).rejects.toBeInstanceOf(ProviderError);
    behaviour = json(200, { response_description: '012' });
    await expect(adapter().listVariations('dstv')).rejects.toThrow(/unexpected_code:012/);
  });
});
