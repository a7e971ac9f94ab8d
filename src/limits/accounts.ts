import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { Tx } from '../db/index.js';
import { createAccount, createTransactions, getBalances, type Leg } from '../ledger/index.js';

/**
 * The limit accounts of a person (TigerBeetle's control-account recipe). They
 * hold no money; they make the ledger's own balance checks enforce limits in
 * the same statement that moves the money, whatever the concurrency:
 * - the daily allowance (one per person, currency and Africa/Lagos day) is
 *   funded with a debit of the day's limit; every debit of the person's
 *   wallets credits it, and `credits_must_not_exceed_debits` refuses the one
 *   that would pass the limit (`credit_limit_exceeded`);
 * - the balance headroom (one per person and currency) is funded with the
 *   maximum balance; every credit to the wallets credits it, every debit
 *   debits it back, so it holds `maximum - balance`, and the same flag refuses
 *   the credit that would pass the maximum;
 * - the control account of the currency takes the other side, so every pair
 *   of legs balances on its own.
 */
const NAMESPACE = '6f1c2b9e-4d7a-4e3b-9c5d-8a2f1e0b7c64';

/** The headroom of "no maximum balance": more than any balance can reach, so a credit never meets it. */
export const UNLIMITED = 2n ** 62n;

/** The control account takes a leg of every credit: a hot account, spread over rows. */
const CONTROL_BUCKETS = 16;

export type LimitKind = 'daily_debit' | 'max_balance';

export const controlKey = (currency: string) => `limits:control:${currency}`;
export const dailyKey = (userId: string, currency: string, day: string) =>
  `limits:daily:${userId}:${currency}:${day}`;
export const headroomKey = (userId: string, currency: string) => `limits:headroom:${userId}:${currency}`;
/** Limit accounts have ids derived from their keys, so legs name them without a lookup. */
export const accountIdOf = (key: string) => uuidv5(key, NAMESPACE);

/** The currency's control account, created on first use. */
export async function ensureControl(tx: Tx, currency: string): Promise<string> {
  const key = controlKey(currency);
  const account = await createAccount(tx, {
    id: accountIdOf(key),
    key,
    currency,
    type: 'limit_control',
    name: `Limits control ${currency}`,
    buckets: CONTROL_BUCKETS,
  });
  return account.id;
}

export interface LimitAccount {
  kind: LimitKind;
  key: string;
  userId: string;
  currency: string;
  name: string;
  metadata?: Record<string, unknown>;
}

/** Moves `amount` between a limit account and the control account, inside the caller's transaction. */
async function fund(tx: Tx, accountId: string, control: string, currency: string, delta: bigint) {
  if (delta === 0n) return;
  const amount = delta > 0n ? delta : -delta;
  const legs: Leg[] =
    delta > 0n
      ? [
          { accountId, side: 'D', amount },
          { accountId: control, side: 'C', amount },
        ]
      : [
          { accountId, side: 'C', amount },
          { accountId: control, side: 'D', amount },
        ];
  const [result] = await createTransactions(tx, [
    {
      id: uuidv7(),
      kind: 'transfer',
      currency,
      code: 'limit_funding',
      legs,
      metadata: { description: 'Limit' },
    },
  ]);
  if (!result?.ok) throw new Error(`limits: funding ${accountId} failed: ${result?.code}`);
}

/**
 * Makes the limit account exist and be funded to `target`, under its advisory
 * lock. A daily allowance moves the difference from the last target (a lower
 * target takes back at most what is unused). A balance headroom is derived
 * again from what the person holds (`held`, read in this transaction) whenever
 * its target changes: `target - held`, never below zero (a person over a new
 * maximum keeps their money and receives nothing more until under it). An
 * unlimited headroom is only recorded: no legs charge it while it is.
 */
export async function fundTo(
  tx: Tx,
  account: LimitAccount,
  target: bigint,
  held: (tx: Tx) => Promise<bigint> = async () => 0n,
): Promise<string> {
  const id = accountIdOf(account.key);
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [account.key]);
  const before = await targetOf(tx, id);
  if (before === target) return id;
  if (account.kind === 'max_balance') {
    if (target !== UNLIMITED) await fundHeadroom(tx, account, target, await held(tx));
  } else {
    await fundAllowance(tx, account, target, before);
  }
  await tx.query(
    `INSERT INTO limits.targets (account_id, user_id, currency, kind, target) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (account_id) DO UPDATE SET target = EXCLUDED.target, updated_at = now()`,
    [id, account.userId, account.currency, account.kind, target],
  );
  return id;
}

/** Creates the limit account (idempotent) and returns the currency's control account. */
async function openLimitAccount(tx: Tx, account: LimitAccount): Promise<string> {
  const control = await ensureControl(tx, account.currency);
  await createAccount(tx, {
    id: accountIdOf(account.key),
    key: account.key,
    currency: account.currency,
    type: 'limit_control',
    ownerId: account.userId,
    name: account.name,
    creditsMustNotExceedDebits: true,
    metadata: { limit: account.kind, ...account.metadata },
  });
  return control;
}

async function fundAllowance(tx: Tx, account: LimitAccount, target: bigint, before: bigint | undefined) {
  const id = accountIdOf(account.key);
  const control = await openLimitAccount(tx, account);
  if (before === undefined || target > before) {
    await fund(tx, id, control, account.currency, target - (before ?? 0n));
    return;
  }
  const unused = (await availableOf(tx, id)) ?? 0n;
  const back = before - target < unused ? before - target : unused;
  await fund(tx, id, control, account.currency, -back);
}

async function fundHeadroom(tx: Tx, account: LimitAccount, target: bigint, held: bigint) {
  const id = accountIdOf(account.key);
  const control = await openLimitAccount(tx, account);
  const wanted = target > held ? target - held : 0n;
  const now = (await availableOf(tx, id)) ?? 0n;
  // Pending credits (money on its way in) stay charged: at most what is free is taken back.
  await fund(tx, id, control, account.currency, wanted - (now > 0n ? now : 0n));
}

/** What a limit account still allows: debits (fundings) less credits, posted and pending. */
export async function availableOf(tx: Tx, accountId: string): Promise<bigint | undefined> {
  const b = (await getBalances(tx, [accountId])).get(accountId);
  return b ? b.debitsPosted - b.creditsPosted - b.creditsPending : undefined;
}

/** The target a limit account was funded to, or undefined before its first use. */
export async function targetOf(tx: Tx, accountId: string): Promise<bigint | undefined> {
  const { rows } = await tx.query<{ target: bigint }>(
    'SELECT target FROM limits.targets WHERE account_id = $1',
    [accountId],
  );
  return rows[0]?.target;
}
