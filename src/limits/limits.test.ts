import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDb } from '../db/pg.js';
import {
  type Account,
  createLedgerBatcher,
  getBalance,
  type LedgerBatcher,
  type Leg,
  runAudit,
} from '../ledger/index.js';
import { legs, makeSource, makeWallet } from '../ledger/testing.js';
import { backends, createTestDb, hasPg, type TestDb } from '../test-support/db.js';
import {
  createLimits,
  type LimitHolder,
  type LimitRule,
  lagosDay,
  type Limits,
  nextLagosMidnight,
} from './index.js';

const NAIRA = 100n;
const tier1: LimitRule = {
  dailyDebit: 50_000n * NAIRA,
  maxBalance: 300_000n * NAIRA,
  singleTransaction: 50_000n * NAIRA,
  singleDeposit: 300_000n * NAIRA,
};

interface Person {
  holder: LimitHolder;
  wallet: Account;
}

describe('lagos day', () => {
  it('turns at 23:00 UTC, and the allowance resets at the next Lagos midnight', () => {
    expect(lagosDay(new Date('2026-12-03T22:59:59.999Z'))).toBe('2026-12-03');
    expect(lagosDay(new Date('2026-12-03T23:00:00.000Z'))).toBe('2026-12-04');
    expect(nextLagosMidnight(new Date('2026-12-03T10:00:00Z')).toISOString()).toBe(
      '2026-12-03T23:00:00.000Z',
    );
    expect(nextLagosMidnight(new Date('2026-12-03T23:30:00Z')).toISOString()).toBe(
      '2026-12-04T23:00:00.000Z',
    );
  });
});

