import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';

interface Found {
  type: string;
  id: string;
  reference: string;
  amount: number;
  userId: string | null;
}

describe.each(backends())('GET /v1/admin/search on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  let a: TestUser;
  const ids: Record<string, string> = {};
  let tracking = '';
  const meter = `0803${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  beforeAll(async () => {
    t = await createTestApp(backend, FAST_PROVIDER_ENV, { providers: true, worker: true });
    admin = await registerStaff(t.app, t.ctx.db, 'operator');
    a = await registerUser(t.app);
    const b = await registerUser(t.app);
    await setTier(t.testDb.db, a.id, 3);
    const wa = (await walletOf(t.app, a)).id;
    const wb = (await walletOf(t.app, b)).id;
    ids.deposit = (await fund(t.app, a, wa, 1_000_000)).id;
    const sent = await post(t.app, a, '/v1/transfers', {
      fromWalletId: wa,
      to: { walletId: wb },
      amount: 43_210,
    });
    expect(sent.statusCode).toBe(201);
    ids.transfer = sent.json().id;
    const paid = await post(t.app, a, '/v1/bill-payments', {
      walletId: wa,
      billerId: 'mtn',
      productCode: 'airtime',
      customerRef: meter,
      amount: 100_000,
    });
    ids.bill = paid.json().id;
    await eventually(
      async () => (await get(t.app, a, `/v1/bill-payments/${ids.bill}`)).json().status === 'succeeded',
      15_000,
    );
    const dispute = await post(t.app, a, '/v1/disputes', {
      subjectType: 'transfer',
      subjectId: ids.transfer,
      reason: 'other',
      description: 'Sent to the wrong person',
    });
    expect(dispute.statusCode).toBe(201);
    ids.dispute = dispute.json().id;
    tracking = dispute.json().trackingNumber;
  });
  afterAll(async () => {
    await t.close();
  });

  const search = async (query: string) => {
    const res = await get(t.app, admin, `/v1/admin/search?${query}`);
    expect([query, res.statusCode]).toEqual([query, 200]);
    return res.json() as { data: Found[]; nextCursor: string | null };
  };
  const types = async (query: string) => (await search(query)).data.map((r) => r.type).sort();

  it('finds every type by person, and each by its own reference, meter, amount', async () => {
    expect(await types(`q=${encodeURIComponent(a.email)}`)).toEqual(
      ['bill_payment', 'deposit', 'dispute', 'transfer'].sort(),
    );
    expect((await search(`q=${meter}`)).data.map((r) => r.id)).toEqual([ids.bill]);
    expect((await search(`q=${tracking}`)).data.map((r) => r.id)).toEqual([ids.dispute]);
    expect(
      (await search(`q=${encodeURIComponent(a.email)}&amount=43210`)).data.map((r) => [r.type, r.id]).sort(),
    ).toEqual(
      [
        ['dispute', ids.dispute],
        ['transfer', ids.transfer],
      ].sort(),
    );
    expect((await search(`q=${encodeURIComponent(a.email)}&type=deposit`)).data.map((r) => r.id)).toEqual([
      ids.deposit,
    ]);
    const future = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    expect((await search(`q=${encodeURIComponent(a.email)}&from=${future}`)).data).toEqual([]);
  });

  it('pages with a keyset cursor without repeats, and exports CSV', async () => {
    const q = `q=${encodeURIComponent(a.email)}`;
    const first = await search(`${q}&limit=3`);
    expect(first.data).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await search(`${q}&limit=3&cursor=${first.nextCursor}`);
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.data, ...second.data].map((r) => r.id);
    expect(new Set(all).size).toBe(4);

    const csv = await get(t.app, admin, `/v1/admin/search/csv?${q}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('type,at,reference,id,user_id,amount,currency,status,detail');
    expect(lines).toHaveLength(5);
    expect(csv.body).toContain(',432.10,NGN,');

    const bad = await get(t.app, admin, '/v1/admin/search?cursor=not-a-cursor');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid_cursor']);
    expect((await get(t.app, a, '/v1/admin/search?q=x')).statusCode).toBe(403);
  });
});
