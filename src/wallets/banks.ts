/**
 * The banks a withdrawal can go to, cached in wallets.banks: fetched from the
 * payout provider when the cache is empty, refreshed by the worker once it is
 * a day old (BANK_LIST_MAX_AGE_MS). GET /v1/banks and a withdrawal's bank
 * check read the cache; a refresh that fails keeps the old list.
 */
import type { AppContext } from '../context.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { payoutProviderOf } from './payouts-paystack.js';
import type { Bank } from './payouts.js';

export const BANK_LIST_MAX_AGE_MS = 24 * 60 * 60_000;
/** How often the worker looks at the cache's age. */
export const BANK_REFRESH_CHECK_MS = 60 * 60_000;
/** A list shorter than this is a provider fault, not Nigeria's banks: the cache keeps the old one. */
const MIN_BANKS = 1;
const MAX_BANKS = 2_000;

const inFlight = new WeakMap<Db, Promise<number>>();

/** The cache's age in ms, or undefined when it was never filled. */
async function cacheAgeMs(db: Db): Promise<number | undefined> {
  const { rows } = await db.query<{ age_ms: number }>(
    `SELECT (extract(epoch FROM now() - refreshed_at) * 1000)::float8 AS age_ms FROM wallets.bank_list`,
  );
  return rows[0] ? Number(rows[0].age_ms) : undefined;
}

/**
 * Fetches the list from the provider and replaces the cache in one
 * transaction; one fetch at a time per process. Returns the number of banks
 * stored; throws bank_unavailable when the provider cannot list them.
 */
export function refreshBanks(ctx: AppContext): Promise<number> {
  const running = inFlight.get(ctx.db);
  if (running) return running;
  const run = (async () => {
    const provider = payoutProviderOf(ctx);
    if (!provider.listBanks)
      throw new AppError('withdrawals_unavailable', 'Withdrawals to a bank are not available');
    const banks = (await provider.listBanks()).slice(0, MAX_BANKS);
    if (banks.length < MIN_BANKS) throw new AppError('bank_unavailable', 'The bank list came back empty');
    await ctx.db.transaction(async (tx) => {
      await tx.query('DELETE FROM wallets.banks');
      await tx.query(
        `INSERT INTO wallets.banks (code, name)
         SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (code) DO NOTHING`,
        [banks.map((b) => b.code), banks.map((b) => b.name)],
      );
      await tx.query(
        `INSERT INTO wallets.bank_list (id, refreshed_at, bank_count) VALUES (true, now(), $1)
         ON CONFLICT (id) DO UPDATE SET refreshed_at = now(), bank_count = EXCLUDED.bank_count`,
        [banks.length],
      );
    });
    return banks.length;
  })().finally(() => inFlight.delete(ctx.db));
  inFlight.set(ctx.db, run);
  return run;
}

/**
 * Fills the cache when it is empty (a first start); a stale cache is served
 * as it is (the worker refreshes it). Throws bank_unavailable only when there
 * is no list at all.
 */
async function ensureBanks(ctx: AppContext): Promise<void> {
  if ((await cacheAgeMs(ctx.db)) === undefined) await refreshBanks(ctx);
}

/** The worker's task: refreshes the cache once it is older than maxAgeMs. Returns 0 (nothing queued). */
export async function refreshBanksIfStale(ctx: AppContext, maxAgeMs = BANK_LIST_MAX_AGE_MS): Promise<number> {
  if (ctx.config.payoutMode === 'disabled') return 0;
  const age = await cacheAgeMs(ctx.db);
  if (age !== undefined && age < maxAgeMs) return 0;
  try {
    await refreshBanks(ctx);
  } catch (error) {
    ctx.log.warn({ err: error }, 'bank list refresh failed; the cached list stays');
  }
  return 0;
}

/** Every bank a withdrawal can go to, by name. */
export async function listBanks(ctx: AppContext): Promise<Bank[]> {
  await ensureBanks(ctx);
  const { rows } = await ctx.db.query<Bank>(
    'SELECT code, name FROM wallets.banks WHERE active ORDER BY name, code LIMIT $1',
    [MAX_BANKS],
  );
  return rows;
}

/** A bank by its code, or undefined when the provider does not list it. */
export async function findBank(ctx: AppContext, code: string): Promise<Bank | undefined> {
  await ensureBanks(ctx);
  const { rows } = await ctx.db.query<Bank>(
    'SELECT code, name FROM wallets.banks WHERE code = $1 AND active',
    [code],
  );
  return rows[0];
}

/** A resolved name is reused this long before the provider is asked again. */
export const RESOLVED_NAME_MAX_AGE_MS = 24 * 60 * 60_000;

/**
 * The holder's name of an account at a listed bank: from the accounts the
 * provider resolved in the last day, else from the provider (remembered).
 * Undefined when the bank does not know it; unknown_bank for a bank the
 * provider does not list; bank_unavailable when the provider cannot say.
 */
export async function resolveAccountName(
  ctx: AppContext,
  bankCode: string,
  accountNumber: string,
): Promise<string | undefined> {
  if (!(await findBank(ctx, bankCode)))
    throw new AppError('unknown_bank', 'Unknown bank code; see GET /v1/banks');
  const { rows } = await ctx.db.query<{ account_name: string }>(
    `SELECT account_name FROM wallets.payout_accounts
     WHERE bank_code = $1 AND account_number = $2 AND resolved_at > now() - make_interval(secs => $3::double precision / 1000)`,
    [bankCode, accountNumber, RESOLVED_NAME_MAX_AGE_MS],
  );
  if (rows[0]) return rows[0].account_name;
  const provider = payoutProviderOf(ctx);
  if (!provider.resolveAccount)
    throw new AppError('withdrawals_unavailable', 'Withdrawals to a bank are not available');
  return provider.resolveAccount(bankCode, accountNumber);
}