describe.each(backends())('limits through control accounts on %s', (backend) => {
  let t: TestDb;
  let batcher: LedgerBatcher;
  let limits: Limits;
  let source: Account;
  let clock = new Date('2026-12-03T12:00:00Z');

  beforeAll(async () => {
    t = await createTestDb(backend);
    batcher = createLedgerBatcher(t.db, { windowMs: 2, maxItems: 500, maxInFlight: 2 });
    limits = createLimits(t.db, () => clock);
    source = await makeSource(t.db);
  });
  afterAll(async () => {
    await batcher?.close();
    await t?.drop();
  });

  async function person(rule: LimitRule = tier1): Promise<Person> {
    const wallet = await makeWallet(t.db);
    const holder: LimitHolder = {
      userId: wallet.ownerId as string,
      currency: 'NGN',
      rule,
      held: async (tx) => (await getBalance(tx, wallet.id))?.posted ?? 0n,
    };
    return { holder, wallet };
  }

  /** Money in from outside, charged to the person's balance headroom. */
  async function deposit(p: Person, amount: bigint) {
    const extra = await limits.creditLegs(p.holder, amount);
    return batcher.submit({
      id: uuidv7(),
      kind: 'transfer',
      currency: 'NGN',
      legs: [...legs(source.id, p.wallet.id, amount), ...extra],
    });
  }

  /** Money out to outside (a bill, a withdrawal), charged to the daily allowance. */
  async function spend(p: Person, amount: bigint, kind: 'transfer' | 'hold' = 'transfer') {
    const extra: Leg[] = await limits.debitLegs(p.holder, amount);
    return batcher.submit({
      id: uuidv7(),
      kind,
      currency: 'NGN',
      legs: [...legs(p.wallet.id, source.id, amount), ...extra],
    });
  }

  async function send(from: Person, to: Person, amount: bigint) {
    const extra = [
      ...(await limits.debitLegs(from.holder, amount)),
      ...(await limits.creditLegs(to.holder, amount)),
    ];
    return batcher.submit({
      id: uuidv7(),
      kind: 'transfer',
      currency: 'NGN',
      legs: [...legs(from.wallet.id, to.wallet.id, amount), ...extra],
    });
  }

  it('the daily limit: exactly at it passes, one kobo over is refused and explained', async () => {
    const p = await person();
    expect((await deposit(p, 200_000n * NAIRA)).code).toBe('ok');
    expect((await spend(p, 20_000n * NAIRA)).code).toBe('ok');
    expect((await spend(p, 30_000n * NAIRA)).code).toBe('ok'); // exactly ₦50,000 today
    const over = await spend(p, 1n);
    expect(over.code).toBe('credit_limit_exceeded');
    expect(await limits.explain({ debtor: p.holder }, 1n)).toEqual({
      limit: 'daily_debit',
      limitAmount: 50_000n * NAIRA,
      used: 50_000n * NAIRA,
      remaining: 0n,
      resetsAt: '2026-12-03T23:00:00.000Z',
    });
    expect((await getBalance(t.db, p.wallet.id))?.posted).toBe(150_000n * NAIRA);
  });

  it('the maximum balance: up to it passes, one kobo over is refused; spending makes room again', async () => {
    const p = await person();
    expect((await deposit(p, 300_000n * NAIRA)).code).toBe('ok');
    expect((await deposit(p, 1n)).code).toBe('credit_limit_exceeded');
    expect(await limits.explain({ creditor: p.holder }, 1n)).toMatchObject({
      limit: 'max_balance',
      limitAmount: 300_000n * NAIRA,
      remaining: 0n,
    });
    expect((await spend(p, 10_000n * NAIRA)).code).toBe('ok');
    expect((await deposit(p, 10_000n * NAIRA)).code).toBe('ok');
    expect((await deposit(p, 1n)).code).toBe('credit_limit_exceeded');
  });

  it('a transfer charges the sender’s allowance and the recipient’s headroom in the same statement', async () => {
    const a = await person();
    const b = await person();
    expect((await deposit(a, 100_000n * NAIRA)).code).toBe('ok');
    expect((await deposit(b, 290_000n * NAIRA)).code).toBe('ok');
    // b has ₦10,000 of room: ₦10,000.01 is refused as b's maximum, not a's allowance.
    expect((await send(a, b, 10_000n * NAIRA + 1n)).code).toBe('credit_limit_exceeded');
    expect(
      await limits.explain({ debtor: a.holder, creditor: b.holder }, 10_000n * NAIRA + 1n),
    ).toMatchObject({
      limit: 'max_balance',
      remaining: 10_000n * NAIRA,
    });
    expect((await send(a, b, 10_000n * NAIRA)).code).toBe('ok');
    expect((await limits.usage(a.holder)).dailyDebitUsed).toBe(10_000n * NAIRA);
    expect((await limits.usage(b.holder)).balanceHeadroom).toBe(0n);
  });

  it('50 concurrent debits that together pass the daily limit: only those within it succeed', async () => {
    const p = await person();
    expect((await deposit(p, 300_000n * NAIRA)).code).toBe('ok');
    const results = await Promise.all(Array.from({ length: 50 }, () => spend(p, 30_000n * NAIRA)));
    expect(results.filter((r) => r.code === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'credit_limit_exceeded')).toHaveLength(49);
    expect((await getBalance(t.db, p.wallet.id))?.posted).toBe(270_000n * NAIRA);
  });

  it('a hold counts when placed, a void gives the allowance back, a post keeps it', async () => {
    const p = await person();
    expect((await deposit(p, 100_000n * NAIRA)).code).toBe('ok');
    const held = await spend(p, 40_000n * NAIRA, 'hold');
    expect(held.code).toBe('ok');
    expect((await spend(p, 20_000n * NAIRA)).code).toBe('credit_limit_exceeded');
    expect((await batcher.submit({ id: uuidv7(), kind: 'void', pendingId: held.id })).code).toBe('ok');
    expect((await limits.usage(p.holder)).dailyDebitUsed).toBe(0n);
    const again = await spend(p, 40_000n * NAIRA, 'hold');
    expect((await batcher.submit({ id: uuidv7(), kind: 'post', pendingId: again.id })).code).toBe('ok');
    expect((await limits.usage(p.holder)).dailyDebitUsed).toBe(40_000n * NAIRA);
    expect((await spend(p, 10_000n * NAIRA + 1n)).code).toBe('credit_limit_exceeded');
  });

  it('the allowance starts again at Lagos midnight (an injected clock)', async () => {
    const p = await person();
    expect((await deposit(p, 200_000n * NAIRA)).code).toBe('ok');
    clock = new Date('2026-12-04T22:59:59Z'); // 23:59:59 in Lagos
    expect((await spend(p, 50_000n * NAIRA)).code).toBe('ok');
    expect((await spend(p, 1n)).code).toBe('credit_limit_exceeded');
    clock = new Date('2026-12-04T23:00:00Z'); // midnight in Lagos
    expect((await spend(p, 50_000n * NAIRA)).code).toBe('ok');
    expect((await limits.usage(p.holder)).resetsAt).toBe('2026-12-05T23:00:00.000Z');
    clock = new Date('2026-12-03T12:00:00Z');
  });

  it('a new rule (a tier upgrade) funds the difference; a lower one takes back only what is unused', async () => {
    const p = await person();
    expect((await deposit(p, 300_000n * NAIRA)).code).toBe('ok');
    expect((await spend(p, 50_000n * NAIRA)).code).toBe('ok');
    const tier2 = { ...tier1, dailyDebit: 200_000n * NAIRA, maxBalance: 500_000n * NAIRA };
    p.holder = { ...p.holder, rule: tier2 };
    expect((await spend(p, 150_000n * NAIRA)).code).toBe('ok');
    expect((await spend(p, 1n)).code).toBe('credit_limit_exceeded');
    expect((await deposit(p, 400_000n * NAIRA)).code).toBe('ok'); // ₦100,000 + ₦400,000 = the tier-2 maximum
    expect((await deposit(p, 1n)).code).toBe('credit_limit_exceeded');
    p.holder = { ...p.holder, rule: tier1 }; // over the tier-1 maximum now: receives nothing, keeps its money
    expect((await deposit(p, 1n)).code).toBe('credit_limit_exceeded');
    expect((await limits.usage(p.holder)).balanceHeadroom).toBe(0n);
    expect((await getBalance(t.db, p.wallet.id))?.posted).toBe(500_000n * NAIRA);
  });

  it('a person who already holds money when their headroom opens starts with that much used', async () => {
    const p = await person();
    // Money that arrived before limits applied (no headroom legs).
    await batcher.submit({
      id: uuidv7(),
      kind: 'transfer',
      currency: 'NGN',
      legs: legs(source.id, p.wallet.id, 250_000n * NAIRA),
    });
    expect((await deposit(p, 50_000n * NAIRA)).code).toBe('ok');
    expect((await deposit(p, 1n)).code).toBe('credit_limit_exceeded');
  });

  it('leaves the ledger balanced', async () => {
    const report = await runAudit(t.db);
    expect(report.ok, JSON.stringify(report.checks.filter((c) => !c.ok))).toBe(true);
  });
});

