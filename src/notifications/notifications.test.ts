/**
 * Notifications end to end on a real worker: a delivered electricity token (sandbox meter
 * 1111111111111) reaches the sandbox inbox as SMS and email and the in-app list; a redelivered
 * event sends once per channel; preferences are respected and security messages always sent.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupToken } from '../receipts/index.js';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { verifyContacts } from '../test-support/contacts.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerUser, type TestUser } from '../test-support/users.js';
import { requestNotification } from './index.js';
import { placeholdersOf, render, TEMPLATE_NAMES, TEMPLATES } from './templates.js';

describe('templates', () => {
  it('every template renders on each of its channels with no raw placeholder left', () => {
    for (const name of TEMPLATE_NAMES) {
      const data = Object.fromEntries(placeholdersOf(name).map((k) => [k, `v-${k}`]));
      for (const channel of ['email', 'sms', 'in_app'] as const) {
        const out = render(name, channel, data);
        expect(`${out.subject} ${out.text}`, `${name}/${channel}`).not.toMatch(/[{}]/);
        for (const k of placeholdersOf(name))
          if ((TEMPLATES[name].text as string).includes(`{${k}}`) && channel !== 'sms')
            expect(out.text).toContain(`v-${k}`);
      }
    }
  });
  it('refuses to render with a fact missing', () => {
    expect(() => render('token_delivered', 'sms', { billerName: 'Ikeja' })).toThrow(/no value/);
  });
});

describe('notifications on a worker (PostgreSQL)', () => {
  let t: TestApp;
  let user: TestUser;
  const phone = `0803${String(Date.now()).slice(-7)}`;
  const e164 = `+234${phone.slice(1)}`;
  beforeAll(async () => {
    t = await createTestApp('pg', FAST_PROVIDER_ENV, { providers: true, worker: true });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ webhookUrl: `http://127.0.0.1:${port}/v1/webhooks/vtpass` });
    user = await registerUser(t.app, { phone });
    await verifyContacts(t.ctx.db, user.id);
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  const inbox = async (to: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/sandbox/inbox?to=${encodeURIComponent(to)}`,
        headers: { accept: 'application/json' },
      })
    ).json().data as { to: string; channel: string; subject: string; text: string; createdAt: string }[];

  it('a delivered electricity token lands in the sandbox inbox as SMS and email, and in the app', async () => {
    const walletId = (await walletOf(t.app, user)).id;
    await fund(t.app, user, walletId, 2_000_000);
    const paid = await post(t.app, user, '/v1/bill-payments', {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      amount: 500_000,
    });
    expect(paid.statusCode, paid.body).toBe(202);
    const payment = await eventually(async () => {
      const p = (await get(t.app, user, `/v1/bill-payments/${paid.json().id}`)).json();
      return p.status === 'succeeded' && p;
    }, 15_000);
    const sms = await eventually(async () => (await inbox(e164)).find((m) => m.channel === 'sms'), 10_000);
    expect(sms.text).toContain(groupToken(payment.token));
    expect(sms.text).toContain('1111111111111');
    const email = await eventually(async () =>
      (await inbox(user.email)).find((m) => m.subject.includes('token')),
    );
    expect(email.channel).toBe('email');
    expect(email.text).toContain(groupToken(payment.token));
    expect(email.text).toContain('₦5,000.00');

    const html = await t.app.inject({ method: 'GET', url: '/sandbox/inbox' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain(user.email);
    expect(html.body).toContain(groupToken(payment.token));

    const list = await eventually(async () => {
      const l = (await get(t.app, user, '/v1/notifications')).json();
      return l.data.some((n: { template: string }) => n.template === 'token_delivered') && l;
    });
    expect(list.unread).toBeGreaterThanOrEqual(1);
    const token = list.data.find((n: { template: string }) => n.template === 'token_delivered');
    const read = await post(t.app, user, `/v1/notifications/${token.id}/read`, {}, null);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const all = await post(t.app, user, '/v1/notifications/read-all', {}, null);
    expect(all.json().unread).toBe(0);
    expect((await get(t.app, user, '/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    const someoneElse = await registerUser(t.app);
    expect((await post(t.app, someoneElse, `/v1/notifications/${token.id}/read`, {}, null)).statusCode).toBe(
      404,
    );
  }, 40_000);

  const messagesOf = async (userId: string, template: string) =>
    (
      await t.ctx.db.query<{ channel: string; recipient: string | null; skipped_reason: string | null }>(
        `SELECT channel, recipient, skipped_reason FROM notifications.messages
          WHERE user_id = $1 AND template = $2 ORDER BY channel`,
        [userId, template],
      )
    ).rows;

  it('an unverified email or phone gets nothing (kept as skipped, not retried) but its own verification', async () => {
    const phone2 = `0706${String(Date.now()).slice(-7)}`;
    const e164b = `+234${phone2.slice(1)}`;
    const bola = await registerUser(t.app, { phone: phone2 });
    await t.ctx.db.transaction((tx) =>
      requestNotification(tx, { userId: bola.id, template: 'password_changed', data: { at: '10:00' } }),
    );
    const rows = await eventually(async () => {
      const r = await messagesOf(bola.id, 'password_changed');
      return r.length === 3 && r;
    });
    expect(rows).toEqual([
      { channel: 'email', recipient: bola.email, skipped_reason: 'email_unverified' },
      { channel: 'in_app', recipient: null, skipped_reason: null },
      { channel: 'sms', recipient: e164b, skipped_reason: 'phone_unverified' },
    ]);
    // Nothing to deliver: no deliver event, so no retry and no dead letter.
    const deliveries = await t.ctx.db.query(
      `SELECT 1 FROM outbox.events WHERE type = 'notification.deliver' AND user_id = $1`,
      [bola.id],
    );
    expect(deliveries.rows).toEqual([]);
    // The code that verifies the phone does go to it, and once verified the phone gets messages.
    expect((await post(t.app, bola, '/v1/me/phone/verify/send', {}, null)).statusCode).toBe(202);
    const otp = await eventually(async () => (await inbox(e164b)).find((m) => /\d{6}/.test(m.text)));
    const code = /(\d{6})/.exec(otp.text)![1]!;
    expect((await post(t.app, bola, '/v1/me/phone/verify', { code }, null)).statusCode).toBe(204);
    await t.ctx.db.transaction((tx) =>
      requestNotification(tx, { userId: bola.id, template: 'password_changed', data: { at: '11:00' } }),
    );
    const notice = await eventually(async () => (await inbox(e164b)).find((m) => m.text.includes('11:00')));
    expect(notice.channel).toBe('sms');
    expect(await inbox(bola.email)).toEqual([]); // the email is still unverified
  }, 20_000);

  it('texts a token to the phone given on the payment, verified or not; the unverified email gets none', async () => {
    const chioma = await registerUser(t.app);
    const walletId = (await walletOf(t.app, chioma)).id;
    await fund(t.app, chioma, walletId, 1_000_000);
    const given = `0907${String(Date.now()).slice(-7)}`;
    const bad = await post(t.app, chioma, '/v1/bill-payments', {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      amount: 200_000,
      phone: '+4420794600000',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const paid = await post(t.app, chioma, '/v1/bill-payments', {
      walletId,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      amount: 200_000,
      phone: given,
    });
    expect(paid.statusCode, paid.body).toBe(202);
    const payment = await eventually(async () => {
      const p = (await get(t.app, chioma, `/v1/bill-payments/${paid.json().id}`)).json();
      return p.status === 'succeeded' && p;
    }, 15_000);
    expect(payment.phone).toBe(`+234${given.slice(1)}`);
    const sms = await eventually(async () => (await inbox(payment.phone))[0], 10_000);
    expect(sms.channel).toBe('sms');
    expect(sms.text).toContain(groupToken(payment.token));
    const rows = await eventually(async () => {
      const r = await messagesOf(chioma.id, 'token_delivered');
      return r.length === 3 && r;
    });
    expect(rows.find((r) => r.channel === 'email')?.skipped_reason).toBe('email_unverified');
    expect(await inbox(chioma.email)).toEqual([]);
  }, 30_000);

  it('a redelivered event sends once per channel', async () => {
    const eventId = await t.ctx.db.transaction((tx) =>
      requestNotification(tx, {
        userId: user.id,
        template: 'password_changed',
        data: { at: '2025-01-02 10:00' },
      }),
    );
    const count = async () =>
      (
        await t.ctx.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications.sandbox_inbox
            WHERE subject = 'Your Vendra password was changed' AND recipient IN ($1, $2)`,
          [user.email, e164],
        )
      ).rows[0]!.n;
    await eventually(async () => (await count()) === 2); // email and SMS
    const composeDone = () =>
      t.ctx.db.query(
        `SELECT 1 FROM outbox.deliveries WHERE event_id = $1 AND consumer = 'notifications.compose' AND status = 'done'`,
        [eventId],
      );
    await eventually(async () => (await composeDone()).rows.length === 1);
    // As after a crash: the same event delivered again.
    await t.ctx.db.query(
      `UPDATE outbox.deliveries SET status = 'pending', available_at = now(), completed_at = NULL
        WHERE event_id = $1 AND consumer = 'notifications.compose'`,
      [eventId],
    );
    await t.ctx.db.query(`SELECT pg_notify('vendra_outbox', '')`);
    await eventually(async () => (await composeDone()).rows.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(2);
    const msgs = await t.ctx.db.query<{ channel: string }>(
      `SELECT channel FROM notifications.messages WHERE user_id = $1 AND template = 'password_changed' ORDER BY channel`,
      [user.id],
    );
    expect(msgs.rows.map((r) => r.channel)).toEqual(['email', 'in_app', 'sms']);
  });

  it('respects preferences, and security messages cannot be turned off', async () => {
    const ada = await registerUser(t.app);
    await verifyContacts(t.ctx.db, ada.id);
    const prefs = (await get(t.app, ada, '/v1/me/notification-preferences')).json().data;
    expect(prefs).toContainEqual({ group: 'security', channel: 'email', enabled: true, locked: true });
    expect(prefs).toContainEqual({ group: 'disputes', channel: 'email', enabled: true, locked: false });
    const put = (preferences: object[]) =>
      t.app.inject({
        method: 'PUT',
        url: '/v1/me/notification-preferences',
        headers: ada.auth,
        payload: { preferences },
      });
    const refused = await put([{ group: 'security', channel: 'email', enabled: false }]);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json().code).toBe('notification_locked');
    const ok = await put([
      { group: 'money_in', channel: 'email', enabled: false },
      { group: 'money_in', channel: 'email', enabled: false },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data).toContainEqual({
      group: 'money_in',
      channel: 'email',
      enabled: false,
      locked: false,
    });

    await t.ctx.db.transaction(async (tx) => {
      await requestNotification(tx, {
        userId: ada.id,
        template: 'deposit_credited',
        data: { amount: '₦10.00', reference: 'ref-pref-1' },
      });
      await requestNotification(tx, {
        userId: ada.id,
        template: 'email_verification',
        data: { link: 'https://vendra.example/verify-email?token=482913' },
        to: { email: 'new-address@example.com' },
        unverifiedOk: ['email'],
      });
    });
    const verify = await eventually(async () => (await inbox('new-address@example.com'))[0]);
    expect(verify.text).toContain('482913');
    const inApp = await eventually(async () => {
      const l = (await get(t.app, ada, '/v1/notifications')).json();
      return l.data.find((n: { template: string }) => n.template === 'deposit_credited');
    });
    expect(inApp.text).toContain('ref-pref-1');
    expect(await inbox(ada.email)).toEqual([]); // the deposit email was turned off
  });
});

describe('outside sandbox mode', () => {
  it('has no sandbox inbox', async () => {
    const t = await createTestApp('pg', { NOTIFY_MODE: 'log', SMS_MODE: 'log' });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/sandbox/inbox' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
