/**
 * Low-balance alerts on a real worker: the threshold in the preferences, one alert when the balance
 * crosses below it (none for the debits that follow while it stays below), armed again once the
 * balance is back above, and a redelivered event alerting nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerUser, type TestUser } from '../test-support/users.js';

describe('low-balance alerts (PostgreSQL)', () => {
  let t: TestApp;
  let ada: TestUser;
  let bola: TestUser;
  let from: string;
  let to: string;
  beforeAll(async () => {
    t = await createTestApp('pg', {}, { worker: true });
    ada = await registerUser(t.app);
    bola = await registerUser(t.app);
    from = (await walletOf(t.app, ada)).id;
    to = (await walletOf(t.app, bola)).id;
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  const putPrefs = (payload: object) =>
    t.app.inject({ method: 'PUT', url: '/v1/me/notification-preferences', headers: ada.auth, payload });
  const send = async (amount: number) => {
    const res = await post(t.app, ada, '/v1/transfers', { fromWalletId: from, to: { walletId: to }, amount });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const alerts = async () =>
    (
      await t.ctx.db.query<{ body: string }>(
        `SELECT body FROM notifications.messages
          WHERE user_id = $1 AND template = 'low_balance' AND channel = 'in_app' ORDER BY created_at`,
        [ada.id],
      )
    ).rows;
  /** Waits until the low-balance consumer has looked at every event published so far. */
  const settled = () =>
    eventually(async () => {
      const { rows } = await t.ctx.db.query(
        `SELECT 1 FROM outbox.deliveries WHERE consumer = 'notifications.low_balance' AND status <> 'done'`,
      );
      return rows.length === 0;
    }, 10_000);
  const below = async () =>
    (
      await t.ctx.db.query<{ below: boolean }>(
        'SELECT below FROM notifications.balance_alert_state WHERE wallet_id = $1',
        [from],
      )
    ).rows[0]?.below;

  it('keeps the threshold with the preferences; bad values are refused', async () => {
    const before = (await get(t.app, ada, '/v1/me/notification-preferences')).json();
    expect(before.lowBalance).toEqual({ currency: 'NGN', threshold: null });
    for (const threshold of [0, -5, 1.5, '500000']) {
      const bad = await putPrefs({ lowBalance: { threshold } });
      expect(bad.statusCode, String(threshold)).toBe(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await putPrefs({})).statusCode).toBe(400);
    const ok = await putPrefs({ lowBalance: { threshold: 500_000 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().lowBalance).toEqual({ currency: 'NGN', threshold: 500_000 });
    expect(ok.json().data.length).toBeGreaterThan(0);
  });

  it('alerts once when the balance crosses below, not on each debit below, and again after it recovers', async () => {
    await fund(t.app, ada, from, 1_000_000); // ₦10,000, threshold ₦5,000
    await settled();
    expect(await alerts()).toEqual([]);
    await send(200_000); // ₦8,000
    await send(200_000); // ₦6,000
    await settled();
    expect(await alerts()).toEqual([]);
    await send(200_000); // ₦4,000: below
    await send(100_000); // ₦3,000: still below
    await send(100_000); // ₦2,000: still below
    await settled();
    const first = await alerts();
    expect(first).toHaveLength(1);
    expect(first[0]!.body).toMatch(/₦[234],000\.00, below the ₦5,000\.00/);
    expect(await below()).toBe(true);
    const list = (await get(t.app, ada, '/v1/notifications')).json();
    expect(list.data.filter((n: { template: string }) => n.template === 'low_balance')).toHaveLength(1);

    // As after a crash: every low-balance delivery handled again alerts nothing new.
    await t.ctx.db.query(
      `UPDATE outbox.deliveries SET status = 'pending', available_at = now(), completed_at = NULL
        WHERE consumer = 'notifications.low_balance'`,
    );
    await t.ctx.db.query(`SELECT pg_notify('vendra_outbox', '')`);
    await settled();
    expect(await alerts()).toHaveLength(1);

    await fund(t.app, ada, from, 1_000_000); // ₦12,000: above, armed again
    await eventually(async () => (await below()) === false, 10_000);
    await send(800_000); // ₦4,000: below again
    await settled();
    expect(await alerts()).toHaveLength(2);
  }, 60_000);

  it('turning the threshold off stops the alerts', async () => {
    expect((await putPrefs({ lowBalance: { threshold: null } })).json().lowBalance.threshold).toBeNull();
    await send(100_000);
    await settled();
    expect(await alerts()).toHaveLength(2);
  });
});
