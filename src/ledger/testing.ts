import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/index.js';
import { createAccount } from './accounts.js';
import { createTransactions } from './transactions.js';
import type { Account, Leg, TransactionResult } from './types.js';

/** Helpers for tests and benchmarks: a funding source and wallets. */
export async function makeSource(db: Db, currency = 'NGN'): Promise<Account> {
  return db.transaction((tx) =>
    createAccount(tx, { key: `test:source:${currency}:${uuidv7()}`, currency, type: 'equity', buckets: 8 }),
  );
}

export async function makeWallet(db: Db, currency = 'NGN'): Promise<Account> {
  return db.transaction((tx) =>
    createAccount(tx, { currency, type: 'user_wallet', debitsMustNotExceedCredits: true, ownerId: uuidv7() }),
  );
}

export const legs = (from: string, to: string, amount: bigint): Leg[] => [
  { accountId: from, side: 'D', amount },
  { accountId: to, side: 'C', amount },
];

export async function transfer(
  db: Db,
  from: string,
  to: string,
  amount: bigint,
  currency = 'NGN',
  id: string = uuidv7(),
): Promise<TransactionResult> {
  const [r] = await db.transaction((tx) =>
    createTransactions(tx, [{ id, kind: 'transfer', currency, legs: legs(from, to, amount) }]),
  );
  return r as TransactionResult;
}
