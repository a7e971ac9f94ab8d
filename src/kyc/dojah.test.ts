/** The Dojah adapter against a local fake Dojah, alone and behind the API (KYC_PROVIDER=dojah). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { post } from '../test-support/http.js';
import { registerUser } from '../test-support/users.js';
import { createDojahProvider, isoDate } from './dojah.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A fake Dojah: each test sets the handler; every request is kept. */
function fakeDojah() {
  const seen: { url: string; appId?: string; authorization?: string }[] = [];
  let handler: Handler = (_req, res) => res.writeHead(500).end();
  const server: Server = createServer((req, res) => {
    seen.push({
      url: req.url ?? '',
      appId: req.headers.appid as string | undefined,
      authorization: req.headers.authorization,
    });
    handler(req, res);
  });
  return {
    seen,
    set: (h: Handler) => {
      handler = h;
    },
    async start() {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const json =
  (status: number, body: unknown): Handler =>
  (_req, res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const entity = (first: string, last: string, dob = '1990-05-17') => ({
  entity: { bvn: 'x', first_name: first, last_name: last, middle_name: 'Ade', date_of_birth: dob },
});

describe('Dojah adapter', () => {
  const fake = fakeDojah();
  let base: string;
  beforeAll(async () => {
    base = await fake.start();
  });
  afterAll(() => fake.close());
  const provider = () =>
    createDojahProvider({ baseUrl: `${base}/`, appId: 'app-1', secretKey: 'sk-1', timeoutMs: 300 });
  const applicant = { fullName: 'ignored' };

  it('asks GET /api/v1/kyc/bvn/full?bvn= and /api/v1/kyc/nin?nin= with AppId and Authorization', async () => {
    fake.set(json(200, entity('Amaka', 'Eze', '17-May-1990')));
    expect(await provider().lookup('bvn', '12345678901', applicant)).toEqual({
      outcome: 'found',
      record: { firstName: 'Amaka', lastName: 'Eze', middleName: 'Ade', dateOfBirth: '1990-05-17' },
    });
    await provider().lookup('nin', '10987654321', applicant);
    expect(fake.seen.slice(-2)).toEqual([
      { url: '/api/v1/kyc/bvn/full?bvn=12345678901', appId: 'app-1', authorization: 'sk-1' },
      { url: '/api/v1/kyc/nin?nin=10987654321', appId: 'app-1', authorization: 'sk-1' },
    ]);
  });

  it('reads an unknown number as not found, and everything else as unavailable (never throws)', async () => {
    for (const status of [400, 404]) {
      fake.set(json(status, { error: 'BVN not found' }));
      expect(await provider().lookup('bvn', '12345678901', applicant)).toEqual({ outcome: 'not_found' });
    }
    const cases: [Handler, string][] = [
      [json(401, { error: 'unauthorised' }), 'HTTP 401'],
      [json(503, { error: 'down' }), 'HTTP 503'],
      [json(200, { entity: {} }), 'no entity in the answer'],
      [(_q, res) => res.writeHead(200).end('<html>'), 'HTTP 200: not JSON'],
      [() => {}, 'no answer within 300 ms'], // never answers
    ];
    for (const [handler, detail] of cases) {
      fake.set(handler);
      const answer = await provider().lookup('nin', '12345678901', applicant);
      expect(answer).toEqual({ outcome: 'unavailable', detail });
      expect(JSON.stringify(answer)).not.toContain('12345678901');
    }
    const closed = createDojahProvider({
      baseUrl: 'http://127.0.0.1:1',
      appId: 'a',
      secretKey: 's',
      timeoutMs: 300,
    });
    expect((await closed.lookup('bvn', '12345678901', applicant)).outcome).toBe('unavailable');
  });

  it('reads the usual date forms', () => {
    expect(isoDate('1990-05-17')).toBe('1990-05-17');
    expect(isoDate('17-05-1990')).toBe('1990-05-17');
    expect(isoDate('7-Jan-1990')).toBe('1990-01-07');
    expect(isoDate('May 17 1990')).toBeUndefined();
    expect(isoDate(undefined)).toBeUndefined();
  });
});

describe.each(backends())('KYC_PROVIDER=dojah on %s', (backend) => {
  const fake = fakeDojah();
  let t: TestApp;
  beforeAll(async () => {
    const base = await fake.start();
    t = await createTestApp(backend, {
      KYC_PROVIDER: 'dojah',
      DOJAH_BASE_URL: base,
      DOJAH_APP_ID: 'app-1',
      DOJAH_SECRET_KEY: 'sk-1',
      KYC_TIMEOUT_MS: '500',
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('verifies against the record, one number per account, and maps the provider failing to 503', async () => {
    const user = await registerUser(t.app, { fullName: 'Amaka Eze' });
    const body = { bvn: '12345678901', dateOfBirth: '1990-05-17' };
    fake.set(json(200, entity('AMAKA', 'EZE', '1991-01-01')));
    expect((await post(t.app, user, '/v1/me/kyc/bvn', body, null)).json().code).toBe('kyc_dob_mismatch');
    fake.set(json(200, entity('Chidi', 'Okafor')));
    expect((await post(t.app, user, '/v1/me/kyc/bvn', body, null)).json().code).toBe('kyc_name_mismatch');
    fake.set(json(503, {}));
    const down = await post(t.app, user, '/v1/me/kyc/bvn', body, null);
    expect([down.statusCode, down.json().code]).toEqual([503, 'kyc_provider_unavailable']);
    fake.set(json(200, entity('AMAKA', 'EZE')));
    const ok = await post(t.app, user, '/v1/me/kyc/bvn', body, null);
    expect(ok.json()).toEqual({ kind: 'bvn', status: 'verified', number: '*******8901', tier: 1 });

    const calls = fake.seen.length;
    const other = await registerUser(t.app, { fullName: 'Amaka Eze' });
    const taken = await post(t.app, other, '/v1/me/kyc/bvn', body, null);
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'identity_number_in_use']);
    expect(fake.seen.length).toBe(calls); // refused before a paid lookup
    const { rows } = await t.ctx.db.query<{ result: string; provider: string }>(
      'SELECT result, provider FROM kyc.verifications WHERE user_id = ANY ($1::uuid[]) ORDER BY id',
      [[user.id, other.id]],
    );
    expect(rows.map((r) => `${r.provider}:${r.result}`)).toEqual([
      'dojah:dob_mismatch',
      'dojah:name_mismatch',
      'dojah:provider_error',
      'dojah:verified',
      'dojah:in_use',
    ]);
  });
});
