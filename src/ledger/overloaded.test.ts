import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { fund, get, post, walletOf } from '../test-support/http.js';
import { registerUser } from '../test-support/users.js';

/** A full ledger queue answers 503 overloaded with Retry-After, moves nothing, and the same key works after. */
describe('ledger queue bound over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One waiting item at most, and a long window so that the first transfer is still waiting.
    t = await createTestApp(
      'pglite',
      { LEDGER_BATCH_MAX_QUEUED: '1', LEDGER_BATCH_WINDOW_MS: '1000' },
      { worker: true },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a transfer while the queue is full and accepts its retry with the same key', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    const wa = await walletOf(t.app, a);
    const wb = await walletOf(t.app, b);
    await fund(t.app, a, wa.id, 100_000);
    const body = { fromWalletId: wa.id, to: { walletId: wb.id }, amount: 1_000 };
    const [firstKey, secondKey] = [randomUUID(), randomUUID()];
    const [first, second] = await Promise.all([
      post(t.app, a, '/v1/transfers', body, firstKey),
      post(t.app, a, '/v1/transfers', body, secondKey),
    ]);
    const refused = [first, second].find((r) => r.statusCode === 503);
    const done = [first, second].find((r) => r.statusCode === 201);
    expect(done).toBeDefined();
    expect(refused?.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused?.headers['retry-after']).toBe('1');
    expect(refused?.json().code).toBe('overloaded');
    expect((await get(t.app, a, `/v1/wallets/${wa.id}`)).json().balance).toBe(99_000);

    // Nothing was stored under the refused key: its retry moves the money once.
    const retry = await post(t.app, a, '/v1/transfers', body, refused === first ? firstKey : secondKey);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect((await get(t.app, a, `/v1/wallets/${wa.id}`)).json().balance).toBe(98_000);
  });
});
