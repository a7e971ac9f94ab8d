/**
 * The VTpass webhook cannot drive traffic: hints for one payment coalesce
 * into one outstanding provider check, and with VTPASS_WEBHOOK_SECRET set
 * only the secret path answers.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { lineSink } from '../test-support/logs.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerUser, type TestUser } from '../test-support/users.js';
import { FAST_PROVIDER_ENV } from './testing.js';
import { vtpassWebhookPath, webhookSecretMatches } from './webhooks.js';

const SECRET = 'wh_0123456789abcdefABCDEF';
const SIM_LATENCY_MS = 1_500;

async function customer(t: TestApp) {
  const user = await registerUser(t.app);
  const walletId = (await walletOf(t.app, user)).id;
  await fund(t.app, user, walletId, 10_000_000);
  return { user, walletId };
}

async function paid(t: TestApp, user: TestUser, walletId: string, customerRef: string, statuses: string[]) {
  const res = await post(t.app, user, '/v1/bill-payments', {
    walletId,
    billerId: 'ikeja-electric',
    productCode: 'prepaid',
    customerRef,
    amount: 500_000,
  });
  expect(res.statusCode).toBe(202);
  return eventually(async () => {
    const p = (await get(t.app, user, `/v1/bill-payments/${res.json().id}`)).json();
    return statuses.includes(p.status) && p;
  }, 10_000);
}

describe('VTPASS_WEBHOOK_SECRET configuration', () => {
  it('is optional, bounded to 16-128 URL-safe characters, and compared exactly', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).vtpassWebhookSecret).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test', VTPASS_WEBHOOK_SECRET: SECRET }).vtpassWebhookSecret).toBe(SECRET);
    for (const bad of ['short', 'x'.repeat(129), 'has a space in it!!', 'slash/in/the/secret'])
      expect(() => loadConfig({ NODE_ENV: 'test', VTPASS_WEBHOOK_SECRET: bad }), bad).toThrow(ConfigError);
    expect(webhookSecretMatches(SECRET, SECRET)).toBe(true);
    for (const wrong of [undefined, '', SECRET.slice(1), `${SECRET}0`, SECRET.toUpperCase()])
      expect(webhookSecretMatches(SECRET, wrong), String(wrong)).toBe(false);
  });
});

const hint = (reference: string) => ({ type: 'transaction-update', data: { requestId: reference } });

describe.each(backends())('VTpass webhook hints on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    // Provider answers take SIM_LATENCY_MS once the payment is delivered: well within our timeout.
    t = await createTestApp(
      backend,
      { ...FAST_PROVIDER_ENV, PROVIDER_TIMEOUT_MS: '10000' },
      { providers: true, worker: true },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const requeries = (reference: string) =>
    (t.ctx.providers?.sims ?? []).reduce(
      (n, sim) => n + sim.calls({ requestId: reference }).filter((c) => c.endpoint === '/api/requery').length,
      0,
    );
  const checks = async (paymentId: string) =>
    (
      await t.ctx.db.query<{ total: bigint; outstanding: bigint }>(
        `SELECT count(*) AS total, count(*) FILTER (WHERE d.status = 'pending') AS outstanding
           FROM outbox.events e JOIN outbox.deliveries d ON d.event_id = e.id
          WHERE e.type = 'bill_payment.check' AND e.key = $1`,
        [paymentId],
      )
    ).rows[0];

  it('50 hints for one payment: one check outstanding, one provider requery', async () => {
    const { user, walletId } = await customer(t);
    const p = await paid(t, user, walletId, '1111111111111', ['succeeded']);
    const before = requeries(p.providerReference);
    for (const sim of t.ctx.providers?.sims ?? []) sim.setKnobs({ latencyMs: SIM_LATENCY_MS });
    try {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          t.app.inject({ method: 'POST', url: '/v1/webhooks/vtpass', payload: hint(p.providerReference) }),
        ),
      );
      expect(answers.every((a) => a.statusCode === 200 && a.json().response === 'success')).toBe(true);
      expect((await checks(p.id))?.total).toBe(1n);
      await eventually(async () => (await checks(p.id))?.outstanding === 0n, 10_000);
      expect(requeries(p.providerReference) - before).toBe(1);

      // Coalesced, not ignored: a hint after the check finished asks again, once.
      await t.app.inject({ method: 'POST', url: '/v1/webhooks/vtpass', payload: hint(p.providerReference) });
      await eventually(async () => requeries(p.providerReference) - before === 2, 10_000);
      expect((await checks(p.id))?.total).toBe(2n);
    } finally {
      for (const sim of t.ctx.providers?.sims ?? []) sim.setKnobs({ latencyMs: 0 });
    }
  });
});

describe.each(backends())('VTPASS_WEBHOOK_SECRET on %s', (backend) => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    const sink = lineSink(lines);
    t = await createTestApp(
      backend,
      { ...FAST_PROVIDER_ENV, VTPASS_WEBHOOK_SECRET: SECRET },
      { providers: true, worker: true, log: createLogger('debug', false, sink) },
    );
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    // As main.ts does: the simulators announce to the secret path.
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ webhookUrl: `http://127.0.0.1:${port}${vtpassWebhookPath(t.ctx.config)}` });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves only the secret path: the plain one and a wrong secret answer 404', async () => {
    expect(vtpassWebhookPath(t.ctx.config)).toBe(`/v1/webhooks/vtpass/${SECRET}`);
    const body = hint('202401010000abcdefghijklmnop');
    const at = (url: string) => t.app.inject({ method: 'POST', url, payload: body });
    const plain = await at('/v1/webhooks/vtpass');
    expect(plain.statusCode).toBe(404);
    expect(plain.headers['content-type']).toMatch(/application\/problem\+json/);
    for (const wrong of ['nope', `${SECRET}x`, SECRET.slice(0, -1)]) {
      const res = await at(`/v1/webhooks/vtpass/${wrong}`);
      expect([res.statusCode, res.json().code], wrong).toEqual([404, 'not_found']);
    }
    const right = await at(`/v1/webhooks/vtpass/${SECRET}`);
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ response: 'success' });
  });

  it('the sandbox simulators reach the secret path: a reversal announced by webhook is applied; the secret is not logged', async () => {
    const { user, walletId } = await customer(t);
    const p = await paid(t, user, walletId, '4444444444444', ['reversed']);
    expect(p.status).toBe('reversed');
    const hooks = (t.ctx.providers?.sims ?? []).flatMap((sim) =>
      sim.calls({ requestId: p.providerReference }).filter((c) => c.endpoint === 'webhook'),
    );
    expect(hooks.map((h) => h.code)).toContain('http_200');
    expect(lines.join('')).toContain('/v1/webhooks/vtpass/[redacted]');
    expect(lines.join('')).not.toContain(SECRET);
  });
});
