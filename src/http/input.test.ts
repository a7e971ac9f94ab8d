import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import { encodeCursor } from './pagination.js';
import { displayText, isSafeText } from './text.js';

describe('safe text rules', () => {
  it('refuses controls, lone surrogates and bidi overrides; allows ordinary Unicode', () => {
    for (const ok of ['Adébáyọ̀ Ọlájídé', 'Chukwuemeka Ụ́zọ', 'Ƙabiru Ɗanjuma', '😀👍🏽 👨‍👩‍👧', 'شكرا']) {
      expect([ok, isSafeText(ok)]).toEqual([ok, true]);
    }
    for (const bad of [
      'a\u0000b',
      'a\ud800',
      '\udc00b',
      'x\u202ey',
      'x\u2066y',
      'a\u0007',
      'a\u009b',
      'a\nb',
      'a\tb',
    ]) {
      expect([bad, isSafeText(bad)]).toEqual([bad, false]);
    }
    expect(isSafeText('line one\nline two\tend', 'multiline')).toBe(true);
    expect(isSafeText('a\u0000\n', 'multiline')).toBe(false);
    expect(displayText('gninnalP\u202e Bank')).toBe('gninnalP Bank');
  });
});

describe.skipIf(!hasPg())('bad text and cursors over HTTP (PostgreSQL)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let operator: TestUser;
  let aliceWallet: string;
  let bobWallet: string;
  beforeAll(async () => {
    t = await createTestApp('pg', {}, { worker: true, providers: true });
    alice = await registerUser(t.app);
    bob = await registerUser(t.app, { fullName: 'Bọ́lá Adéyẹmí 🙂' });
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
    aliceWallet = (await walletOf(t.app, alice)).id;
    bobWallet = (await walletOf(t.app, bob)).id;
    await fund(t.app, alice, aliceWallet, 100_000);
  });
  afterAll(async () => {
    await t.close();
  });

  const expectInvalidText = (
    res: { statusCode: number; json(): { code: string; field?: string } },
    field: string,
  ) => {
    expect([res.statusCode, res.json().code, res.json().field]).toEqual([400, 'invalid_text', field]);
  };

  it('a lone surrogate, NUL or bidi override in any text field is 400 invalid_text naming the field', async () => {
    const before = await walletOf(t.app, alice);
    const transfer = (narration: string) =>
      post(t.app, alice, '/v1/transfers', {
        fromWalletId: aliceWallet,
        to: { walletId: bobWallet },
        amount: 100,
        narration,
      });
    expectInvalidText(await transfer('rent \ud800'), 'body/narration');
    expectInvalidText(await transfer('rent\u202e'), 'body/narration');
    expectInvalidText(await transfer('two\nlines'), 'body/narration');
    const login = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'a\u0000@example.com', password: 'whatever whatever' },
    });
    expectInvalidText(login, 'body/email');
    const register = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/register',
      payload: {
        email: `${randomUUID()}@example.com`,
        password: 'correct horse battery staple',
        fullName: 'Ade\u202eknaB',
      },
    });
    expectInvalidText(register, 'body/fullName');
    const recipient = await post(t.app, alice, '/v1/recipients/resolve', { email: `b\u2067${bob.email}` });
    expectInvalidText(recipient, 'body/email');
    expectInvalidText(await get(t.app, alice, '/v1/billers?category=%00'), 'querystring/category');
    expectInvalidText(await get(t.app, operator, '/v1/admin/users?q=abc%E2%80%AE'), 'querystring/q');
    const key = await t.app.inject({
      method: 'POST',
      url: '/v1/transfers',
      headers: { ...alice.auth, 'idempotency-key': 'k\u00e9y' },
      payload: { fromWalletId: aliceWallet, to: { walletId: bobWallet }, amount: 100 },
    });
    expect([key.statusCode, key.json().code]).toEqual([400, 'invalid_idempotency_key']);
    expect((await walletOf(t.app, alice)).balance).toBe(before.balance);
  });

  it('ordinary Unicode passes: diacritics, emoji; newline only in operator reasons', async () => {
    const narration = `Ẹ ṣé, Ọlá 🎉${'👍🏽'.repeat(60)}`;
    const ok = await post(t.app, alice, '/v1/transfers', {
      fromWalletId: aliceWallet,
      to: { walletId: bobWallet },
      amount: 100,
      narration,
    });
    expect(ok.statusCode).toBe(201);
    expect(isSafeText(ok.json().narration)).toBe(true);
    const resolved = await post(t.app, alice, '/v1/recipients/resolve', { email: bob.email });
    expect(resolved.json().fullName).toBe('Bọ́lá Adéyẹmí 🙂');
    const freeze = await post(
      t.app,
      operator,
      `/v1/admin/users/${bob.id}/freeze`,
      {
        reason: 'Reported by the bank.\nCase 42',
      },
      null,
    );
    expect(freeze.statusCode).toBe(200);
    await post(t.app, operator, `/v1/admin/users/${bob.id}/unfreeze`, { reason: 'cleared' }, null);
  });

  it('a name stored before these rules is shown to others without its overrides', async () => {
    await t.ctx.db.query('UPDATE identity.users SET full_name = $2 WHERE id = $1', [
      bob.id,
      'Bob \u202eEvil\u202c',
    ]);
    const resolved = await post(t.app, alice, '/v1/recipients/resolve', { email: bob.email });
    expect(resolved.json().fullName).toBe('Bob Evil');
  });

  it('a malformed cursor is 400 invalid_cursor on every paginated route', async () => {
    const crafted = [
      Buffer.from('not-a-date|x').toString('base64url'),
      Buffer.from(`${new Date().toISOString()}|not-a-uuid`).toString('base64url'),
      encodeCursor(['2024-01-01T00:00:00.000Z', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz']),
      encodeCursor(['2024-01-01T00:00:00.000Z']),
      encodeCursor(['2024-01-01T00:00:00.000Z', randomUUID(), 'extra']),
      encodeCursor(['99999-01-01T00:00:00.000Z', randomUUID()]),
      encodeCursor(['9999999999999999999']),
      encodeCursor([]),
      Buffer.from('{"a":1}').toString('base64url'),
      '%%%',
      'AAAA',
    ];
    const routes: [TestUser, string][] = [
      [alice, '/v1/bill-payments'],
      [operator, '/v1/admin/bill-payments'],
      [operator, '/v1/admin/users'],
      [operator, '/v1/admin/audit-log'],
      [operator, '/v1/admin/outbox/dead-letters'],
      [alice, `/v1/wallets/${aliceWallet}/transactions`],
    ];
    for (const [user, path] of routes) {
      for (const cursor of [...crafted, '9999999999999999999']) {
        const res = await get(t.app, user, `${path}?cursor=${encodeURIComponent(cursor)}`);
        expect([path, cursor, res.statusCode, res.json().code]).toEqual([
          path,
          cursor,
          400,
          'invalid_cursor',
        ]);
      }
    }
  });

  it('a leap second (valid RFC 3339, not a JavaScript date) is 400, not 500, on every date filter', async () => {
    for (const [user, path] of [
      [alice, '/v1/bill-payments'],
      [operator, '/v1/admin/bill-payments'],
      [alice, `/v1/wallets/${aliceWallet}/transactions`],
      [alice, `/v1/wallets/${aliceWallet}/statement.csv`],
    ] as const) {
      for (const param of ['from', 'to']) {
        const res = await get(t.app, user, `${path}?${param}=2016-12-31T23:59:60Z`);
        expect([path, param, res.statusCode, res.json().code]).toEqual([
          path,
          param,
          400,
          'validation_failed',
        ]);
      }
      const ok = await get(t.app, user, `${path}?from=2016-12-31T23:59:59Z`);
      expect([path, ok.statusCode]).toEqual([path, 200]);
    }
  });

  it('a real cursor still pages through bill payments', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await post(t.app, alice, '/v1/bill-payments', {
        walletId: aliceWallet,
        billerId: 'mtn',
        productCode: 'airtime',
        customerRef: '08011111111',
        amount: 10_000,
      });
      expect(res.statusCode).toBe(202);
    }
    const first = (await get(t.app, alice, '/v1/bill-payments?limit=2')).json();
    expect(first.data).toHaveLength(2);
    const second = (await get(t.app, alice, `/v1/bill-payments?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.data.length).toBeGreaterThan(0);
    expect(second.data[0].id).not.toBe(first.data[1].id);
  });
});
