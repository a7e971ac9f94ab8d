/**
 * The risk checker and debits writer on the test databases: a flag opens a
 * case and lets the debit through, hold and block answer verdicts, earlier
 * rows of the same batch count, two batches for one person serialise, and a
 * large debit soon after a new device's login is held.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { registerUser } from '../test-support/users.js';
import {
  type RiskAttempt,
  type RiskDebit,
  type RiskVerdict,
  riskChecker,
  riskDebitsWriter,
  setRules,
} from './index.js';

describe.each(backends())('risk checker on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    // A block rule of its own currency, so the NGN defaults stay as seeded.
    const admin = { auth: { userId: randomUUID(), role: 'admin' as const } };
    await t.ctx.db.transaction((tx) =>
      setRules(tx, admin, {
        rules: [
          {
            key: 'test_usd_block',
            type: 'single_amount',
            params: { amount: 500_00 },
            action: 'block',
            enabled: true,
            appliesTo: ['transfer'],
            currency: 'USD',
          },
        ],
        reason: 'checker test',
      }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (userId: string, over: Partial<RiskAttempt> = {}): RiskAttempt => ({
    userId,
    kind: 'transfer',
    amount: 1_000_00n,
    currency: 'NGN',
    counterparty: 'wallet:friend',
    reference: randomUUID(),
    at: new Date(),
    ...over,
  });
  const check = (rows: RiskAttempt[]) => t.ctx.db.transaction((tx) => riskChecker(tx, rows));
  const write = (rows: RiskAttempt[]) =>
    t.ctx.db.transaction((tx) => riskDebitsWriter(tx, rows.map(toDebit)));
  const toDebit = ({ at: _at, ...a }: RiskAttempt): RiskDebit => a;
  const cases = async (userId: string) =>
    (
      await t.ctx.db.query<{
        id: string;
        action: string;
        rule_keys: string[];
        held: boolean;
        refs: string[];
      }>('SELECT id, action, rule_keys, held, refs FROM risk.cases WHERE user_id = $1 ORDER BY seq', [userId])
    ).rows;

  it('lets ordinary debits through and opens no case', async () => {
    const user = randomUUID();
    expect(await check([attempt(user), attempt(user, { kind: 'bill_payment' })])).toEqual([
      undefined,
      undefined,
    ]);
    expect(await cases(user)).toEqual([]);
  });

  it('flags the 11th debit in 10 minutes (earlier rows of the same batch count) and lets it through', async () => {
    const user = randomUUID();
    const rows = Array.from({ length: 11 }, () => attempt(user));
    const verdicts = await check(rows);
    expect(verdicts).toEqual(Array.from({ length: 11 }, () => undefined));
    const opened = await cases(user);
    expect(opened).toEqual([
      {
        id: expect.any(String),
        action: 'flag',
        rule_keys: ['velocity_10_in_10min'],
        held: false,
        refs: [rows[10]!.reference],
      },
    ]);
  });

  it('counts the debits written by earlier batches', async () => {
    const user = randomUUID();
    await write(Array.from({ length: 10 }, () => attempt(user)));
    expect(await check([attempt(user)])).toEqual([undefined]);
    expect((await cases(user)).map((c) => c.rule_keys)).toEqual([['velocity_10_in_10min']]);
    const { rows } = await t.ctx.db.query<{ n: bigint; first: bigint }>(
      'SELECT count(*) AS n, count(*) FILTER (WHERE new_counterparty) AS first FROM risk.debits WHERE user_id = $1',
      [user],
    );
    expect(rows[0]).toEqual({ n: 10n, first: 1n }); // one first debit to the counterparty, however many in a batch
  });

  it('holds a debit above ₦1,000,000 with a verdict naming its case (a bill payment: the hold is a block)', async () => {
    const user = randomUUID();
    // Bill payments: the new-recipient rule is for transfers and withdrawals only.
    const bill = { kind: 'bill_payment' as const, counterparty: 'biller:ikeja-electric:45071234567' };
    const rows = [
      attempt(user, { ...bill, amount: 100_000_000n }),
      attempt(user, { ...bill, amount: 100_000_001n }),
    ];
    const [ok, held] = await check(rows);
    expect(ok).toBeUndefined();
    expect(held).toEqual({
      kind: 'risk',
      action: 'block', // a bill payment cannot wait for an operator
      caseId: expect.any(String),
      fired: [
        { key: 'single_over_1m', action: 'hold', why: expect.stringContaining('1,000,000.01') },
        // The first row counts: together they pass ₦2,000,000 in an hour (a flag; the hold is stronger).
        { key: 'velocity_amount_2m_in_60min', action: 'flag', why: expect.stringContaining('2,000,000.01') },
      ],
    });
    expect(await cases(user)).toEqual([
      {
        id: (held as RiskVerdict).caseId,
        action: 'block',
        rule_keys: ['single_over_1m', 'velocity_amount_2m_in_60min'],
        held: false,
        refs: [rows[1]!.reference],
      },
    ]);
  });

  it('holds a first debit above ₦200,000 to a new recipient, not to a known one', async () => {
    const user = randomUUID();
    await write([attempt(user, { counterparty: 'wallet:known' })]);
    const [known, fresh] = await check([
      attempt(user, { counterparty: 'wallet:known', amount: 50_000_000n }),
      attempt(user, { counterparty: 'wallet:stranger', amount: 20_000_001n }),
    ]);
    expect(known).toBeUndefined();
    expect(fresh).toMatchObject({ action: 'hold', fired: [{ key: 'new_recipient_over_200k' }] });
  });

  it('blocks by a rule added at run time (the rules cache follows the table) and records a case', async () => {
    const user = randomUUID();
    const [blocked, small] = await check([
      attempt(user, { currency: 'USD', amount: 500_01n }),
      attempt(user, { currency: 'USD', amount: 500_00n }),
    ]);
    expect(blocked).toMatchObject({ kind: 'risk', action: 'block', fired: [{ key: 'test_usd_block' }] });
    expect(small).toBeUndefined();
    expect((await cases(user)).map((c) => [c.action, c.held])).toEqual([['block', false]]);
  });

  it('holds a debit above ₦100,000 within an hour of a login from a new device', async () => {
    const person = await registerUser(t.app);
    const big = attempt(person.id, { counterparty: 'wallet:known', amount: 10_000_001n });
    await write([attempt(person.id, { counterparty: 'wallet:known' })]);
    expect(await check([big])).toEqual([undefined]); // the registering device is not new
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: person.email, password: person.password },
      headers: { 'user-agent': 'NewPhone/1.0' },
    });
    expect(res.statusCode).toBe(200);
    const [held] = await check([{ ...big, at: new Date() }]);
    expect(held).toMatchObject({ action: 'hold', fired: [{ key: 'new_device_over_100k' }] });
    expect(await check([{ ...big, amount: 10_000_000n, at: new Date() }])).toEqual([undefined]);
  });

  it('serialises two batches for the same person: the second sees the first one’s debit', async () => {
    const user = randomUUID();
    await write(Array.from({ length: 9 }, () => attempt(user)));
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    const events: string[] = [];
    let firstChecked!: () => void;
    const checkedFirst = new Promise<void>((r) => {
      firstChecked = r;
    });
    const first = t.ctx.db.transaction(async (tx) => {
      const row = attempt(user);
      const verdicts = await riskChecker(tx, [row]);
      await riskDebitsWriter(tx, [toDebit(row)]);
      firstChecked();
      await gate;
      events.push('first commits');
      return verdicts;
    });
    await checkedFirst;
    const second = t.ctx.db.transaction(async (tx) => {
      const verdicts = await riskChecker(tx, [attempt(user)]);
      events.push('second checked');
      return verdicts;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(events).toEqual([]); // the second batch waits on the person's lock
    open();
    expect(await first).toEqual([undefined]);
    expect(await second).toEqual([undefined]);
    expect(events).toEqual(['first commits', 'second checked']);
    // 9 + the first = 10 (passes); the second is the 11th and was flagged.
    expect((await cases(user)).map((c) => c.rule_keys)).toEqual([['velocity_10_in_10min']]);
  });
});
