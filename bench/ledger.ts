import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../src/db/index.js';
import {
  createAccount,
  createLedgerBatcher,
  createTransactions,
  type LedgerItem,
} from '../src/ledger/index.js';
import { type CaseResult, mergeSlices, runSlice, type Slice } from './harness.js';

export interface LedgerBenchOptions {
  seconds: number;
  callers: number;
  wallets: number;
}

type Scenario = 'random' | 'hot-account' | 'hot-wallet';

/** Wallets funded from a bucketed equity account, one hot system account, one hot well-funded wallet. */
async function setup(db: Db, wallets: number) {
  const equity = await db.transaction((tx) =>
    createAccount(tx, { key: 'bench:equity', currency: 'NGN', type: 'equity', buckets: 32 }),
  );
  const fee = await db.transaction((tx) =>
    createAccount(tx, { key: 'bench:fee', currency: 'NGN', type: 'fee_revenue', buckets: 32 }),
  );
  const ids: string[] = [];
  for (let start = 0; start < wallets; start += 1000) {
    const chunk = await db.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = start; i < Math.min(wallets, start + 1000); i++) {
        const a = await createAccount(tx, {
          key: `bench:wallet:${i}`,
          currency: 'NGN',
          type: 'user_wallet',
          debitsMustNotExceedCredits: true,
        });
        out.push(a.id);
      }
      const fund: LedgerItem[] = out.map((id) => ({
        id: uuidv7(),
        kind: 'transfer',
        currency: 'NGN',
        code: 'bench_funding',
        legs: [
          { accountId: equity.id, side: 'D', amount: 1_000_000_000n },
          { accountId: id, side: 'C', amount: 1_000_000_000n },
        ],
      }));
      await createTransactions(tx, fund);
      return out;
    });
    ids.push(...chunk);
  }
  return { wallets: ids, fee: fee.id, hotWallet: ids[0] as string };
}

export async function benchLedger(
  db: Db,
  opts: LedgerBenchOptions,
  log: (s: string) => void,
): Promise<CaseResult[]> {
  log(`ledger: creating and funding ${opts.wallets} wallets...`);
  const s = await setup(db, opts.wallets);
  const pick = () => s.wallets[1 + Math.floor(Math.random() * (s.wallets.length - 1))] as string;
  const item = (scenario: Scenario): LedgerItem => {
    let from = pick();
    let to = pick();
    while (to === from) to = pick();
    if (scenario === 'hot-account') to = s.fee;
    if (scenario === 'hot-wallet') from = s.hotWallet;
    const amount = BigInt(1 + Math.floor(Math.random() * 100));
    return {
      id: uuidv7(),
      kind: 'transfer',
      currency: 'NGN',
      code: 'bench',
      legs: [
        { accountId: from, side: 'D', amount },
        { accountId: to, side: 'C', amount },
      ],
    };
  };
  // The six cases run in rounds of short slices, each round starting at a
  // different case, so that a shared machine speeding up or slowing down during
  // the run weighs on every case alike; each round starts from a vacuumed
  // state, as pgbench's own runs do.
  const vacuum = () =>
    db.query('VACUUM ANALYZE ledger.balances, ledger.accounts, ledger.transactions, ledger.postings');
  const cases: { name: string; scenario: Scenario; batched: boolean; slices: Slice[]; batches: number }[] =
    [];
  for (const scenario of ['random', 'hot-account', 'hot-wallet'] as Scenario[]) {
    for (const batched of [false, true]) {
      cases.push({
        name: `ledger/${scenario}/${batched ? 'batched' : 'single'}`,
        scenario,
        batched,
        slices: [],
        batches: 0,
      });
    }
  }
  const rounds = Math.max(1, Math.round(opts.seconds / 2));
  for (let round = 0; round < rounds; round++) {
    await vacuum();
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(round + k) % cases.length] as (typeof cases)[number];
      const seconds = opts.seconds / rounds;
      if (!c.batched) {
        c.slices.push(
          await runSlice(c.name, opts.callers, seconds, async () => {
            const [r] = await createTransactions(db, [item(c.scenario)]);
            if (!r?.ok) throw new Error(`transfer failed: ${r?.code}`);
          }),
        );
        continue;
      }
      const batcher = createLedgerBatcher(db, { windowMs: 1, maxItems: 500, maxInFlight: 2 });
      c.slices.push(
        await runSlice(c.name, opts.callers, seconds, async () => {
          const r = await batcher.submit(item(c.scenario));
          if (!r.ok) throw new Error(`transfer failed: ${r.code}`);
        }),
      );
      await batcher.close();
      c.batches += batcher.stats().batches;
    }
  }
  const results = cases.map((c) => mergeSlices(c.name, c.slices));
  results.forEach((r, i) => {
    const c = cases[i] as (typeof cases)[number];
    log(c.batched ? `${r.line}  (${c.batches} batches)` : r.line);
  });
  return results;
}