describe.skipIf(!hasPg())('limits across processes on pg', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pg');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('two processes, each with its own caches and batcher, never pass a daily limit together', async () => {
    const url = t.url as string;
    const processes = [0, 1].map(() => {
      const db = createPgDb({ url, poolSize: 4 });
      return {
        db,
        batcher: createLedgerBatcher(db, { windowMs: 2, maxItems: 500, maxInFlight: 2 }),
        limits: createLimits(db),
      };
    });
    try {
      const source = await makeSource(t.db);
      const wallet = await makeWallet(t.db);
      const holder: LimitHolder = { userId: wallet.ownerId as string, currency: 'NGN', rule: tier1 };
      const first = processes[0] as (typeof processes)[number];
      const room = await first.limits.creditLegs(holder, 300_000n * NAIRA);
      await first.batcher.submit({
        id: uuidv7(),
        kind: 'transfer',
        currency: 'NGN',
        legs: [...legs(source.id, wallet.id, 300_000n * NAIRA), ...room],
      });
      const results = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const p = processes[i % 2] as (typeof processes)[number];
          const extra = await p.limits.debitLegs(holder, 10_000n * NAIRA);
          return p.batcher.submit({
            id: uuidv7(),
            kind: 'transfer',
            currency: 'NGN',
            legs: [...legs(wallet.id, source.id, 10_000n * NAIRA), ...extra],
          });
        }),
      );
      expect(results.filter((r) => r.code === 'ok')).toHaveLength(5); // ₦50,000 in ₦10,000 steps
      expect((await getBalance(t.db, wallet.id))?.posted).toBe(250_000n * NAIRA);
    } finally {
      for (const p of processes) {
        await p.batcher.close();
        await p.db.close();
      }
    }
  });
});
