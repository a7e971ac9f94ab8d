/**
 * Composing many notifications in one transaction (the worker's batched path): each gets its own
 * messages, a source repeated within the batch or later is written once, each person's
 * preferences apply to them alone, and security messages ignore preferences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { verifyContacts } from '../test-support/contacts.js';
import { registerUser, type TestUser } from '../test-support/users.js';
import { setPreferences } from './preferences.js';
import { createMessagesMany, MAX_COMPOSITIONS } from './messages.js';

describe('createMessagesMany (PostgreSQL)', () => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  beforeAll(async () => {
    t = await createTestApp('pg');
    a = await registerUser(t.app);
    b = await registerUser(t.app);
    await verifyContacts(t.ctx.db, a.id);
    await verifyContacts(t.ctx.db, b.id);
    await t.ctx.db.transaction((tx) =>
      setPreferences(tx, b.id, [{ group: 'money_in', channel: 'email', enabled: false }]),
    );
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  const received = (userId: string, source: string) => ({
    source,
    input: {
      userId,
      template: 'money_received' as const,
      data: { amount: '₦10.00', senderName: 'Ada' },
    },
  });

  it('writes each notification once, with its own person preferences', async () => {
    const ids = await t.ctx.db.transaction((tx) =>
      createMessagesMany(tx, [
        received(a.id, 'transfer:1'),
        received(b.id, 'transfer:2'),
        received(a.id, 'transfer:1'),
        {
          source: 'login:1',
          input: {
            userId: b.id,
            template: 'new_device_login',
            data: { device: 'Firefox', ip: '10.0.0.1', at: 'now' },
          },
        },
      ]),
    );
    expect(ids.map((l) => l.length)).toEqual([2, 1, 0, 2]);
    const { rows } = await t.ctx.db.query<{ user_id: string; template: string; channel: string }>(
      'SELECT user_id, template, channel FROM notifications.messages ORDER BY user_id, template, channel',
    );
    const of = (u: string) => rows.filter((r) => r.user_id === u).map((r) => `${r.template}/${r.channel}`);
    expect(of(a.id).sort()).toEqual(['money_received/email', 'money_received/in_app']);
    // b turned money-in emails off; the security message goes out regardless.
    expect(of(b.id).sort()).toEqual([
      'money_received/in_app',
      'new_device_login/email',
      'new_device_login/in_app',
    ]);
    const deliver = await t.ctx.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM outbox.events WHERE type = 'notification.deliver'`,
    );
    expect(Number(deliver.rows[0]!.n)).toBe(2); // a's email, b's login email

    const again = await t.ctx.db.transaction((tx) => createMessagesMany(tx, [received(a.id, 'transfer:1')]));
    expect(again).toEqual([[]]);
  });

  it('refuses more than its bound and accepts an empty batch', async () => {
    expect(await t.ctx.db.transaction((tx) => createMessagesMany(tx, []))).toEqual([]);
    const many = Array.from({ length: MAX_COMPOSITIONS + 1 }, (_, i) => received(a.id, `x:${i}`));
    await expect(t.ctx.db.transaction((tx) => createMessagesMany(tx, many))).rejects.toThrow(RangeError);
  });
});
