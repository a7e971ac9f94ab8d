import { createPgDb } from '../src/db/pg.js';
import { migrate } from '../src/db/index.js';
import { createAccount, createTransactions } from '../src/ledger/index.js';
import { v7 } from 'uuid';
const db = createPgDb({ url: 'postgres://postgres@127.0.0.1:5432/vendra_micro', poolSize: 2 });
await migrate(db);
const eq = await db.transaction((tx) => createAccount(tx, { currency: 'NGN', type: 'equity', buckets: 32, key: 'eq' }));
for (let k = 0; k < 10; k++) await db.transaction(async (tx) => { const items = []; for (let i = 0; i < 1000; i++) { const a = await createAccount(tx, { currency: 'NGN', type: 'user_wallet', debitsMustNotExceedCredits: true }); items.push({ id: v7(), kind: 'transfer' as const, currency: 'NGN', legs: [{ accountId: eq.id, side: 'D' as const, amount: 10n ** 9n }, { accountId: a.id, side: 'C' as const, amount: 10n ** 9n }] }); } await createTransactions(tx, items); });
await db.close();
