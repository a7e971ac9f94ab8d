import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../db/index.js';
import { backends, createTestDb, type TestDb } from '../test-support/db.js';
import { createTransactions, getBalance, runAudit } from './index.js';
import { legs } from './testing.js';

/**
 * Migration 0500 copies each account's currency, status and bucket count onto
 * its balance rows and creates the missing bucket rows of hot accounts: it must
 * upgrade a ledger that already holds money, written by the function of 0002.
 */
describe.each(backends())('ledger upgrade to 0500 on %s', (backend) => {
  let t: TestDb;
  const all = readMigrations();
  beforeAll(async () => {
    t = await createTestDb(
      backend,
      4,
      all.filter((m) => m.name < '0500'),
    );
  });
  afterAll(async () => {
    await t.drop();
  });

  it('keeps every balance and the audit clean, and the ledger works on both paths after', async () => {
    // Accounts and money as the 0002 schema had them (bucket rows of a hot
    // account appear on first use there).
    const source = uuidv7();
    const wallet = uuidv7();
    const frozen = uuidv7();
    await t.db.query(
      "INSERT INTO ledger.accounts (id, currency, type, buckets) VALUES ($1, 'NGN', 'equity', 8)",
      [source],
    );
    for (const id of [wallet, frozen]) {
      await t.db.query(
        `INSERT INTO ledger.accounts (id, currency, type, debits_must_not_exceed_credits) VALUES ($1, 'NGN', 'user_wallet', true)`,
        [id],
      );
      await t.db.query(
        'INSERT INTO ledger.balances (account_id, bucket, dr_limit, cr_limit) VALUES ($1, 0, true, false)',
        [id],
      );
    }
    const wire = (to: string, amount: number) =>
      JSON.stringify([
        {
          id: uuidv7(),
          k: 'transfer',
          c: 'NGN',
          h: uuidv7(),
          l: [
            [source, 'D', String(amount)],
            [to, 'C', String(amount)],
          ],
        },
      ]);
    for (const [to, amount] of [
      [wallet, 500],
      [frozen, 70],
      [wallet, 25],
    ] as const) {
      const { rows } = await t.db.query<{ r_code: string[] }>(
        'SELECT r_code FROM ledger.create_transactions($1::jsonb)',
        [wire(to, amount)],
      );
      expect(rows[0]?.r_code).toEqual(['ok']);
    }
    await t.db.query("UPDATE ledger.accounts SET status = 'frozen' WHERE id = $1", [frozen]);

    expect(await migrate(t.db, all)).toEqual(all.filter((m) => m.name >= '0500').map((m) => m.name));

    const report = await runAudit(t.db, { expiryGraceMs: 0 });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    const rows = await t.db.query<{ account_id: string; n: number; status: string }>(
      'SELECT account_id, count(*)::int AS n, min(status) AS status FROM ledger.balances GROUP BY account_id',
    );
    const byId = new Map(rows.rows.map((r) => [r.account_id, r]));
    expect(byId.get(source)?.n).toBe(8);
    expect(byId.get(frozen)?.status).toBe('frozen');
    const balance = async (id: string) => (await t.db.transaction((tx) => getBalance(tx, id)))!;
    expect((await balance(wallet)).posted).toBe(525n);
    expect((await balance(source)).posted).toBe(-595n);

    // Set-based (all succeed) and exact (a frozen account) batches both work.
    const ok = await t.db.transaction((tx) =>
      createTransactions(tx, [
        { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(wallet, source, 25n) },
      ]),
    );
    expect(ok.map((r) => r.code)).toEqual(['ok']);
    const refused = await t.db.transaction((tx) =>
      createTransactions(tx, [
        { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(source, frozen, 1n) },
        { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(wallet, source, 500n) },
      ]),
    );
    expect(refused.map((r) => r.code)).toEqual(['account_frozen', 'ok']);
    expect((await balance(wallet)).posted).toBe(0n);
  });
});
