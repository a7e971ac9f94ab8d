import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../src/db/index.js';
import {
  createAccount,
  createLedgerBatcher,
  createTransactions,
  type LedgerItem,
  runAudit,
} from '../src/ledger/index.js';
import { createLimits, type LimitHolder, type LimitRule, type Limits } from '../src/limits/index.js';
import { type CaseResult, mergeSlices, runSlice, type Slice } from './harness.js';

export interface LedgerBenchOptions {
  seconds: number;
  callers: number;
  wallets: number;
}

type Scenario = 'random' | 'hot-account' | 'hot-wallet' | 'random-limits' | 'random-limits-t3';

/** A version-7 UUID made by PostgreSQL (time-ordered, like the ledger's own ids). */
const UUID_V7 = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
  substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
  52, 1), 53, 1), 'hex')::uuid`;

export const FUNDING = 1_000_000_000n;
const EQUITY_BUCKETS = 32;

/**
 * Wallets funded from a bucketed equity account, one hot system account, one
 * hot well-funded wallet. The wallets and their funding are written in bulk,
 * set-based (a million wallets one by one would take longer than the bench),
 * in the shape createAccount and createTransactions give them: one balance
 * row per wallet carrying its limit, currency, status and bucket count, one
 * committed transfer per wallet with its two postings, and the equity
 * account's buckets debited by the same total, so the audit passes.
 */
export async function createBenchWallets(db: Db, wallets: number) {
  const equity = await db.transaction((tx) =>
    createAccount(tx, { key: 'bench:equity', currency: 'NGN', type: 'equity', buckets: EQUITY_BUCKETS }),
  );
  const fee = await db.transaction((tx) =>
    createAccount(tx, { key: 'bench:fee', currency: 'NGN', type: 'fee_revenue', buckets: 32 }),
  );
  await db.transaction(async (tx) => {
    await tx.query(
      `CREATE TEMP TABLE bench_wallets ON COMMIT DROP AS
         SELECT g AS n, ${UUID_V7} AS account_id, ${UUID_V7} AS transaction_id FROM generate_series(0, $1::int - 1) AS g`,
      [wallets],
    );
    await tx.query(
      `INSERT INTO ledger.accounts (id, key, currency, type, debits_must_not_exceed_credits, buckets)
       SELECT account_id, 'bench:wallet:' || n, 'NGN', 'user_wallet', true, 1 FROM bench_wallets ORDER BY n`,
    );
    await tx.query(
      `INSERT INTO ledger.balances (account_id, bucket, credits_posted, dr_limit, cr_limit, currency, status, buckets)
       SELECT account_id, 0, $1::bigint, true, false, 'NGN', 'active', 1 FROM bench_wallets ORDER BY n`,
      [FUNDING],
    );
    await tx.query(
      `INSERT INTO ledger.transactions (id, kind, status, currency, amount, request_hash, code)
       SELECT transaction_id, 'transfer', 'committed', 'NGN', $1::bigint, 'bench-bulk-funding', 'bench_funding'
         FROM bench_wallets ORDER BY n`,
      [FUNDING],
    );
    await tx.query(
      `INSERT INTO ledger.postings (account_id, transaction_id, side, pending, amount, balance_after)
       SELECT $1::uuid, transaction_id, 'D', false, $2::bigint, NULL::bigint FROM bench_wallets
       UNION ALL
       SELECT account_id, transaction_id, 'C', false, $2::bigint, $2::bigint FROM bench_wallets`,
      [equity.id, FUNDING],
    );
    await tx.query(
      `UPDATE ledger.balances b SET debits_posted = b.debits_posted + $2::bigint * x.wallets
         FROM (SELECT n % $3::int AS bucket, count(*) AS wallets FROM bench_wallets GROUP BY 1) x
        WHERE b.account_id = $1 AND b.bucket = x.bucket`,
      [equity.id, FUNDING, EQUITY_BUCKETS],
    );
  });
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM ledger.accounts WHERE type = 'user_wallet' AND key LIKE 'bench:wallet:%' ORDER BY key",
  );
  const ids = rows.map((r) => r.id);
  return { wallets: ids, fee: fee.id, hotWallet: ids[0] as string };
}

/** A database with its own wallet count, for the random/batched case only (how cost grows). */
export interface ExtraLedger {
  name: string;
  db: Db;
  wallets: number;
  /** false for the million wallets: its audit takes minutes, and the same bulk code is audited on the others. */
  audit: boolean;
}

type Wallets = Awaited<ReturnType<typeof createBenchWallets>>;

function itemFor(s: Wallets, scenario: Scenario): LedgerItem {
  const pick = () => s.wallets[1 + Math.floor(Math.random() * (s.wallets.length - 1))] as string;
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
}

/** How many wallets the limits case moves money between: each has its limit accounts opened before timing. */
const LIMITED_WALLETS = 2_000;

/**
 * Limits as the money paths charge them: the debtor's daily allowance and both
 * people's balance headroom (a finite maximum, so every leg is there), six legs
 * per transfer instead of two. The holder of a wallet is the wallet itself.
 */
const LIMIT_RULE: LimitRule = {
  dailyDebit: 2n ** 50n,
  maxBalance: 2n ** 52n,
  singleTransaction: 2n ** 50n,
  singleDeposit: null,
};
/** Tier 3: no maximum balance, so only the debtor's daily allowance is charged (four legs). */
const TIER3_RULE: LimitRule = { ...LIMIT_RULE, maxBalance: null };
const holderOf = (walletId: string, rule: LimitRule = LIMIT_RULE): LimitHolder => ({
  userId: walletId,
  currency: 'NGN',
  rule,
  held: async () => FUNDING,
});

/** Opens the limit accounts of the limited wallets (a few transactions each, so before the clock starts). */
async function openLimitAccounts(limits: Limits, s: Wallets, log: (s: string) => void) {
  const t0 = performance.now();
  const ids = s.wallets.slice(1, 1 + LIMITED_WALLETS);
  for (let k = 0; k < ids.length; k += 16)
    await Promise.all(
      ids
        .slice(k, k + 16)
        .flatMap((id) => [
          limits.debitLegs(holderOf(id), 0n),
          limits.debitLegs(holderOf(id, TIER3_RULE), 0n),
        ]),
    );
  log(
    `ledger: limit accounts of ${ids.length} wallets ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/** A random transfer between two limited wallets, with its limit legs. */
