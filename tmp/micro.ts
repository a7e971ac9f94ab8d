import { v7 as uuidv7 } from 'uuid';
import { createPgDb } from '../src/db/pg.js';
import { createTransactions, type LedgerItem } from '../src/ledger/index.js';
const db = createPgDb({ url: 'postgres://postgres@127.0.0.1:5432/vendra_micro', poolSize: 4 });
await db.query('VACUUM ANALYZE ledger.balances');
const { rows } = await db.query<{ id: string }>("select id from ledger.accounts where type='user_wallet' limit 5000");
const ids = rows.map((r) => r.id);
const mk = (): LedgerItem => {
  const a = ids[Math.floor(Math.random() * ids.length)] as string;
  let b = ids[Math.floor(Math.random() * ids.length)] as string;
  while (b === a) b = ids[Math.floor(Math.random() * ids.length)] as string;
  return { id: uuidv7(), kind: 'transfer', currency: 'NGN', code: 'bench', legs: [{ accountId: a, side: 'D', amount: 5n }, { accountId: b, side: 'C', amount: 5n }] };
};
for (const size of [1, 16, 64, 256]) {
  const N = size === 1 ? 500 : size === 256 ? 30 : 100;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await createTransactions(db, Array.from({ length: size }, mk));
  const total = performance.now() - t0;
  console.log(`size ${size}: ${(total / N).toFixed(3)} ms per call, ${((total / N / size) * 1000).toFixed(1)} us per item`);
}
await db.close();
