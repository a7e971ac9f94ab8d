/**
 * A gateway webhook's effect and its log row commit together: when the log
 * insert fails, the deposit stays pending and the wallet is not credited;
 * the gateway's retry then credits it once, with one log row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { get, post, walletOf } from '../test-support/http.js';
import { registerUser, type TestUser } from '../test-support/users.js';
import { sandboxChargeEvent, signWebhook } from './gateway.js';
import { ensureWallet } from './wallets.js';

describe.each(backends())('gateway webhook log on %s', (backend) => {
  let t: TestApp;
  let user: TestUser;
  let walletId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    user = await registerUser(t.app);
    await t.ctx.db.transaction((tx) => ensureWallet(tx, user.id, 'NGN'));
    walletId = (await walletOf(t.app, user)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (body: unknown) => {
    const raw = JSON.stringify(body);
    return t.app.inject({
      method: 'POST',
      url: '/v1/webhooks/gateway',
      headers: {
        'content-type': 'application/json',
        'x-paystack-signature': signWebhook(t.ctx.config.gatewaySecret, raw),
      },
      payload: raw,
    });
  };
  const logged = async (reference: string) =>
    (
      await t.ctx.db.query<{ n: bigint }>(
        'SELECT count(*) AS n FROM wallets.gateway_webhooks WHERE reference = $1',
        [reference],
      )
    ).rows[0]?.n;

  it('no credit without its log row: a failing log insert rolls the deposit back', async () => {
    const deposit = (await post(t.app, user, `/v1/wallets/${walletId}/deposits`, { amount: 250_000 })).json();
    const event = sandboxChargeEvent('success', {
      reference: deposit.reference,
      amount: 250_000n,
      currency: 'NGN',
      email: 'payer@example.com',
    });
    await t.ctx.db.exec(`
      CREATE FUNCTION wallets.refuse_webhook_log() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'webhook log unavailable'; END $$;
      CREATE TRIGGER refuse_webhook_log BEFORE INSERT ON wallets.gateway_webhooks
        FOR EACH ROW EXECUTE FUNCTION wallets.refuse_webhook_log();`);
    try {
      const res = await send(event);
      expect(res.statusCode).toBe(500); // the gateway retries a non-2xx answer
      expect((await get(t.app, user, `/v1/deposits/${deposit.id}`)).json().status).toBe('pending');
      expect((await walletOf(t.app, user)).balance).toBe(0);
      expect(await logged(deposit.reference)).toBe(0n);
    } finally {
      await t.ctx.db.exec(`DROP TRIGGER refuse_webhook_log ON wallets.gateway_webhooks;
        DROP FUNCTION wallets.refuse_webhook_log();`);
    }
    // The gateway's retry: credited once, logged once.
    const retry = await send(event);
    expect(retry.json()).toEqual({ received: true, outcome: 'credited' });
    expect((await get(t.app, user, `/v1/deposits/${deposit.id}`)).json().status).toBe('succeeded');
    expect((await walletOf(t.app, user)).balance).toBe(250_000);
    expect(await logged(deposit.reference)).toBe(1n);
    // A repeat is a logged duplicate that moves nothing.
    expect((await send(event)).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect((await walletOf(t.app, user)).balance).toBe(250_000);
    expect(await logged(deposit.reference)).toBe(2n);
  });

  it('events that change nothing are logged too (ignored, unknown reference)', async () => {
    expect(
      (await send({ event: 'subscription.create', data: { reference: 'VDP-IGNORED' } })).json().outcome,
    ).toBe('ignored');
    expect((await send({ event: 'charge.success', data: { reference: 'VDP-NOBODY' } })).json().outcome).toBe(
      'unknown_reference',
    );
    expect(await logged('VDP-IGNORED')).toBe(1n);
    expect(await logged('VDP-NOBODY')).toBe(1n);
  });
});
