/**
 * The risk routes through the API: rules versioning (admin only, audited,
 * future versions), who may call (a customer gets 403), the case queue with
 * recent activity, resolving with each decision (the hold resolver runs in
 * the decision's transaction) and freezing the person from a case.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../db/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { get, post } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';
import {
  type CaseRef,
  registerHoldResolver,
  type RiskAttempt,
  type RiskVerdict,
  riskBlocked,
  riskChecker,
  riskDebitsWriter,
} from './index.js';

const calls: { what: 'release' | 'refuse'; ref: CaseRef }[] = [];
async function resolverCall(tx: Tx, what: 'release' | 'refuse', ref: CaseRef) {
  await tx.query('SELECT 1'); // it gets the decision's transaction
  if (ref.counterparty === 'wallet:resolver-fails') throw new Error('the money module failed');
  calls.push({ what, ref });
}
/** A stand-in for the money module's resolver (after the app's own is registered, which it replaces). */
const stubResolver = () =>
  registerHoldResolver('transfer', {
    release: (tx, _ctx, ref) => resolverCall(tx, 'release', ref),
    refuse: (tx, _ctx, ref) => resolverCall(tx, 'refuse', ref),
  });

describe.each(backends())('risk routes on %s', (backend) => {
  let t: TestApp;
  let admin: TestUser;
  let operator: TestUser;
  let customer: TestUser;
  beforeAll(async () => {
    t = await createTestApp(backend);
    stubResolver();
    admin = await registerStaff(t.app, t.ctx.db, 'admin');
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
    customer = await registerUser(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const put = (user: TestUser, payload: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: '/v1/admin/risk/rules',
      payload: payload as object,
      headers: user.auth,
    });
  const audit = async (action: string, targetId: string) =>
    (
      await t.ctx.db.query<{ actor_id: string; reason: string; after: Record<string, unknown> }>(
        'SELECT actor_id, reason, after FROM identity.audit_log WHERE action = $1 AND target_id = $2 ORDER BY id',
        [action, targetId],
      )
    ).rows;
  const attempt = (userId: string, over: Partial<RiskAttempt> = {}): RiskAttempt => ({
    userId,
    kind: 'transfer',
    amount: 5_000_00n,
    currency: 'NGN',
    counterparty: 'wallet:friend',
    reference: randomUUID(),
    at: new Date(),
    ...over,
  });
  /** Opens a case through the checker: a hold (above ₦1,000,000) or a flag (11 debits in 10 minutes). */
  async function openCase(userId: string, kind: 'hold' | 'flag', counterparty = 'wallet:friend') {
    return t.ctx.db.transaction(async (tx) => {
      if (kind === 'hold') {
        const [verdict] = await riskChecker(tx, [attempt(userId, { amount: 100_000_001n, counterparty })]);
        return (verdict as RiskVerdict).caseId;
      }
      const rows = Array.from({ length: 11 }, () => attempt(userId));
      await riskChecker(tx, rows);
      await riskDebitsWriter(
        tx,
        rows.map(({ at: _at, ...d }) => d),
      );
      const { rows: found } = await tx.query<{ id: string }>(
        `SELECT id FROM risk.cases WHERE user_id = $1 AND action = 'flag' ORDER BY seq DESC LIMIT 1`,
        [userId],
      );
      return found[0]!.id;
    });
  }
  const resolve = (user: TestUser, id: string, decision: string, reason = 'checked with the customer') =>
    post(t.app, user, `/v1/admin/risk/cases/${id}/resolve`, { decision, reason }, null);

  it('lists the seeded rules, in force, to staff only', async () => {
    const res = await get(t.app, operator, '/v1/admin/risk/rules');
    expect(res.statusCode).toBe(200);
    const rules = res.json().data as { key: string; type: string; action: string; inForce: boolean }[];
    expect(rules.filter((r) => r.inForce).map((r) => [r.key, r.type, r.action])).toEqual(
      expect.arrayContaining([
        ['velocity_10_in_10min', 'velocity_count', 'flag'],
        ['single_over_1m', 'single_amount', 'hold'],
        ['new_recipient_over_200k', 'new_recipient_amount', 'hold'],
        ['new_recipients_over_10_a_day', 'new_recipients_per_day', 'flag'],
        ['new_device_over_100k', 'new_device_large_debit', 'hold'],
      ]),
    );
    expect(rules.find((r) => r.key === 'single_over_1m')).toMatchObject({ params: { amount: 100_000_000 } });
    expect(rules.some((r) => r.action === 'block')).toBe(false);
    for (const url of ['/v1/admin/risk/rules', '/v1/admin/risk/cases']) {
      const denied = await get(t.app, customer, url);
      expect([denied.statusCode, denied.json().code]).toEqual([403, 'forbidden']);
      expect((await get(t.app, undefined, url)).statusCode).toBe(401);
    }
  });

  it('adds rule versions (admin only, audited), keeps the old ones and schedules future ones', async () => {
    const body = {
      rules: [
        {
          key: 'single_over_1m',
          type: 'single_amount',
          params: { amount: 50_000_000 },
          action: 'block',
          appliesTo: ['withdrawal'],
          currency: 'NGN',
        },
      ],
      reason: 'Withdrawals above ₦500,000 blocked for now',
    };
    const byOperator = await put(operator, body);
    expect([byOperator.statusCode, byOperator.json().code]).toEqual([403, 'forbidden']);
    const res = await put(admin, body);
    expect(res.statusCode).toBe(200);
    const [added] = res.json().data;
    expect(added).toMatchObject({
      key: 'single_over_1m',
      action: 'block',
      inForce: true,
      createdBy: admin.id,
    });
    const versions = (await get(t.app, admin, '/v1/admin/risk/rules'))
      .json()
      .data.filter((r: { key: string }) => r.key === 'single_over_1m');
    expect(versions.map((v: { action: string; inForce: boolean }) => [v.action, v.inForce])).toEqual([
      ['block', true],
      ['hold', false],
    ]);
    const [record] = await audit('risk.rule_set', 'single_over_1m');
    expect(record).toMatchObject({ actor_id: admin.id, reason: body.reason, after: { action: 'block' } });
    // Back to the default, from a future time: scheduled, not yet in force.
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const future = await put(admin, {
      ...body,
      rules: [
        {
          ...body.rules[0],
          params: { amount: 100_000_000 },
          action: 'hold',
          appliesTo: ['transfer', 'bill_payment', 'withdrawal'],
        },
      ],
      effectiveFrom: later,
      reason: 'Back to holding',
    });
    expect(future.json().data[0]).toMatchObject({ inForce: false, effectiveFrom: later });
    // Restore now, so the other tests see a hold above ₦1,000,000.
    expect(
      (
        await put(admin, {
          ...body,
          rules: [
            {
              ...body.rules[0],
              params: { amount: 100_000_000 },
              action: 'hold',
              appliesTo: ['transfer', 'bill_payment', 'withdrawal'],
            },
          ],
          reason: 'restore',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses bad rules with 400 invalid_risk_rule', async () => {
    const rule = {
      key: 'x_rule',
      type: 'velocity_count',
      params: { count: 5, minutes: 10 },
      action: 'flag',
      appliesTo: ['transfer'],
    };
    const bad = async (payload: unknown) => {
      const res = await put(admin, payload);
      return [res.statusCode, res.json().code];
    };
    expect(await bad({ rules: [{ ...rule, params: { count: 5 } }], reason: 'missing minutes' })).toEqual([
      400,
      'invalid_risk_rule',
    ]);
    expect(await bad({ rules: [{ ...rule, params: { count: 0, minutes: 10 } }], reason: 'zero' })).toEqual([
      400,
      'invalid_risk_rule',
    ]);
    expect(
      await bad({ rules: [{ ...rule, params: { amount: 5, count: 5, minutes: 10 } }], reason: 'extra' }),
    ).toEqual([400, 'invalid_risk_rule']);
    expect(
      await bad({ rules: [{ ...rule, key: 'single_over_1m' }], reason: 'another type for a key' }),
    ).toEqual([400, 'invalid_risk_rule']);
    expect(await bad({ rules: [rule, rule], reason: 'twice' })).toEqual([400, 'invalid_risk_rule']);
    expect(await bad({ rules: [rule], reason: 'past', effectiveFrom: '2020-01-01T00:00:00.000Z' })).toEqual([
      400,
      'invalid_risk_rule',
    ]);
    expect(await bad({ rules: [{ ...rule, params: { weeks: 1 } }], reason: 'unknown' })).toEqual([
      400,
      'unknown_field',
    ]);
  });

  it('lists open cases with their references and the person’s recent activity, and one case by id', async () => {
    const person = await registerUser(t.app);
    const flagId = await openCase(person.id, 'flag');
    const holdId = await openCase(person.id, 'hold');
    const res = await get(t.app, operator, `/v1/admin/risk/cases?userId=${person.id}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.data.map((c: { id: string }) => c.id)).toEqual([flagId, holdId]);
    expect(page.data[0]).toMatchObject({
      status: 'open',
      action: 'flag',
      held: false,
      ruleKeys: ['velocity_10_in_10min'],
      references: [expect.any(String)],
      kind: 'transfer',
      decision: null,
    });
    expect(page.data[0].recentActivity).toHaveLength(11);
    expect(page.data[1]).toMatchObject({ action: 'hold', held: true, amount: 100_000_001 });
    const one = await get(t.app, operator, `/v1/admin/risk/cases/${holdId}`);
    // The 12th debit in 10 minutes too: both rules fired, the hold is the case's action.
    expect(one.json()).toMatchObject({
      id: holdId,
      action: 'hold',
      ruleKeys: ['single_over_1m', 'velocity_10_in_10min'],
      fired: [
        { key: 'single_over_1m', action: 'hold' },
        { key: 'velocity_10_in_10min', action: 'flag' },
      ],
    });
    expect((await get(t.app, operator, `/v1/admin/risk/cases/${randomUUID()}`)).statusCode).toBe(404);
    // Pagination.
    const first = (await get(t.app, operator, `/v1/admin/risk/cases?userId=${person.id}&limit=1`)).json();
    expect(first.data.map((c: { id: string }) => c.id)).toEqual([flagId]);
    const next = (
      await get(
        t.app,
        operator,
        `/v1/admin/risk/cases?userId=${person.id}&limit=1&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(next.data.map((c: { id: string }) => c.id)).toEqual([holdId]);
    expect((await get(t.app, operator, '/v1/admin/risk/cases?cursor=garbage!')).json().code).toBe(
      'invalid_cursor',
    );
  });

  it('dismisses or confirms a flag, once; release and refuse are only for held money', async () => {
    const person = await registerUser(t.app);
    const flagId = await openCase(person.id, 'flag');
    expect((await resolve(operator, flagId, 'release')).json()).toMatchObject({
      status: 409,
      code: 'risk_case_not_held',
    });
    const res = await resolve(operator, flagId, 'dismiss', 'a salary run');
    expect(res.json()).toMatchObject({
      status: 'resolved',
      decision: 'dismissed',
      reason: 'a salary run',
      resolvedBy: operator.id,
    });
    expect((await resolve(operator, flagId, 'confirm')).json()).toMatchObject({
      status: 409,
      code: 'risk_case_not_open',
    });
    expect(await audit('risk.case_dismiss', flagId)).toMatchObject([
      { actor_id: operator.id, reason: 'a salary run' },
    ]);
    const other = await openCase((await registerUser(t.app)).id, 'flag');
    expect((await resolve(operator, other, 'confirm')).json()).toMatchObject({ decision: 'confirmed' });
    expect(await audit('risk.case_confirm', other)).toHaveLength(1);
    const open = (await get(t.app, operator, `/v1/admin/risk/cases?userId=${person.id}`)).json().data;
    expect(open).toEqual([]);
    const resolved = (
      await get(t.app, operator, `/v1/admin/risk/cases?status=resolved&userId=${person.id}`)
    ).json();
    expect(resolved.data.map((c: { id: string }) => c.id)).toEqual([flagId]);
  });

  it('releases or refuses held money through the money module’s resolver, in the same transaction', async () => {
    const person = await registerUser(t.app);
    const releaseId = await openCase(person.id, 'hold');
    expect((await resolve(operator, releaseId, 'dismiss')).json()).toMatchObject({
      status: 400,
      code: 'validation_failed',
    });
    expect(
      (await resolve(operator, releaseId, 'release', 'customer confirmed by phone')).json(),
    ).toMatchObject({
      decision: 'released',
      held: true,
    });
    expect(calls.at(-1)).toEqual({
      what: 'release',
      ref: expect.objectContaining({
        caseId: releaseId,
        userId: person.id,
        kind: 'transfer',
        amount: 100_000_001n,
      }),
    });
    const refuseId = await openCase(person.id, 'hold');
    expect((await resolve(operator, refuseId, 'refuse', 'not the customer')).json().decision).toBe('refused');
    expect(calls.at(-1)).toMatchObject({ what: 'refuse', ref: { caseId: refuseId } });
    expect(await audit('risk.case_refuse', refuseId)).toHaveLength(1);
    // The resolver fails: nothing is decided, nothing audited.
    const failing = await openCase(person.id, 'hold', 'wallet:resolver-fails');
    expect((await resolve(operator, failing, 'release')).statusCode).toBe(500);
    expect((await get(t.app, operator, `/v1/admin/risk/cases/${failing}`)).json().status).toBe('open');
    expect(await audit('risk.case_release', failing)).toEqual([]);
    // Nobody decides a case about themselves.
    const own = await openCase(operator.id, 'hold');
    expect((await resolve(operator, own, 'refuse')).json().code).toBe('cannot_target_self');
  });

  it('freezes the person from a case, recorded on the case and audited', async () => {
    const person = await registerUser(t.app);
    const id = await openCase(person.id, 'flag');
    const res = await post(
      t.app,
      operator,
      `/v1/admin/risk/cases/${id}/freeze`,
      { reason: 'account takeover suspected' },
      null,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      frozenBy: operator.id,
      freezeReason: 'account takeover suspected',
      status: 'open',
    });
    const { rows } = await t.ctx.db.query<{ status: string }>(
      'SELECT status FROM identity.users WHERE id = $1',
      [person.id],
    );
    expect(rows[0]?.status).toBe('frozen');
    expect(await audit('user.freeze', person.id)).toHaveLength(1);
    expect(await audit('risk.case_freeze', id)).toMatchObject([
      { actor_id: operator.id, after: { userStatus: 'frozen' } },
    ]);
    // Again: nothing more.
    await post(t.app, operator, `/v1/admin/risk/cases/${id}/freeze`, { reason: 'again please' }, null);
    expect(await audit('risk.case_freeze', id)).toHaveLength(1);
    // An operator cannot freeze staff from a case; a customer cannot call it at all.
    const staffCase = await openCase(admin.id, 'flag');
    expect(
      (await post(t.app, operator, `/v1/admin/risk/cases/${staffCase}/freeze`, { reason: 'nope nope' }, null))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(t.app, customer, `/v1/admin/risk/cases/${id}/freeze`, { reason: 'nope nope' }, null))
        .statusCode,
    ).toBe(403);
  });

  it('builds risk_blocked without naming any rule or threshold', () => {
    const error = riskBlocked([
      { key: 'single_over_1m', action: 'block', why: 'one debit of NGN 1,000,000.01' },
    ]);
    expect([error.status, error.code]).toEqual([403, 'risk_blocked']);
    expect(error.message).toMatch(/contact support/);
    expect(error.message).not.toMatch(/1,000,000|single_over_1m/);
  });
});
