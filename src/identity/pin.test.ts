import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, walletOf } from '../test-support/http.js';
import { registerUser, setTier, TEST_PIN, type TestUser } from '../test-support/users.js';
import { identityCacheOf } from './cache.js';
import { isTrivialPin, pinHmac } from './pin.js';

describe('trivial PINs', () => {
  it('refuses repeated digits, runs, repeated pairs and common PINs; accepts the rest', () => {
    for (const pin of [
      '0000',
      '1111',
      '9999',
      '1234',
      '0123',
      '6789',
      '4321',
      '9876',
      '3210',
      '1212',
      '1122',
      '2580',
      '1004',
      '2000',
    ])
      expect([pin, isTrivialPin(pin)]).toEqual([pin, true]);
    for (const pin of ['1357', '2468', '0429', '8351', '1235', '9870'])
      expect([pin, isTrivialPin(pin)]).toEqual([pin, false]);
  });

  it('binds the HMAC to the person: equal PINs give different values', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(pinHmac('k'.repeat(40), a, '1357').equals(pinHmac('k'.repeat(40), b, '1357'))).toBe(false);
    expect(pinHmac('k'.repeat(40), a, '1357').equals(pinHmac('j'.repeat(40), a, '1357'))).toBe(false);
    expect(pinHmac('k'.repeat(40), a, '1357')).toHaveLength(32);
  });
});

