/** An operator's change to a biller and its audit record commit together: if the audit cannot be written, nothing changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { get } from '../test-support/http.js';
import { registerStaff, type TestUser } from '../test-support/users.js';
import { getBiller } from './catalogue.js';

const BILLER = 'ikeja-electric';

describe.each(backends())('biller changes on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const patch = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/v1/admin/billers/${BILLER}`, headers: admin.auth, payload });
  const audits = async () =>
    (
      await t.ctx.db.query<{ n: bigint }>(
        "SELECT count(*) AS n FROM identity.audit_log WHERE action = 'biller.update' AND target_id = $1",
        [BILLER],
      )
    ).rows[0]?.n;

  it('leaves the biller unchanged when its audit record cannot be written', async () => {
    await t.ctx.db.query(
      "ALTER TABLE identity.audit_log ADD CONSTRAINT test_no_biller_audit CHECK (action <> 'biller.update') NOT VALID",
    );
    try {
      const res = await patch({ commissionBps: 4321, reason: 'audit is down' });
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
    } finally {
      await t.ctx.db.query('ALTER TABLE identity.audit_log DROP CONSTRAINT test_no_biller_audit');
    }
    expect((await getBiller(t.ctx.db, BILLER))?.commissionBps).not.toBe(4321);
    expect(await audits()).toBe(0n);
  });

  it('changes the biller and writes its audit record', async () => {
    const res = await patch({ commissionBps: 4321, reason: 'new contract' });
    expect(res.statusCode).toBe(200);
    expect(res.json().commissionBps).toBe(4321);
    expect((await get(t.app, admin, '/v1/admin/billers')).json().data).toContainEqual(
      expect.objectContaining({ id: BILLER, commissionBps: 4321 }),
    );
    expect(await audits()).toBe(1n);
  });
});
