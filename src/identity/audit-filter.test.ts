import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { get, post } from '../test-support/http.js';
import { registerStaff, registerUser } from '../test-support/users.js';

describe.each(backends())('audit log filters on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  it('narrows by actor email, action family, target (id or email), target type and date', async () => {
    const admin = await registerStaff(t.app, t.ctx.db, 'admin');
    const operator = await registerStaff(t.app, t.ctx.db, 'operator');
    const customer = await registerUser(t.app);
    const other = await registerUser(t.app);
    const start = new Date(Date.now() - 1000).toISOString();
    expect(
      (await post(t.app, operator, `/v1/admin/users/${customer.id}/freeze`, { reason: 'card fraud' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await post(t.app, operator, `/v1/admin/users/${customer.id}/unfreeze`, { reason: 'cleared' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await post(t.app, admin, `/v1/admin/users/${other.id}/role`, { role: 'support', reason: 'desk' }))
        .statusCode,
    ).toBe(200);

    const list = async (query: string) => {
      const res = await get(t.app, admin, `/v1/admin/audit-log?${query}`);
      expect([query, res.statusCode]).toEqual([query, 200]);
      return (res.json().data as { action: string; targetId: string; before: unknown; after: unknown }[]).map(
        (e) => e,
      );
    };
    const actions = async (q: string) => (await list(q)).map((e) => e.action);
    expect(await actions(`actorEmail=${encodeURIComponent(operator.email.toUpperCase())}`)).toEqual([
      'user.unfreeze',
      'user.freeze',
    ]);
    expect(await actions(`action=user.&from=${encodeURIComponent(start)}`)).toEqual([
      'user.role_set',
      'user.unfreeze',
      'user.freeze',
    ]);
    expect(await actions(`target=${encodeURIComponent(customer.email)}`)).toEqual([
      'user.unfreeze',
      'user.freeze',
    ]);
    expect(await actions(`target=${other.id}&targetType=user`)).toEqual(['user.role_set']);
    expect(await actions(`targetType=provider&target=${other.id}`)).toEqual([]);
    expect(await actions(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual(
      [],
    );
    expect(
      await actions(`to=${encodeURIComponent(start)}&actorEmail=${encodeURIComponent(operator.email)}`),
    ).toEqual([]);
    // Before and after travel with each entry (the console shows the difference).
    const [role] = await list(`action=user.role_set&target=${other.id}`);
    expect(role).toMatchObject({ before: { role: 'customer' }, after: { role: 'support' } });
    // A bad filter is a problem, not a 500.
    const bad = await get(t.app, admin, '/v1/admin/audit-log?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });
});
