import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../src/db/index.js';
import {
  createAccount,
  createLedgerBatcher,
  createTransactions,
  type LedgerItem,
} from '../src/ledger/index.js';
import { type CaseResult, runClosedLoop } from './harness.js';

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
  const results: CaseResult[] = [];
  // Every case starts from the same state, as pgbench's own runs do (it vacuums first).
  const vacuum = () =>
    db.query('VACUUM ANALYZE ledger.balances, ledger.accounts, ledger.transactions, ledger.postings');
  for (const scenario of ['random', 'hot-account', 'hot-wallet'] as Scenario[]) {
    await vacuum();
    const single = await runClosedLoop(`ledger/${scenario}/single`, opts.callers, opts.seconds, async () => {
      const [r] = await createTransactions(db, [item(scenario)]);
      if (!r?.ok) throw new Error(`transfer failed: ${r?.code}`);
    });
    log(single.line);
    results.push(single);
    await vacuum();
    const batcher = createLedgerBatcher(db, { windowMs: 1, maxItems: 500, maxInFlight: 2 });
    const batched = await runClosedLoop(
      `ledger/${scenario}/batched`,
      opts.callers,
      opts.seconds,
      async () => {
        const r = await batcher.submit(item(scenario));
        if (!r.ok) throw new Error(`transfer failed: ${r.code}`);
      },
    );
    await batcher.close();
    log(`${batched.line}  (${batcher.stats().batches} batches)`);
    results.push(batched);
  }
  return results;
}