describe.each(backends())('the transaction PIN on %s', (backend) => {
  let t: TestApp;
  const put = (u: TestUser, payload: object) =>
    t.app.inject({
      method: 'PUT',
      url: '/v1/me/pin',
      headers: { authorization: u.auth.authorization },
      payload,
    });
  const post = (u: TestUser, url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: u.auth.authorization, ...headers },
      payload,
    });
  const me = async (u: TestUser) =>
    (await t.app.inject({ method: 'GET', url: '/v1/me', headers: u.auth })).json();
  const notifications = async (userId: string, template: string) =>
    (
      await t.ctx.db.query<{ payload: { template: string; data: Record<string, string | number> } }>(
        `SELECT payload FROM outbox.events WHERE type = 'notification.requested' AND user_id = $1
           AND payload->>'template' = $2 ORDER BY id`,
        [userId, template],
      )
    ).rows.map((r) => r.payload);

  /** Two customers, the first with a funded wallet, and a transfer request between them. */
  async function pair() {
    const from = await registerUser(t.app);
    const to = await registerUser(t.app);
    const wallet = await walletOf(t.app, from);
    await setTier(t.testDb.db, from.id, 3);
    await fund(t.app, from, wallet.id, 100_000);
    const send = (pin: string | undefined, key: string = randomUUID(), amount = 1_000) =>
      post(
        from,
        '/v1/transfers',
        { fromWalletId: wallet.id, to: { email: to.email }, amount },
        { 'idempotency-key': key, ...(pin === undefined ? {} : { 'x-transaction-pin': pin }) },
      );
    return { from, to, wallet, send };
  }

  beforeAll(async () => {
    t = await createTestApp(backend, {}, { worker: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('sets a first PIN, refuses a trivial one, and changes it only with the current PIN', async () => {
    const u = await registerUser(t.app, { pin: false });
    expect((await me(u)).hasPin).toBe(false);
    const trivial = await put(u, { pin: '1234' });
    expect([trivial.statusCode, trivial.json().code]).toEqual([400, 'pin_too_simple']);
    expect((await put(u, { pin: '12a4' })).json().code).toBe('validation_failed');
    // Two first PINs at once: one is set, the other is told a PIN exists.
    const both = await Promise.all([put(u, { pin: '4826' }), put(u, { pin: '6284' })]);
    const statuses = both.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([204, 409]);
    if (both[1]!.statusCode === 204)
      expect((await put(u, { currentPin: '6284', pin: '4826' })).statusCode).toBe(204);
    expect((await me(u)).hasPin).toBe(true);
    // Setting again needs the current PIN; a wrong one counts toward the lockout.
    expect((await put(u, { pin: '5937' })).json().code).toBe('pin_already_set');
    const wrong = await put(u, { currentPin: '1357', pin: '5937' });
    expect([wrong.statusCode, wrong.json().code, wrong.json().attemptsRemaining]).toEqual([
      403,
      'pin_invalid',
      4,
    ]);
    expect((await put(u, { currentPin: '4826', pin: '0000' })).json().code).toBe('pin_too_simple');
    expect((await put(u, { currentPin: '4826', pin: '5937' })).statusCode).toBe(204);
    const row = await t.ctx.db.query<{ pin_hmac: Buffer; failed_attempts: number }>(
      'SELECT pin_hmac, failed_attempts FROM identity.pins WHERE user_id = $1',
      [u.id],
    );
    // Only the HMAC is stored, and a change starts the count again.
    expect(Buffer.from(row.rows[0]!.pin_hmac).equals(pinHmac(t.ctx.config.pinHmacKey, u.id, '5937'))).toBe(
      true,
    );
    expect(row.rows[0]!.failed_attempts).toBe(0);
  });

  it('a wrong PIN stores nothing: a retry with the same Idempotency-Key and the right PIN moves the money once', async () => {
    const { from, wallet, send } = await pair();
    const key = randomUUID();
    const wrong = await send('9753', key);
    expect([wrong.statusCode, wrong.json().code, wrong.json().attemptsRemaining]).toEqual([
      403,
      'pin_invalid',
      4,
    ]);
    const stored = await t.ctx.db.query('SELECT 1 FROM idempotency.keys WHERE key = $1', [key]);
    expect(stored.rowCount).toBe(0);
    const right = await send(TEST_PIN, key);
    expect(right.statusCode).toBe(201);
    const again = await send(TEST_PIN, key);
    expect([again.statusCode, again.json().id]).toEqual([201, right.json().id]);
    expect((await walletOf(t.app, from)).balance).toBe(100_000 - 1_000);
    // The right PIN started the count again.
    const facts = await t.ctx.db.query('SELECT failed_attempts FROM identity.pins WHERE user_id = $1', [
      from.id,
    ]);
    expect(facts.rows[0]).toEqual({ failed_attempts: 0 });
    expect(wallet.id).toBeTruthy();
  });

  it('5 wrong PINs lock money movement for 30 minutes and notify the person, counted once each under concurrency', async () => {
    const { from, send } = await pair();
    const answers = await Promise.all(Array.from({ length: 8 }, () => send('9753')));
    const codes = answers.map((a) => a.json().code).sort();
    expect(codes).toEqual([...Array(4).fill('pin_invalid'), ...Array(4).fill('pin_locked')]);
    const remaining = answers
      .filter((a) => a.json().code === 'pin_invalid')
      .map((a) => a.json().attemptsRemaining);
    expect(remaining.sort()).toEqual([1, 2, 3, 4]);
    const locked = answers.find((a) => a.json().code === 'pin_locked')!;
    expect(locked.statusCode).toBe(423);
    const until = new Date(locked.json().lockedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(30 * 60_000 + 5_000);
    // One notification, however many requests arrived at the lock.
    const sent = await notifications(from.id, 'pin_locked');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toMatchObject({ attempts: 5 });
    // Locked: the right PIN is refused too, and so is changing the PIN.
    const right = await send(TEST_PIN);
    expect([right.statusCode, right.json().code]).toEqual([423, 'pin_locked']);
    expect((await put(from, { currentPin: TEST_PIN, pin: '5937' })).json().code).toBe('pin_locked');
    const row = await t.ctx.db.query('SELECT failed_attempts FROM identity.pins WHERE user_id = $1', [
      from.id,
    ]);
    expect(row.rows[0]).toEqual({ failed_attempts: 5 });
    // After the lock has passed the right PIN works, and the count starts again.
    await t.ctx.db.query(
      `UPDATE identity.pins SET locked_until = now() - interval '1 second' WHERE user_id = $1`,
      [from.id],
    );
    const after = await eventually(async () => {
      const res = await send(TEST_PIN);
      return res.statusCode === 201 && res;
    });
    expect(after.statusCode).toBe(201);
    const cleared = await t.ctx.db.query(
      'SELECT failed_attempts, locked_until FROM identity.pins WHERE user_id = $1',
      [from.id],
    );
    expect(cleared.rows[0]).toEqual({ failed_attempts: 0, locked_until: null });
    expect((await send('9753')).json().attemptsRemaining).toBe(4);
  });

  it('resets a forgotten PIN with a code sent to the verified phone, which also lifts a lock', async () => {
    const u = await registerUser(t.app, { phone: `0805${String(Date.now()).slice(-7)}` });
    expect((await post(u, '/v1/me/pin/reset', {})).json().code).toBe('phone_unverified');
    await t.ctx.db.query('UPDATE identity.users SET phone_verified_at = now() WHERE id = $1', [u.id]);
    const noPhone = await registerUser(t.app);
    expect((await post(noPhone, '/v1/me/pin/reset', {})).json().code).toBe('no_phone');
    await t.ctx.db.query(
      `UPDATE identity.pins SET failed_attempts = 5, locked_until = now() + interval '30 minutes' WHERE user_id = $1`,
      [u.id],
    );
    const sent = await post(u, '/v1/me/pin/reset', {});
    expect([sent.statusCode, sent.json()]).toEqual([202, { expiresInMinutes: 10 }]);
    const [otp] = await notifications(u.id, 'phone_otp');
    const code = String(otp!.data.code);
    expect(code).toMatch(/^[0-9]{6}$/);
    const wrongCode = code === '000000' ? '000001' : '000000';
    const bad = await post(u, '/v1/me/pin/reset/confirm', { code: wrongCode, pin: '5937' });
    expect([bad.json().code, bad.json().attemptsLeft]).toEqual(['invalid_code', 4]);
    expect((await post(u, '/v1/me/pin/reset/confirm', { code, pin: '4444' })).json().code).toBe(
      'pin_too_simple',
    );
    expect((await post(u, '/v1/me/pin/reset/confirm', { code, pin: '5937' })).statusCode).toBe(204);
    // The code works once; the new PIN is the one now, and the lock is gone.
    expect((await post(u, '/v1/me/pin/reset/confirm', { code, pin: '5937' })).json().code).toBe(
      'no_pending_code',
    );
    const row = await t.ctx.db.query<{
      pin_hmac: Buffer;
      failed_attempts: number;
      locked_until: Date | null;
    }>('SELECT pin_hmac, failed_attempts, locked_until FROM identity.pins WHERE user_id = $1', [u.id]);
    expect(Buffer.from(row.rows[0]!.pin_hmac).equals(pinHmac(t.ctx.config.pinHmacKey, u.id, '5937'))).toBe(
      true,
    );
    expect(row.rows[0]).toMatchObject({ failed_attempts: 0, locked_until: null });
    // A phone-verification code and a PIN-reset code are separate: verifying the phone is unaffected.
    const codes = await t.ctx.db.query('SELECT purpose FROM identity.phone_codes WHERE user_id = $1', [u.id]);
    expect(codes.rows).toEqual([{ purpose: 'pin_reset' }]);
  });

  it('checks a right PIN from the identity cache: no read of identity.pins once cached', async () => {
    const { send } = await pair();
    const cache = identityCacheOf(t.ctx.db);
    expect(cache?.listening).toBe(true);
    const db = t.ctx.db as { query: typeof t.ctx.db.query };
    const original = db.query;
    let pinReads = 0;
    db.query = ((sql: string, ...rest: unknown[]) => {
      if (/SELECT pin_hmac/.test(sql)) pinReads++;
      return (original as (...a: unknown[]) => unknown).call(t.ctx.db, sql, ...rest);
    }) as typeof original;
    try {
      expect((await send(TEST_PIN)).statusCode).toBe(201);
      pinReads = 0;
      for (let i = 0; i < 3; i++) expect((await send(TEST_PIN)).statusCode).toBe(201);
      expect(pinReads).toBe(0);
    } finally {
      db.query = original;
    }
  });
});
