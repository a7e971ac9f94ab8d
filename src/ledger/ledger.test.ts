import client from 'prom-client';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDb, type TestDb } from '../test-support/db.js';
import {
  createAccount,
  createTransactions,
  getBalance,
  getBalanceAt,
  getHistory,
  type LedgerItem,
  runAudit,
  setAccountStatus,
  sweepExpiredHolds,
} from './index.js';
import { legs, makeSource, makeWallet, transfer } from './testing.js';

describe.each(backends())('ledger on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(backend);
  });
  afterAll(async () => {
    const report = await runAudit(t.db, { expiryGraceMs: 0 });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    await t.drop();
  });

  const run = (items: LedgerItem[]) => t.db.transaction((tx) => createTransactions(tx, items));
  /** Batches that took the set-based path so far (vendra_ledger_batches_total{path="set"}). */
  const setPathBatches = async () => {
    const metric = client.register.getSingleMetric('vendra_ledger_batches_total') as client.Counter;
    return (await metric.get()).values.find((v) => v.labels.path === 'set')?.value ?? 0;
  };
  const balance = async (id: string) => (await t.db.transaction((tx) => getBalance(tx, id)))!;

  it('moves money between wallets and keeps both sides', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    expect((await transfer(t.db, src.id, a.id, 10_000n)).code).toBe('ok');
    expect((await transfer(t.db, a.id, b.id, 2_500n)).code).toBe('ok');
    expect((await balance(a.id)).available).toBe(7_500n);
    expect((await balance(b.id)).posted).toBe(2_500n);
    expect((await balance(src.id)).posted).toBe(-10_000n);
  });

  it('refuses to overdraw a wallet and changes nothing', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 100n);
    const r = await transfer(t.db, a.id, b.id, 101n);
    expect(r).toMatchObject({ ok: false, code: 'insufficient_funds' });
    expect((await balance(a.id)).available).toBe(100n);
    expect((await balance(b.id)).posted).toBe(0n);
  });

  it('fails one item of a batch alone, in order', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    const results = await run([
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(src.id, a.id, 50n) },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(a.id, b.id, 80n) },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(a.id, b.id, 30n) },
    ]);
    expect(results.map((r) => r.code)).toEqual(['ok', 'insufficient_funds', 'ok']);
    expect((await balance(a.id)).available).toBe(20n);
  });

  it('decides a batch in item order whether it takes the set-based path or the exact one', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    const c = await makeWallet(t.db);
    // Spend before the credit that would cover it: the spend fails, in order.
    const spendFirst = await run([
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(a.id, b.id, 10n) },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(src.id, a.id, 10n) },
    ]);
    expect(spendFirst.map((r) => r.code)).toEqual(['insufficient_funds', 'ok']);
    const setBefore = await setPathBatches();
    // Credit, then spend it in the same batch: both succeed (the set-based check
    // would not count the credit, so this batch is decided item by item).
    const creditFirst = await run([
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(src.id, c.id, 30n) },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(c.id, b.id, 30n) },
    ]);
    expect(creditFirst.map((r) => r.code)).toEqual(['ok', 'ok']);
    expect(await setPathBatches()).toBe(setBefore);
    // A batch that succeeds whole (set-based: no account spends more than it
    // held before the batch): running balances per posting, in item order, for
    // an account that appears in several items.
    const whole = await run([
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(a.id, b.id, 3n) },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(src.id, b.id, 100n) },
      { id: uuidv7(), kind: 'hold', currency: 'NGN', legs: legs(b.id, c.id, 10n) },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(b.id, a.id, 5n) },
    ]);
    expect(whole.map((r) => r.code)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(await setPathBatches()).toBe(setBefore + 1);
    const history = await t.db.transaction((tx) => getHistory(tx, b.id, { limit: 10 }));
    expect(history.lines.map((l) => [l.side, l.pending, l.amount, l.balanceAfter])).toEqual([
      ['D', false, 5n, 128n],
      ['D', true, 10n, 133n],
      ['C', false, 100n, 133n],
      ['C', false, 3n, 33n],
      ['C', false, 30n, 30n],
    ]);
    expect(await balance(b.id)).toMatchObject({ posted: 128n, available: 118n });
    // Two batches in a row that each fit, and a third that overdraws: only its own
    // over-the-limit item fails.
    const third = await run([
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(b.id, a.id, 80n) },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(b.id, a.id, 39n) },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(b.id, a.id, 38n) },
    ]);
    expect(third.map((r) => r.code)).toEqual(['ok', 'insufficient_funds', 'ok']);
    expect((await balance(b.id)).available).toBe(0n);
  });

  it('keeps every balance row of an account in step with it (freeze, buckets)', async () => {
    const hot = await t.db.transaction((tx) =>
      createAccount(tx, { key: `test:hot:${uuidv7()}`, currency: 'NGN', type: 'fee_revenue', buckets: 5 }),
    );
    const rows = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM ledger.balances WHERE account_id = $1',
      [hot.id],
    );
    expect(rows.rows[0]?.n).toBe(5);
    const w = await makeWallet(t.db);
    await t.db.transaction((tx) => setAccountStatus(tx, w.id, 'frozen'));
    const status = await t.db.query<{ status: string }>(
      'SELECT status FROM ledger.balances WHERE account_id = $1',
      [w.id],
    );
    expect(status.rows.map((r) => r.status)).toEqual(['frozen']);
    expect((await transfer(t.db, hot.id, w.id, 1n)).code).toBe('account_frozen');
    await t.db.transaction((tx) => setAccountStatus(tx, w.id, 'active'));
    expect((await transfer(t.db, hot.id, w.id, 1n)).code).toBe('ok');
    const report = await runAudit(t.db, { expiryGraceMs: 0 });
    expect(report.checks.find((c) => c.name === 'balance_rows_match_accounts')?.ok).toBe(true);
  });

  it('runs a linked chain as a whole', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 100n);
    const failed = await run([
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(a.id, b.id, 60n), linked: true },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(a.id, b.id, 60n) },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(a.id, b.id, 10n) },
    ]);
    expect(failed.map((r) => r.code)).toEqual(['linked_event_failed', 'insufficient_funds', 'ok']);
    expect((await balance(a.id)).available).toBe(90n);
    const ok = await run([
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(a.id, b.id, 40n), linked: true },
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(a.id, b.id, 50n) },
    ]);
    expect(ok.map((r) => r.code)).toEqual(['ok', 'ok']);
    const open = await run([
      { id: uuidv7(), kind: 'transfer', currency: 'NGN', legs: legs(src.id, a.id, 1n), linked: true },
    ]);
    expect(open[0]?.code).toBe('linked_event_chain_open');
  });

  it('posts multi-leg transactions that balance and rejects those that do not', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const float = await t.db.transaction((tx) =>
      createAccount(tx, { currency: 'NGN', type: 'provider_float', buckets: 4 }),
    );
    const fee = await t.db.transaction((tx) =>
      createAccount(tx, { currency: 'NGN', type: 'fee_revenue', buckets: 4 }),
    );
    await transfer(t.db, src.id, a.id, 1_000n);
    const [ok, unbalanced] = await run([
      {
        id: uuidv7(),
        kind: 'transfer',
        currency: 'NGN',
        legs: [
          { accountId: a.id, side: 'D', amount: 510n },
          { accountId: float.id, side: 'C', amount: 500n },
          { accountId: fee.id, side: 'C', amount: 10n },
        ],
      },
      {
        id: uuidv7(),
        kind: 'transfer',
        currency: 'NGN',
        legs: [
          { accountId: a.id, side: 'D', amount: 10n },
          { accountId: fee.id, side: 'C', amount: 9n },
        ],
      },
    ]);
    expect(ok?.code).toBe('ok');
    expect(unbalanced?.code).toBe('unbalanced');
    expect((await balance(float.id)).posted).toBe(500n);
    expect((await balance(fee.id)).posted).toBe(10n);
    expect((await balance(a.id)).available).toBe(490n);
  });

  it('rejects bad input with a specific code and changes nothing', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const usd = await makeWallet(t.db, 'USD');
    await transfer(t.db, src.id, a.id, 1_000n);
    const tx = (l: unknown, currency = 'NGN', id: string = uuidv7()) =>
      ({ id, kind: 'transfer', currency, legs: l }) as LedgerItem;
    const cases: [LedgerItem, string][] = [
      [tx(legs(a.id, src.id, 0n)), 'invalid_amount'],
      [tx(legs(a.id, src.id, -5n)), 'invalid_amount'],
      [
        tx([
          { accountId: a.id, side: 'D', amount: 1.5 },
          { accountId: src.id, side: 'C', amount: 1.5 },
        ]),
        'invalid_amount',
      ],
      [
        tx([
          { accountId: a.id, side: 'D', amount: '10' },
          { accountId: src.id, side: 'C', amount: '10' },
        ]),
        'invalid_amount',
      ],
      [tx(legs(a.id, src.id, 2n ** 63n)), 'amount_out_of_range'],
      [
        tx([
          { accountId: a.id, side: 'D', amount: 10n },
          { accountId: src.id, side: 'C', amount: 11n },
        ]),
        'unbalanced',
      ],
      [tx(legs(a.id, usd.id, 10n)), 'currency_mismatch'],
      [tx(legs(a.id, uuidv7(), 10n)), 'account_not_found'],
      [tx(legs(a.id, 'not-a-uuid', 10n)), 'invalid_account_id'],
      [tx(legs(a.id, src.id, 10n), 'naira'), 'invalid_currency'],
      [tx([]), 'no_legs'],
      [tx(legs(a.id, src.id, 10n), 'NGN', 'bad-id'), 'invalid_id'],
      [
        tx([
          { accountId: a.id, side: 'X', amount: 10n },
          { accountId: src.id, side: 'C', amount: 10n },
        ]),
        'invalid_side',
      ],
      [{ id: uuidv7(), kind: 'post', pendingId: uuidv7() }, 'pending_not_found'],
      [{ id: uuidv7(), kind: 'void', pendingId: 'nope' }, 'invalid_pending_id'],
    ];
    const before = await balance(a.id);
    const results = await run(cases.map(([item]) => item));
    expect(results.map((r) => r.code)).toEqual(cases.map(([, code]) => code));
    expect(await balance(a.id)).toEqual(before);
    const { rows } = await t.db.query<{ n: bigint }>(
      'SELECT count(*) AS n FROM ledger.transactions WHERE id = ANY ($1::uuid[])',
      [cases.map(([item]) => item.id).filter((id) => /^[0-9a-f-]{36}$/.test(id))],
    );
    expect(rows[0]?.n).toBe(0n);
  });

  it('refuses frozen and closed accounts, on both sides', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 100n);
    await t.db.transaction((tx) => setAccountStatus(tx, b.id, 'frozen'));
    expect((await transfer(t.db, a.id, b.id, 10n)).code).toBe('account_frozen');
    await t.db.transaction((tx) => setAccountStatus(tx, a.id, 'frozen'));
    await t.db.transaction((tx) => setAccountStatus(tx, b.id, 'active'));
    expect((await transfer(t.db, a.id, b.id, 10n)).code).toBe('account_frozen');
    await t.db.transaction((tx) => setAccountStatus(tx, a.id, 'closed'));
    expect((await transfer(t.db, a.id, b.id, 10n)).code).toBe('account_closed');
    expect((await balance(a.id)).available).toBe(100n);
  });

  it('holds reserve funds; a hold posts or voids exactly once', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 1_000n);
    const hold = uuidv7();
    const [h] = await run([{ id: hold, kind: 'hold', currency: 'NGN', legs: legs(a.id, b.id, 600n) }]);
    expect(h?.code).toBe('ok');
    expect(await balance(a.id)).toMatchObject({ posted: 1_000n, available: 400n, held: 600n });
    expect((await transfer(t.db, a.id, b.id, 500n)).code).toBe('insufficient_funds');
    const [post, again, voidAfter] = await run([
      { id: uuidv7(), kind: 'post', pendingId: hold },
      { id: uuidv7(), kind: 'post', pendingId: hold },
      { id: uuidv7(), kind: 'void', pendingId: hold },
    ]);
    expect([post?.code, again?.code, voidAfter?.code]).toEqual([
      'ok',
      'pending_already_posted',
      'pending_already_posted',
    ]);
    expect(await balance(a.id)).toMatchObject({ posted: 400n, available: 400n, held: 0n });
    expect((await balance(b.id)).posted).toBe(600n);

    const hold2 = uuidv7();
    await run([{ id: hold2, kind: 'hold', currency: 'NGN', legs: legs(a.id, b.id, 300n) }]);
    const [v, p] = await run([
      { id: uuidv7(), kind: 'void', pendingId: hold2 },
      { id: uuidv7(), kind: 'post', pendingId: hold2 },
    ]);
    expect([v?.code, p?.code]).toEqual(['ok', 'pending_already_voided']);
    expect(await balance(a.id)).toMatchObject({ posted: 400n, available: 400n, held: 0n });
  });

  it('posts a hold partially and releases the rest', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 1_000n);
    const hold = uuidv7();
    await run([{ id: hold, kind: 'hold', currency: 'NGN', legs: legs(a.id, b.id, 600n) }]);
    const [tooMuch] = await run([
      { id: uuidv7(), kind: 'post', pendingId: hold, legs: legs(a.id, b.id, 601n) },
    ]);
    expect(tooMuch?.code).toBe('post_exceeds_pending');
    const [wrongAccount] = await run([
      { id: uuidv7(), kind: 'post', pendingId: hold, legs: legs(a.id, src.id, 10n) },
    ]);
    expect(wrongAccount?.code).toBe('post_exceeds_pending');
    const [partial] = await run([
      { id: uuidv7(), kind: 'post', pendingId: hold, legs: legs(a.id, b.id, 250n) },
    ]);
    expect(partial?.code).toBe('ok');
    expect(await balance(a.id)).toMatchObject({ posted: 750n, available: 750n, held: 0n });
    expect((await balance(b.id)).posted).toBe(250n);
  });

  it('expires holds: an expired hold cannot be posted and the sweeper voids it once', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 1_000n);
    const hold = uuidv7();
    const forever = uuidv7();
    await run([
      { id: hold, kind: 'hold', currency: 'NGN', legs: legs(a.id, b.id, 100n), timeoutMs: 50 },
      { id: forever, kind: 'hold', currency: 'NGN', legs: legs(a.id, b.id, 100n), timeoutMs: 0 },
    ]);
    expect((await balance(a.id)).held).toBe(200n);
    await new Promise((r) => setTimeout(r, 120));
    const [late] = await run([{ id: uuidv7(), kind: 'post', pendingId: hold }]);
    expect(late?.code).toBe('pending_expired');
    const [premature] = await run([{ id: uuidv7(), kind: 'void', pendingId: forever, expiry: true }]);
    expect(premature?.code).toBe('pending_not_expired');
    expect(await sweepExpiredHolds(t.db)).toBeGreaterThanOrEqual(1);
    expect(await sweepExpiredHolds(t.db)).toBe(0);
    expect(await balance(a.id)).toMatchObject({ available: 900n, held: 100n });
    const { rows } = await t.db.query<{ status: string }>('SELECT status FROM ledger.holds WHERE id = $1', [
      hold,
    ]);
    expect(rows[0]?.status).toBe('expired');
  });

  it('answers a repeated id with the original result; different contents are refused', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 100n);
    const id = uuidv7();
    const first = await transfer(t.db, a.id, b.id, 40n, 'NGN', id);
    const second = await transfer(t.db, a.id, b.id, 40n, 'NGN', id);
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(second).toMatchObject({ ok: true, code: 'ok', replayed: true });
    expect((await transfer(t.db, a.id, b.id, 41n, 'NGN', id)).code).toBe('exists_with_different_fields');
    expect((await balance(a.id)).available).toBe(60n);

    // A failed id fails the same way on retry, even after the funds arrive (TigerBeetle's rule).
    const failedId = uuidv7();
    expect((await transfer(t.db, a.id, b.id, 500n, 'NGN', failedId)).code).toBe('insufficient_funds');
    await transfer(t.db, src.id, a.id, 1_000n);
    expect(await transfer(t.db, a.id, b.id, 500n, 'NGN', failedId)).toMatchObject({
      ok: false,
      code: 'insufficient_funds',
      replayed: true,
    });
  });

  it('gives history newest first with running balances, paginated, and balance at a moment', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    for (let i = 1; i <= 7; i++) await transfer(t.db, src.id, a.id, BigInt(i * 100));
    // A Date has milliseconds and the database microseconds: a moment taken within the same
    // millisecond as the last posting would be truncated to before it. Step clear of both sides.
    await new Promise((r) => setTimeout(r, 5));
    const middle = new Date();
    await new Promise((r) => setTimeout(r, 5));
    await transfer(t.db, a.id, b.id, 50n);
    const page1 = await t.db.transaction((tx) => getHistory(tx, a.id, { limit: 3 }));
    expect(page1.lines.map((l) => [l.side, l.amount, l.balanceAfter])).toEqual([
      ['D', 50n, 2_750n],
      ['C', 700n, 2_800n],
      ['C', 600n, 2_100n],
    ]);
    const page2 = await t.db.transaction((tx) =>
      getHistory(tx, a.id, { limit: 3, before: page1.nextCursor! }),
    );
    expect(page2.lines.map((l) => l.balanceAfter)).toEqual([1_500n, 1_000n, 600n]);
    const page3 = await t.db.transaction((tx) =>
      getHistory(tx, a.id, { limit: 3, before: page2.nextCursor! }),
    );
    expect(page3.lines.map((l) => l.balanceAfter)).toEqual([300n, 100n]);
    expect(page3.nextCursor).toBeNull();
    expect(await t.db.transaction((tx) => getBalanceAt(tx, a.id, middle))).toBe(2_800n);
    // A hot (bucketed) account computes its running balance on read.
    const hot = await t.db.transaction((tx) => getHistory(tx, src.id, { limit: 2 }));
    expect(hot.lines.map((l) => l.balanceAfter)).toEqual([-2_800n, -2_100n]);
  });

  it('refuses an unbalanced item that got past TypeScript, on either path, and writes nothing', async () => {
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 100n);
    const unbalanced = (linked: boolean) =>
      JSON.stringify([
        {
          id: uuidv7(),
          k: 'transfer',
          c: 'NGN',
          h: 'x',
          f: linked || undefined,
          l: [
            [a.id, 'D', '10'],
            [src.id, 'C', '9'],
          ],
        },
        ...(linked
          ? [
              {
                id: uuidv7(),
                k: 'transfer',
                c: 'NGN',
                h: 'y',
                l: [
                  [a.id, 'D', '1'],
                  [src.id, 'C', '1'],
                ],
              },
            ]
          : []),
      ]);
    for (const linked of [false, true]) {
      await expect(
        t.db.transaction((tx) =>
          tx.query('SELECT r_code FROM ledger.create_transactions($1::jsonb)', [unbalanced(linked)]),
        ),
      ).rejects.toThrow(/unbalanced/);
    }
    expect((await balance(a.id)).posted).toBe(100n);
  });

  it('refuses to rewrite the journal', async () => {
    await expect(t.db.query('UPDATE ledger.postings SET amount = amount + 1 WHERE id = 1')).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('DELETE FROM ledger.transactions')).rejects.toThrow(/append-only/);
  });
});
