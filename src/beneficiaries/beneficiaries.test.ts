/**
 * Beneficiaries over the API (app.inject), with names resolved through the transfer's recipient rules
 * and, for bank accounts, through the Paystack adapter and the Paystack-compatible simulator on
 * 127.0.0.1 over real HTTP.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';
import { ensureWallet } from '../wallets/index.js';

const uniquePhone = () =>
  `080${(10_000_000 + Number.parseInt(randomBytes(3).toString('hex'), 16)).toString().slice(0, 8)}`;

describe.each(backends())('beneficiaries on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  const save = (u: TestUser, body: Record<string, unknown>) =>
    post(t.app, u, '/v1/beneficiaries', body, null);
  const stored = async (userId: string) =>
    Number(
      (
        await t.ctx.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM beneficiaries.beneficiaries WHERE user_id = $1',
          [userId],
        )
      ).rows[0]?.n,
    );
  const inject = (method: 'PATCH' | 'DELETE', u: TestUser, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: u.auth, ...(payload ? { payload } : {}) });
  const withWallet = async (u: TestUser) => {
    await t.ctx.db.transaction((tx) => ensureWallet(tx, u.id, 'NGN'));
    return walletOf(t.app, u);
  };

  it('saves a person by email, phone or wallet id with the resolved name, once per person', async () => {
    const me = await registerUser(t.app);
    const phone = uniquePhone();
    const ada = await registerUser(t.app, { fullName: 'Adaeze Okafor', phone });
    const bola = await registerUser(t.app, { fullName: 'Bola Ige' });
    const bolaWallet = await withWallet(bola);

    // The client cannot name the beneficiary: the name is never taken from the request.
    const forged = await save(me, { kind: 'wallet', email: ada.email, name: 'Someone Else' });
    expect(forged.statusCode).toBe(400);

    const byEmail = await save(me, { kind: 'wallet', email: ada.email.toUpperCase(), nickname: 'Ada' });
    expect(byEmail.statusCode, byEmail.body).toBe(201);
    expect(byEmail.json()).toMatchObject({
      kind: 'wallet',
      name: 'Adaeze Okafor',
      nickname: 'Ada',
      to: { email: ada.email },
      bankCode: null,
      accountNumber: null,
    });
    // The same person by phone is the same beneficiary: answered, not stored twice.
    const byPhone = await save(me, { kind: 'wallet', phone });
    expect(byPhone.statusCode).toBe(200);
    expect(byPhone.json()).toMatchObject({ id: byEmail.json().id, name: 'Adaeze Okafor', nickname: 'Ada' });

    const byWallet = await save(me, { kind: 'wallet', walletId: bolaWallet.id });
    expect(byWallet.statusCode, byWallet.body).toBe(201);
    expect(byWallet.json()).toMatchObject({ name: 'Bola Ige', to: { walletId: bolaWallet.id } });

    const list = await get(t.app, me, '/v1/beneficiaries?kind=wallet');
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((b: { name: string }) => b.name)).toEqual(['Bola Ige', 'Adaeze Okafor']);
    expect(await stored(me.id)).toBe(2);
  });

  it('refuses no one, yourself and a frozen person, storing nothing', async () => {
    const me = await registerUser(t.app);
    const nobody = await save(me, { kind: 'wallet', email: `nobody-${randomUUID()}@example.com` });
    expect([nobody.statusCode, nobody.json().code]).toEqual([404, 'recipient_not_found']);
    expect(nobody.headers['content-type']).toContain('application/problem+json');
    const self = await save(me, { kind: 'wallet', email: me.email });
    expect([self.statusCode, self.json().code]).toEqual([422, 'self_transfer']);
    const noWallet = await save(me, { kind: 'wallet', walletId: randomUUID() });
    expect([noWallet.statusCode, noWallet.json().code]).toEqual([404, 'recipient_not_found']);
    const frozen = await registerUser(t.app);
    const admin = await registerStaff(t.app, t.ctx.db, 'admin');
    const freeze = await t.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${frozen.id}/freeze`,
      headers: admin.auth,
      payload: { reason: 'test' },
    });
    expect(freeze.statusCode).toBe(200);
    const toFrozen = await save(me, { kind: 'wallet', email: frozen.email });
    expect([toFrozen.statusCode, toFrozen.json().code]).toEqual([404, 'recipient_not_found']);
    expect(await stored(me.id)).toBe(0);
  });

  it('never bypasses the transfer checks: a saved person frozen since receives nothing', async () => {
    const me = await registerUser(t.app);
    await setTier(t.ctx.db, me.id, 3);
    const mine = await withWallet(me);
    await fund(t.app, me, mine.id, 50_000);
    const chidi = await registerUser(t.app, { fullName: 'Chidi Obi' });
    await withWallet(chidi);
    const saved = (await save(me, { kind: 'wallet', email: chidi.email })).json();
    const sent = await post(t.app, me, '/v1/transfers', {
      fromWalletId: mine.id,
      to: saved.to,
      amount: 10_000,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().recipient.name).toBe('Chidi Obi');
    const admin = await registerStaff(t.app, t.ctx.db, 'admin');
    await t.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${chidi.id}/freeze`,
      headers: admin.auth,
      payload: { reason: 'test' },
    });
    const again = await post(t.app, me, '/v1/transfers', {
      fromWalletId: mine.id,
      to: saved.to,
      amount: 10_000,
    });
    expect([again.statusCode, again.json().code]).toEqual([404, 'recipient_not_found']);
    expect((await walletOf(t.app, me)).balance).toBe(40_000);
  });

  it('saves a bank account with the name the bank gives, and refuses one the bank does not know', async () => {
    const me = await registerUser(t.app);
    const resolved = await post(
      t.app,
      me,
      '/v1/payout-accounts/resolve',
      { bankCode: '058', accountNumber: '0123456789' },
      null,
    );
    expect(resolved.statusCode).toBe(200);
    const bank = await save(me, { kind: 'bank', bankCode: '058', accountNumber: '0123456789' });
    expect(bank.statusCode, bank.body).toBe(201);
    expect(bank.json()).toMatchObject({
      kind: 'bank',
      name: resolved.json().accountName,
      bankCode: '058',
      bankName: expect.any(String),
      accountNumber: '0123456789',
      to: null,
      nickname: null,
    });
    expect(bank.json().name.length).toBeGreaterThan(0);
    const again = await save(me, {
      kind: 'bank',
      bankCode: '058',
      accountNumber: '0123456789',
      nickname: 'x',
    });
    expect([again.statusCode, again.json().id]).toEqual([200, bank.json().id]);

    const unknown = await save(me, { kind: 'bank', bankCode: '058', accountNumber: '9999999999' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([422, 'account_not_resolved']);
    const noBank = await save(me, { kind: 'bank', bankCode: '999999', accountNumber: '0123456780' });
    expect([noBank.statusCode, noBank.json().code]).toEqual([422, 'unknown_bank']);
    expect(await stored(me.id)).toBe(1);
    const list = await get(t.app, me, '/v1/beneficiaries?kind=bank');
    expect(list.json().data).toHaveLength(1);
    expect((await get(t.app, me, '/v1/beneficiaries?kind=wallet')).json().data).toEqual([]);
  });

  it('renames and removes only its own; someone else’s id is 404', async () => {
    const me = await registerUser(t.app);
    const other = await registerUser(t.app);
    const b = (await save(me, { kind: 'bank', bankCode: '058', accountNumber: '0123456701' })).json();
    const url = `/v1/beneficiaries/${b.id}`;
    for (const res of [
      await inject('PATCH', other, url, { nickname: 'mine now' }),
      await inject('DELETE', other, url),
      await inject('PATCH', me, `/v1/beneficiaries/${randomUUID()}`, { nickname: 'x' }),
    ])
      expect([res.statusCode, res.json().code]).toEqual([404, 'not_found']);
    expect((await get(t.app, other, '/v1/beneficiaries')).json().data).toEqual([]);

    const renamed = await inject('PATCH', me, url, { nickname: '  Salary account ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: b.id, nickname: 'Salary account', name: b.name });
    const cleared = await inject('PATCH', me, url, { nickname: null });
    expect(cleared.json().nickname).toBeNull();
    const tooLong = await inject('PATCH', me, url, { nickname: 'x'.repeat(41) });
    expect(tooLong.statusCode).toBe(400);

    const removed = await inject('DELETE', me, url);
    expect(removed.statusCode).toBe(204);
    expect(await stored(me.id)).toBe(0);
    const twice = await inject('DELETE', me, url);
    expect([twice.statusCode, twice.json().code]).toEqual([404, 'not_found']);
  });

  it('keeps at most 50 per person: the 51st is refused, a saved one is still answered', async () => {
    const me = await registerUser(t.app);
    const account = (i: number) => `01234${String(i).padStart(5, '0')}`;
    for (let i = 0; i < 50; i++) {
      const res = await save(me, { kind: 'bank', bankCode: '058', accountNumber: account(i) });
      expect(res.statusCode, res.body).toBe(201);
    }
    const over = await save(me, { kind: 'bank', bankCode: '058', accountNumber: account(50) });
    expect([over.statusCode, over.json().code, over.json().max]).toEqual([409, 'too_many_beneficiaries', 50]);
    expect((await save(me, { kind: 'bank', bankCode: '058', accountNumber: account(7) })).statusCode).toBe(
      200,
    );
    expect(await stored(me.id)).toBe(50);
    expect((await get(t.app, me, '/v1/beneficiaries')).json().data).toHaveLength(50);
  });
});

describe('beneficiaries when the bank cannot be asked', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 503 bank_unavailable and stores nothing', async () => {
    const me = await registerUser(t.app);
    const first = await post(
      t.app,
      me,
      '/v1/beneficiaries',
      { kind: 'bank', bankCode: '058', accountNumber: '0123456789' },
      null,
    );
    expect(first.statusCode, first.body).toBe(201);
    // The bank list stays cached; only the account resolution fails now.
    await t.ctx.paystack?.sim?.close();
    for (const accountNumber of ['0123456788', '0123456787']) {
      const res = await post(
        t.app,
        me,
        '/v1/beneficiaries',
        { kind: 'bank', bankCode: '058', accountNumber },
        null,
      );
      expect([res.statusCode, res.json().code]).toEqual([503, 'bank_unavailable']);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // An account the bank named within the last day is named from that answer, as a withdrawal's is.
    const again = await post(
      t.app,
      me,
      '/v1/beneficiaries',
      { kind: 'bank', bankCode: '058', accountNumber: '0123456789' },
      null,
    );
    expect([again.statusCode, again.json().name]).toEqual([200, first.json().name]);
    const { rows } = await t.ctx.db.query<{ account_number: string }>(
      'SELECT account_number FROM beneficiaries.beneficiaries',
    );
    expect(rows.map((r) => r.account_number)).toEqual(['0123456789']);
  });
});