async function limitedItemFor(s: Wallets, limits: Limits, rule: LimitRule): Promise<LedgerItem> {
  const n = Math.min(LIMITED_WALLETS, s.wallets.length - 1);
  const from = s.wallets[1 + Math.floor(Math.random() * n)] as string;
  let to = from;
  while (to === from) to = s.wallets[1 + Math.floor(Math.random() * n)] as string;
  const amount = BigInt(1 + Math.floor(Math.random() * 100));
  const [out, into] = await Promise.all([
    limits.debitLegs(holderOf(from, rule), amount),
    limits.creditLegs(holderOf(to, rule), amount),
  ]);
  return {
    id: uuidv7(),
    kind: 'transfer',
    currency: 'NGN',
    code: 'bench',
    legs: [{ accountId: from, side: 'D', amount }, { accountId: to, side: 'C', amount }, ...out, ...into],
  };
}

/** Creates and funds the wallets of a database, saying how long it took. */
async function timedSetup(db: Db, label: string, wallets: number, log: (s: string) => void) {
  log(`${label}: creating and funding ${wallets} wallets in bulk...`);
  const t0 = performance.now();
  const s = await createBenchWallets(db, wallets);
  await vacuum(db);
  log(`${label}: ${wallets} wallets ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return s;
}

const vacuum = (db: Db) =>
  db.query('VACUUM ANALYZE ledger.balances, ledger.accounts, ledger.transactions, ledger.postings');

/**
 * The six ledger cases on `db` (if given), plus random/batched on each extra database
 * (more wallets, or PGlite), all interleaved.
 */
export async function benchLedger(
  db: Db | undefined,
  opts: LedgerBenchOptions,
  log: (s: string) => void,
  extras: ExtraLedger[] = [],
): Promise<CaseResult[]> {
  // The cases run in rounds of short slices, each round starting at a
  // different case, so that a shared machine speeding up or slowing down during
  // the run weighs on every case alike; each round starts from a vacuumed
  // state, as pgbench's own runs do.
  const cases: {
    name: string;
    db: Db;
    wallets: Wallets;
    scenario: Scenario;
    batched: boolean;
    slices: Slice[];
    batches: number;
  }[] = [];
  let limits: Limits | undefined;
  if (db) {
    const main = await timedSetup(db, 'ledger', opts.wallets, log);
    for (const scenario of ['random', 'hot-account', 'hot-wallet'] as Scenario[]) {
      for (const batched of [false, true]) {
        const name = `ledger/${scenario}/${batched ? 'batched' : 'single'}`;
        cases.push({ name, db, wallets: main, scenario, batched, slices: [], batches: 0 });
      }
    }
    limits = createLimits(db);
    await openLimitAccounts(limits, main, log);
    for (const [name, scenario] of [
      ['ledger/random/batched+limits', 'random-limits'],
      ['ledger/random/batched+limits-t3', 'random-limits-t3'],
    ] as const)
      cases.push({ name, db, wallets: main, scenario, batched: true, slices: [], batches: 0 });
  }
  for (const x of extras) {
    const wallets = await timedSetup(x.db, x.name, x.wallets, log);
    cases.push({
      name: x.name,
      db: x.db,
      wallets,
      scenario: 'random',
      batched: true,
      slices: [],
      batches: 0,
    });
  }
  const dbs = [...new Set(cases.map((c) => c.db))];
  const rounds = Math.max(1, Math.round(opts.seconds / 2));
  for (let round = 0; round < rounds; round++) {
    for (const d of dbs) await vacuum(d);
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(round + k) % cases.length] as (typeof cases)[number];
      const seconds = opts.seconds / rounds;
      if (!c.batched) {
        c.slices.push(
          await runSlice(c.name, opts.callers, seconds, async () => {
            const [r] = await createTransactions(c.db, [itemFor(c.wallets, c.scenario)]);
            if (!r?.ok) throw new Error(`transfer failed: ${r?.code}`);
          }),
        );
        continue;
      }
      const batcher = createLedgerBatcher(c.db, { windowMs: 1, maxItems: 500, maxInFlight: 2 });
      c.slices.push(
        await runSlice(c.name, opts.callers, seconds, async () => {
          const item =
            c.scenario.startsWith('random-limits') && limits
              ? await limitedItemFor(
                  c.wallets,
                  limits,
                  c.scenario === 'random-limits' ? LIMIT_RULE : TIER3_RULE,
                )
              : itemFor(c.wallets, c.scenario);
          const r = await batcher.submit(item);
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

/** Runs the ledger audit on `db` and says whether the bench's bulk-made wallets and transfers pass it. */
export async function auditLedger(db: Db, label: string, log: (s: string) => void): Promise<boolean> {
  const t0 = performance.now();
  const report = await runAudit(db).catch((error: unknown) => {
    log(`${label}: audit could not run: ${(error as Error).message}`);
    return undefined;
  });
  if (!report) return false;
  const failed = report.checks.filter((c) => !c.ok).map((c) => c.name);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  log(`${label}: audit ${report.ok ? 'passed' : `FAILED (${failed.join(', ')})`} in ${s} s`);
  return report.ok;
}
