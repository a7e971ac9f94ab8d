import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CHECK_WORDS } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { registerStaff } from '../test-support/users.js';

describe.each(backends())('the ledger audit route on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  it('names every check in plain words with what it proves', async () => {
    const admin = await registerStaff(t.app, t.ctx.db, 'operator');
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/ledger/audit',
      headers: admin.auth,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    const checks = res.json().checks as { name: string; title: string; proves: string }[];
    expect(checks.length).toBeGreaterThan(5);
    for (const c of checks) {
      expect(AUDIT_CHECK_WORDS[c.name], c.name).toBeDefined();
      expect(c.title).toBe(AUDIT_CHECK_WORDS[c.name]?.title);
      expect(c.title).not.toMatch(/_/);
      expect(c.proves.length).toBeGreaterThan(20);
    }
  });
});
