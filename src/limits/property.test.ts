import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  createTransactions,
  getBalances,
  type Leg,
  type LedgerItem,
  runAudit,
} from '../ledger/index.js';
import { legs, makeSource, makeWallet } from '../ledger/testing.js';
import { backends, createTestDb, type TestDb } from '../test-support/db.js';
import { createLimits, type LimitHolder, type LimitRule } from './index.js';

/**
 * Random sequences of deposits, transfers, holds, posts and voids, each
 * carrying its limit legs, sent in random batch sizes, against a model of the
 * limits: no sequence ever takes a balance past its maximum or a day's debits
 * past the daily limit, every movement within its limits and funds goes
 * through, every other is refused and moves nothing. Replay a failure with
 * FC_SEED=<seed printed below>.
 */
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const PEOPLE = 3;
const RULE: LimitRule = {
  dailyDebit: 1_000n,
  maxBalance: 2_000n,
  singleTransaction: 10_000n,
  singleDeposit: null,
};

type Op =
  | { t: 'deposit'; to: number; amount: number }
  | { t: 'transfer'; from: number; to: number; amount: number }
  | { t: 'hold'; from: number; amount: number }
  | { t: 'post' | 'void'; hold: number };

const person = fc.nat(PEOPLE - 1);
const amount = fc.integer({ min: 1, max: 900 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('deposit' as const), to: person, amount }) },
  {
    weight: 4,
    arbitrary: fc.record({ t: fc.constant('transfer' as const), from: person, to: person, amount }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('hold' as const), from: person, amount }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('post' as const), hold: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('void' as const), hold: fc.nat(20) }) },
);

/** What the limits allow, per person: posted balance, open holds, today's debits (open holds included). */
interface Model {
  balance: bigint[];
  held: bigint[];
  used: bigint[];
  holds: { id: string; from: number; amount: bigint; state: 'open' | 'done' }[];
}

describe.each(backends())('limit properties on %s', (backend) => {
  let t: TestDb;
  let source: Account;
  beforeAll(async () => {
    t = await createTestDb(backend);
    source = await makeSource(t.db);
    console.log(`[limits property] fast-check seed ${seed} (replay with FC_SEED=${seed})`);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('no sequence passes a limit, and every movement within them goes through', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 30, maxLength: 30 }),
        async (ops, batchSizes) => {
          const limits = createLimits(t.db);
          const wallets = await Promise.all(Array.from({ length: PEOPLE }, () => makeWallet(t.db)));
          const holders: LimitHolder[] = wallets.map((w) => ({
            userId: w.ownerId as string,
            currency: 'NGN',
            rule: RULE,
            held: async () => 0n,
          }));
          const m: Model = {
            balance: wallets.map(() => 0n),
            held: wallets.map(() => 0n),
            used: wallets.map(() => 0n),
            holds: [],
          };
          let queue: { item: LedgerItem; ok: boolean }[] = [];
          let batch = 0;
          const flush = async () => {
            if (queue.length === 0) return;
            const results = await t.db.transaction((tx) =>
              createTransactions(
                tx,
                queue.map((q) => q.item),
              ),
            );
            expect(results.map((r) => r.ok)).toEqual(queue.map((q) => q.ok));
            queue = [];
          };
          const send = async (item: LedgerItem, ok: boolean) => {
            queue.push({ item, ok });
            if (queue.length >= (batchSizes[batch % batchSizes.length] ?? 1)) {
              batch++;
              await flush();
            }
          };
          const id = (i: number) => wallets[i]?.id as string;
          const room = (i: number) => RULE.maxBalance! - (m.balance[i] as bigint);
          const canDebit = (i: number, a: bigint) =>
            (m.balance[i] as bigint) - (m.held[i] as bigint) >= a &&
            (m.used[i] as bigint) + a <= RULE.dailyDebit;

          for (const op of ops) {
            if (op.t === 'deposit') {
              const a = BigInt(op.amount);
              const extra = await limits.creditLegs(holders[op.to] as LimitHolder, a);
              const ok = a <= room(op.to);
              if (ok) m.balance[op.to] = (m.balance[op.to] as bigint) + a;
              await send(item('transfer', [...legs(source.id, id(op.to), a), ...extra]), ok);
            } else if (op.t === 'transfer') {
              if (op.from === op.to) continue;
              const a = BigInt(op.amount);
              const extra: Leg[] = [
                ...(await limits.debitLegs(holders[op.from] as LimitHolder, a)),
                ...(await limits.creditLegs(holders[op.to] as LimitHolder, a)),
              ];
              const ok = canDebit(op.from, a) && a <= room(op.to);
              if (ok) {
                m.balance[op.from] = (m.balance[op.from] as bigint) - a;
                m.balance[op.to] = (m.balance[op.to] as bigint) + a;
                m.used[op.from] = (m.used[op.from] as bigint) + a;
              }
              await send(item('transfer', [...legs(id(op.from), id(op.to), a), ...extra]), ok);
            } else if (op.t === 'hold') {
              const a = BigInt(op.amount);
              const extra = await limits.debitLegs(holders[op.from] as LimitHolder, a);
              const ok = canDebit(op.from, a);
              const it = item('hold', [...legs(id(op.from), source.id, a), ...extra]);
              if (ok) {
                m.held[op.from] = (m.held[op.from] as bigint) + a;
                m.used[op.from] = (m.used[op.from] as bigint) + a;
                m.holds.push({ id: it.id, from: op.from, amount: a, state: 'open' });
              }
              await send(it, ok);
            } else {
              const h = m.holds[op.hold % Math.max(m.holds.length, 1)];
              if (!h) continue;
              const ok = h.state === 'open';
              if (ok) {
                h.state = 'done';
                m.held[h.from] = (m.held[h.from] as bigint) - h.amount;
                if (op.t === 'post') m.balance[h.from] = (m.balance[h.from] as bigint) - h.amount;
                else m.used[h.from] = (m.used[h.from] as bigint) - h.amount; // a void gives the allowance back
              }
              await send({ id: uuidv7(), kind: op.t, pendingId: h.id }, ok);
            }
          }
          await flush();

          const balances = await t.db.transaction((tx) =>
            getBalances(
              tx,
              wallets.map((w) => w.id),
            ),
          );
          for (let i = 0; i < PEOPLE; i++) {
            const b = balances.get(id(i));
            expect(b?.posted ?? 0n).toBe(m.balance[i]);
            expect((b?.posted ?? 0n) <= (RULE.maxBalance as bigint)).toBe(true);
            const usage = await limits.usage(holders[i] as LimitHolder);
            expect(usage.dailyDebitUsed).toBe(m.used[i]);
            expect(usage.dailyDebitUsed <= RULE.dailyDebit).toBe(true);
          }
          const report = await runAudit(t.db);
          expect(report.checks.filter((c) => !c.ok)).toEqual([]);
        },
      ),
      { seed, numRuns: backend === 'pg' ? 25 : 8, endOnFailure: true },
    );
  });
});

function item(kind: 'transfer' | 'hold', l: Leg[]): LedgerItem {
  return { id: uuidv7(), kind, currency: 'NGN', legs: l };
}
