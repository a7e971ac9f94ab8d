import pg from 'pg';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/vendra_micro' });
await c.connect();
const { rows } = await c.query("select id from ledger.accounts where type='user_wallet' limit 2");
const [a, b] = rows.map((r) => r.id);
const time = async (label: string, sql: string, params: () => unknown[], n = 300) => {
  for (let i = 0; i < 20; i++) await c.query(sql, params());
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await c.query(sql, params());
  console.log(label, ((performance.now() - t0) / n).toFixed(3), 'ms');
};
await time('select 1', 'SELECT 1', () => []);
await time('insert autocommit', 'CREATE TEMP TABLE IF NOT EXISTS t1(x int)', () => []);
await time('fn 1 item', 'SELECT ledger.create_transactions($1::jsonb)', () => [JSON.stringify([{ id: crypto.randomUUID(), k: 'transfer', c: 'NGN', h: 'x', l: [[a, 'D', '1'], [b, 'C', '1']] }])]);
await c.query('SET synchronous_commit = off');
await time('fn 1 item async commit', 'SELECT ledger.create_transactions($1::jsonb)', () => [JSON.stringify([{ id: crypto.randomUUID(), k: 'transfer', c: 'NGN', h: 'x', l: [[a, 'D', '1'], [b, 'C', '1']] }])]);
await time('fn empty', "SELECT ledger.create_transactions('[]'::jsonb)", () => []);
await c.end();
