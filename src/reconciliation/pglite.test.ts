/**
 * The same run on PGlite, the embedded database `npm start` uses by default
 * (where the nightly run is on): the bulk writes, leases and state changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lagosDay } from '../limits/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { post } from '../test-support/http.js';
import { registerStaff, type TestUser } from '../test-support/users.js';
import { runNightly } from './nightly.js';

describe('reconciliation on PGlite', () => {
  let t: TestApp;
  let operator: TestUser;
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, { providers: true });
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it("pulls the simulator's report with a line that is not ours; the nightly run does each simulator's day once", async () => {
    const res = await post(
      t.app,
      operator,
      '/v1/admin/reconciliations/pull',
      { source: 'provider:vtpass', date: lagosDay(new Date()), discrepancies: ['missing_internal'] },
      null,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'completed',
      externalCount: 1,
      counts: { missing_internal: 1 },
    });
    expect(await runNightly(t.ctx)).toBe(2);
    expect(await runNightly(t.ctx)).toBe(0);
  });
});
