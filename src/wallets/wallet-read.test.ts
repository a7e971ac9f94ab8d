import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { fund, get } from '../test-support/http.js';
import { registerUser, type TestUser } from '../test-support/users.js';
import { ensureWallet } from './wallets.js';

/** Records the text of every statement sent through db.query until the returned function stops it. */
function recordStatements(db: Db): { texts: string[]; stop(): void } {
  const query = db.query;
  const texts: string[] = [];
  (db as { query: Db['query'] }).query = ((sql: string, ...rest: never[]) => {
    texts.push(sql);
    return query(sql, ...rest);
  }) as Db['query'];
  return {
    texts,
    stop: () => {
      (db as { query: Db['query'] }).query = query;
    },
  };
}

const ledgerStatements = (texts: string[]) => texts.filter((sql) => /\bledger\./.test(sql));

describe.each(backends())('GET /v1/wallets/:id on %s', (backend) => {
  let t: TestApp;
  let alice: TestUser;
  let walletId: string;
  beforeAll(async () => {
    // No worker: nothing else reads the ledger while the statements are counted.
    t = await createTestApp(backend);
    alice = await registerUser(t.app);
    walletId = (await t.ctx.db.transaction((tx) => ensureWallet(tx, alice.id, 'NGN'))).id;
    await fund(t.app, alice, walletId, 12_345);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads the wallet, its owner and its balance in one statement', async () => {
    const recorded = recordStatements(t.ctx.db);
    try {
      const res = await get(t.app, alice, `/v1/wallets/${walletId}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      // The same bytes as before this read was one statement.
      expect(res.body).toBe(
        JSON.stringify({
          id: walletId,
          userId: alice.id,
          currency: 'NGN',
          status: 'active',
          balance: 12_345,
          available: 12_345,
          held: 0,
          createdAt: body.createdAt,
        }),
      );
      expect(ledgerStatements(recorded.texts)).toHaveLength(1);
    } finally {
      recorded.stop();
    }
  });

  it('answers concurrent reads with fewer statements than requests, each exact', async () => {
    const recorded = recordStatements(t.ctx.db);
    try {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => get(t.app, alice, `/v1/wallets/${walletId}`)),
      );
      expect(responses.map((r) => [r.statusCode, r.json().balance])).toEqual(
        Array.from({ length: 20 }, () => [200, 12_345]),
      );
      expect(ledgerStatements(recorded.texts).length).toBeLessThan(20);
    } finally {
      recorded.stop();
    }
  });

  it("is 404 for someone else's wallet and for an unknown one, as before", async () => {
    const bob = await registerUser(t.app);
    expect((await get(t.app, bob, `/v1/wallets/${walletId}`)).json()).toMatchObject({ code: 'not_found' });
    const unknown = '0190a000-0000-7000-8000-000000000000';
    expect((await get(t.app, alice, `/v1/wallets/${unknown}`)).statusCode).toBe(404);
  });
});
