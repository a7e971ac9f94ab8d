/**
 * Reconciliation over real HTTP on PostgreSQL: bill payments vended through
 * the API to the VTpass simulator (a real HTTP server), its daily report
 * pulled with three injected discrepancies, an upload in another layout, and
 * the operator's resolutions (audited; the adjustment a ledger transaction).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { getBalance } from '../ledger/index.js';
import { lagosDay } from '../limits/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';
import { systemAccountId } from '../wallets/index.js';
import { runNightly } from './nightly.js';

interface Exception {
  id: string;
  class: string;
  actions: string[];
  external: { reference: string; amount: number; status: string }[];
  internal: { id: string; reference: string; amount: number; status: string }[];
  resolution: string | null;
  resolutionDetail: Record<string, unknown> | null;
}

/** A multipart/form-data body, as a browser's form sends it. */
function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = `----vendra${randomUUID()}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: text/csv\r\n\r\n${file.content}\r\n--${boundary}--\r\n`,
  );
  return { payload: Buffer.from(parts.join('')), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.skipIf(!hasPg())('reconciliation over HTTP on PostgreSQL', () => {
  let t: TestApp;
  let user: TestUser;
  let operator: TestUser;
  let admin: TestUser;
  const refs: string[] = [];
  const today = lagosDay(new Date());

  beforeAll(async () => {
    t = await createTestApp('pg', FAST_PROVIDER_ENV, { providers: true, worker: true });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ webhookUrl: `http://127.0.0.1:${port}/v1/webhooks/vtpass` });
    user = await registerUser(t.app);
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
    const walletId = (await walletOf(t.app, user)).id;
    await setTier(t.ctx.db, user.id, 3);
    await fund(t.app, user, walletId, 50_000_000);
    // Six delivered and one failed (016: money back), all through the real adapter and simulator.
    const meters = ['12345678901', '12345678902', '12345678903', '12345678904', '12345678905', '12345678906'];
    for (const customerRef of [...meters, '3333333333333']) {
      const res = await post(t.app, user, '/v1/bill-payments', {
        walletId,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef,
        amount: 500_000,
      });
      expect(res.statusCode).toBe(202);
      const id = res.json().id;
      const settled = await eventually(async () => {
        const p = (await get(t.app, user, `/v1/bill-payments/${id}`)).json();
        return ['succeeded', 'failed'].includes(p.status) && p;
      }, 15_000);
      refs.push(settled.providerReference);
    }
  }, 90_000);
  afterAll(async () => {
    await t?.close();
  });

  const pull = (body: Record<string, unknown>, who = operator) =>
    post(t.app, who, '/v1/admin/reconciliations/pull', body, null);
  const exceptionsOf = async (id: string): Promise<Exception[]> =>
    (await get(t.app, operator, `/v1/admin/reconciliations/${id}`)).json().exceptions;

  let runId: string;

  it("the simulator's report with three injected discrepancies: exactly those three, of the right classes", async () => {
    const res = await pull({
      source: 'provider:vtpass',
      date: today,
      discrepancies: ['amount_mismatch', 'missing_internal', 'status_mismatch'],
    });
    expect(res.statusCode).toBe(201);
    const run = res.json();
    runId = run.id;
    expect(run).toMatchObject({ status: 'completed', origin: 'pull', reportDate: today, externalCount: 8 });
    expect(run.counts).toEqual({
      matched: 5, // four delivered and the failed one, which both sides call failed
      amount_mismatch: 1,
      status_mismatch: 1,
      missing_internal: 1,
      missing_external: 0,
      duplicate_external: 0,
    });
    const exceptions = await exceptionsOf(run.id);
    expect(exceptions.map((e) => e.class).sort()).toEqual([
      'amount_mismatch',
      'missing_internal',
      'status_mismatch',
    ]);
    const amount = exceptions.find((e) => e.class === 'amount_mismatch') as Exception;
    expect(amount.external[0]?.amount).toBe(510_000);
    expect(amount.internal[0]?.amount).toBe(500_000);
    const status = exceptions.find((e) => e.class === 'status_mismatch') as Exception;
    expect([status.external[0]?.status, status.internal[0]?.status]).toEqual(['failed', 'success']);
    expect(refs).toContain(status.internal[0]?.reference);
    // The same day again is the same file: the first run answers.
    const again = await pull({
      source: 'provider:vtpass',
      date: today,
      discrepancies: ['amount_mismatch', 'missing_internal', 'status_mismatch'],
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: run.id, replayed: true });
  });

  it('an upload in another layout (major units, own column names, own status words), and a dry run', async () => {
    const lines = ['Ref;Naira;State;When'];
    for (const ref of refs.slice(0, 6)) lines.push(`${ref};5000.00;OK;${new Date().toISOString()}`);
    lines.push(`${refs[6]};5000.00;FAILED;${new Date().toISOString()}`);
    const csv = lines.join('\n').replaceAll(';', ',');
    const mapping = JSON.stringify({
      reference: 'Ref',
      amount: 'Naira',
      status: 'State',
      date: 'When',
      amountUnit: 'major',
      statusMap: { ok: 'success' },
    });
    const upload = (fields: Record<string, string>) => {
      const { payload, contentType } = multipart(fields, { name: 'vtpass-statement.csv', content: csv });
      return t.app.inject({
        method: 'POST',
        url: '/v1/admin/reconciliations',
        payload,
        headers: { ...operator.auth, 'content-type': contentType },
      });
    };
    const dry = await upload({ source: 'provider:vtpass', mapping, dryRun: 'true' });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, counts: { matched: 7, missing_external: 0 } });
    const real = await upload({ source: 'provider:vtpass', mapping });
    expect(real.statusCode).toBe(201);
    expect(real.json()).toMatchObject({ status: 'completed', fileName: 'vtpass-statement.csv' });
    expect(real.json().counts.matched).toBe(7);
    const bad = await upload({ source: 'provider:vtpass' }); // the default columns are not there
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_report', line: 1 });
    const json = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/reconciliations',
      payload: { source: 'gateway' },
      headers: operator.auth,
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('unsupported_media_type');
  });

  it('operators resolve exceptions: accept, adjust through suspense (idempotent), requery; each audited', async () => {
    const exceptions = await exceptionsOf(runId);
    const byClass = (c: string) => exceptions.find((e) => e.class === c) as Exception;
    const url = (e: Exception) => `/v1/admin/reconciliations/${runId}/exceptions/${e.id}/resolve`;
    expect(
      (await post(t.app, user, url(byClass('missing_internal')), { action: 'accept', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const accepted = await post(t.app, operator, url(byClass('missing_internal')), {
      action: 'accept',
      reason: 'A test transaction of theirs',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ resolution: 'accepted', actions: [] });
    const twice = await post(t.app, operator, url(byClass('missing_internal')), {
      action: 'accept',
      reason: 'again',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('not_resolvable');

    const suspense = async () =>
      (await getBalance(t.ctx.db, systemAccountId('suspense', 'NGN')))?.posted ?? 0n;
    const before = await suspense();
    const key = randomUUID();
    const body = {
      action: 'adjust',
      amount: 10_000,
      direction: 'to_suspense',
      reason: 'Provider charged ₦100 more',
    };
    const adjusted = await post(t.app, operator, url(byClass('amount_mismatch')), body, key);
    expect(adjusted.statusCode).toBe(200);
    expect(adjusted.json()).toMatchObject({ resolution: 'adjusted', resolutionDetail: { amount: '10000' } });
    const replay = await post(t.app, operator, url(byClass('amount_mismatch')), body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(adjusted.body);
    expect((await suspense()) - before).toBe(10_000n); // suspense credited by the difference

    const requeried = await post(t.app, operator, url(byClass('status_mismatch')), {
      action: 'requery',
      reason: 'They say it failed',
    });
    expect(requeried.statusCode).toBe(200);
    expect(requeried.json().resolutionDetail.payments[0]).toMatchObject({
      statusBefore: 'succeeded',
      statusAfter: 'succeeded',
    });
    const { rows } = await t.ctx.db.query<{ action: string }>(
      "SELECT action FROM identity.audit_log WHERE target_type = 'reconciliation_exception' ORDER BY id",
    );
    expect(rows.map((r) => r.action)).toEqual([
      'reconciliation.exception_accept',
      'reconciliation.exception_adjust',
      'reconciliation.exception_requery',
    ]);
  });

  it('link: a line we could not match is paired by hand with our item no line matched; both resolved', async () => {
    const res = await pull({
      source: 'provider:vtpass',
      date: today,
      discrepancies: ['missing_internal', 'missing_external'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().counts).toMatchObject({ matched: 6, missing_internal: 1, missing_external: 1 });
    const exceptions = await exceptionsOf(res.json().id);
    const theirs = exceptions.find((e) => e.class === 'missing_internal') as Exception;
    const ours = exceptions.find((e) => e.class === 'missing_external') as Exception;
    expect(theirs.actions).toContain('link');
    const url = `/v1/admin/reconciliations/${res.json().id}/exceptions/${theirs.id}/resolve`;
    const wrong = await post(t.app, operator, url, {
      action: 'link',
      internalId: randomUUID(),
      reason: 'Same one',
    });
    expect(wrong.json().code).toBe('not_resolvable');
    const linked = await post(t.app, operator, url, {
      action: 'link',
      internalId: ours.internal[0]?.id,
      reason: 'Their reference was mistyped',
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({
      resolution: 'linked',
      resolutionDetail: { internalId: ours.internal[0]?.id },
    });
    const after = await get(t.app, operator, `/v1/admin/reconciliations/${res.json().id}?open=true`);
    expect(after.json().exceptions).toEqual([]);
  });

  it('matching rules: admins add and change them (audited); operators and customers may not', async () => {
    const rule = {
      name: 'Reference with a kobo of drift',
      priority: 50,
      strategy: 'one_to_one',
      sources: ['provider:*'],
      criteria: [
        { field: 'reference', operator: 'equals' },
        { field: 'amount', operator: 'within', driftMinor: 100 },
        { field: 'date', operator: 'within', windowSeconds: 86_400 },
      ],
      reason: 'Providers round',
    };
    expect((await post(t.app, operator, '/v1/admin/reconciliation-rules', rule, null)).statusCode).toBe(403);
    const created = await post(t.app, admin, '/v1/admin/reconciliation-rules', rule, null);
    expect(created.statusCode).toBe(201);
    const bad = await post(
      t.app,
      admin,
      '/v1/admin/reconciliation-rules',
      { ...rule, criteria: [{ field: 'date', operator: 'within', windowSeconds: 60 }] },
      null,
    );
    expect(bad.json().code).toBe('invalid_match_rule');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/reconciliation-rules/${created.json().id}`,
      payload: { enabled: false, reason: 'Not yet' },
      headers: admin.auth,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ enabled: false, priority: 50 });
    const list = (await get(t.app, operator, '/v1/admin/reconciliation-rules')).json().data;
    expect(list.map((r: { priority: number }) => r.priority)).toEqual([50, 100]);
    const { rows } = await t.ctx.db.query<{ action: string }>(
      "SELECT action FROM identity.audit_log WHERE target_type = 'reconciliation_rule' ORDER BY id",
    );
    expect(rows.map((r) => r.action)).toEqual(['reconciliation.rule_create', 'reconciliation.rule_update']);
    expect((await get(t.app, user, '/v1/admin/reconciliations')).statusCode).toBe(403);
    const runs = (await get(t.app, operator, '/v1/admin/reconciliations')).json();
    // The three above (the worker's nightly task also reconciled yesterday's empty reports when it started).
    expect(runs.data.filter((r: { origin: string }) => r.origin !== 'nightly')).toHaveLength(3);
  });

  it("the nightly run reconciles each simulator's report of the day before, once; off, it does nothing", async () => {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    const off = { ...t.ctx, config: { ...t.ctx.config, reconciliationNightly: false } };
    expect(await runNightly(off, tomorrow)).toBe(0);
    // provider:vtpass's day was reconciled above (pulled by an operator): only vtpass-b's is started.
    expect(await runNightly(t.ctx, tomorrow)).toBe(1);
    expect(await runNightly(t.ctx, tomorrow)).toBe(0);
    const { rows } = await t.ctx.db.query<{ source: string; status: string; external_count: number }>(
      "SELECT source, status, external_count FROM reconciliation.runs WHERE origin = 'nightly' AND report_date = $1",
      [today],
    );
    expect(rows).toEqual([{ source: 'provider:vtpass-b', status: 'completed', external_count: 0 }]);
  });
});
