import { v5 as uuidv5 } from 'uuid';
import type { Db, Tx } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import {
  type Account,
  type AccountBalance,
  type Balance,
  accountReaderOf,
  createAccount,
  getAccount,
  getAccountBalances,
  getBalances,
  isUuid,
  listAccounts,
} from '../ledger/index.js';
import { SUPPORTED_CURRENCIES } from './system-accounts.js';

const WALLET_NAMESPACE = '8d4f2b6a-1c3e-4a5b-9f7d-0e2c4a6b8d1f';
export const DEFAULT_CURRENCY = 'NGN';
/** At most this many wallets (currencies) per person. */
const MAX_WALLETS = SUPPORTED_CURRENCIES.length;

export interface Wallet {
  id: string;
  userId: string;
  currency: string;
  status: 'active' | 'frozen' | 'closed';
  /** Posted balance, in minor units. */
  balance: bigint;
  /** What can be spent now: balance minus open holds. */
  available: bigint;
  /** Reserved by open holds (payments in flight). */
  held: bigint;
  createdAt: Date;
}

/** A wallet's id is derived from its owner and currency: creating it twice creates one. */
export const walletIdFor = (userId: string, currency: string) =>
  uuidv5(`wallet:${userId}:${currency}`, WALLET_NAMESPACE);

export function isSupportedCurrency(currency: string): boolean {
  return (SUPPORTED_CURRENCIES as readonly string[]).includes(currency);
}

/** Creates the user's wallet in a currency, or returns the existing one. */
export async function ensureWallet(tx: Tx, userId: string, currency: string): Promise<Account> {
  if (!isSupportedCurrency(currency)) {
    throw new AppError('unsupported_currency', `Wallets in ${currency} are not offered`);
  }
  return createAccount(tx, {
    id: walletIdFor(userId, currency),
    key: `wallet:${userId}:${currency}`,
    currency,
    type: 'user_wallet',
    ownerId: userId,
    name: `${currency} wallet`,
    debitsMustNotExceedCredits: true,
  });
}

const toWallet = (a: Account, b: Balance | undefined): Wallet => ({
  id: a.id,
  userId: a.ownerId as string,
  currency: a.currency,
  status: a.status,
  balance: b?.posted ?? 0n,
  available: b?.available ?? 0n,
  held: b?.held ?? 0n,
  createdAt: a.createdAt,
});

async function withBalances(tx: Tx, accounts: Account[]): Promise<Wallet[]> {
  const balances = await getBalances(
    tx,
    accounts.map((a) => a.id),
  );
  return accounts.map((a) => toWallet(a, balances.get(a.id)));
}

/** The wallet of the caller in a read of the account with its balance; someone else's is "not found". */
function ownWallet(found: AccountBalance | undefined, userId: string): Wallet {
  if (found?.account.type !== 'user_wallet' || found.account.ownerId !== userId) throw notFound('Wallet');
  return toWallet(found.account, found.balance);
}

export async function listWallets(tx: Tx, userId: string): Promise<Wallet[]> {
  const accounts = await listAccounts(tx, { ownerId: userId, type: 'user_wallet', limit: MAX_WALLETS });
  return withBalances(tx, accounts);
}

/**
 * A wallet the caller owns; someone else's wallet is "not found", never
 * "forbidden". One round trip: the account row tells the owner, read with the balance.
 */
export async function getOwnWallet(tx: Tx, userId: string, walletId: string): Promise<Wallet> {
  if (!isUuid(walletId)) throw notFound('Wallet');
  const [found] = (await getAccountBalances(tx, [walletId])).values();
  return ownWallet(found, userId);
}

/**
 * getOwnWallet outside a transaction, for the read routes: concurrent reads
 * share one statement (the ledger's account reader); the balance is read
 * after the request arrived, never cached.
 */
export async function readOwnWallet(db: Db, userId: string, walletId: string): Promise<Wallet> {
  return ownWallet(await accountReaderOf(db).read(walletId), userId);
}

/** Any user's wallet (operators; internal lookups). */
export async function getWallet(tx: Tx, walletId: string): Promise<Wallet | undefined> {
  if (!isUuid(walletId)) return undefined;
  const [found] = (await getAccountBalances(tx, [walletId])).values();
  return found?.account.type === 'user_wallet' ? toWallet(found.account, found.balance) : undefined;
}

export async function createWallet(tx: Tx, userId: string, currency: string): Promise<Wallet> {
  const id = walletIdFor(userId, currency);
  const existing = await getAccount(tx, id);
  if (existing)
    throw new AppError('wallet_exists', `You already have a ${currency} wallet`, { walletId: id });
  await ensureWallet(tx, userId, currency);
  return getOwnWallet(tx, userId, id);
}
