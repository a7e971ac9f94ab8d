/**
 * The withdrawal and deposit transition tables, pair by pair, and their
 * guards against the real tables: a change from a state the table does not
 * allow changes 0 rows and throws.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidTransition, type StateMachine, transitionRow } from '../db/state-machine.js';
import { backends, createTestDb, type TestDb } from '../test-support/db.js';
import { type DepositStatus, depositStates } from './deposit-states.js';
import { type WithdrawalStatus, withdrawalStates } from './withdrawal-states.js';

/** Every pair of states: the listed ones pass, every other one throws. */
function checkTable<S extends string>(machine: StateMachine<S>, states: S[], allowed: string[]) {
  const pairs = states.flatMap((from) => states.map((to) => [from, to] as const));
  const ok = new Set(allowed);
  it('has exactly these states', () => {
    expect([...machine.states].sort()).toEqual([...states].sort());
  });
  it.each(pairs.filter(([f, t]) => ok.has(`${f}>${t}`)))('allows %s -> %s', (from, to) => {
    expect(() => machine.assertTransition(from, to)).not.toThrow();
  });
  it.each(pairs.filter(([f, t]) => !ok.has(`${f}>${t}`)))('refuses %s -> %s', (from, to) => {
    expect(() => machine.assertTransition(from, to)).toThrow(InvalidTransition);
  });
}

describe('withdrawal transitions', () => {
  checkTable<WithdrawalStatus>(
    withdrawalStates,
    ['pending_review', 'pending', 'processing', 'succeeded', 'failed', 'needs_review', 'reversed'],
    [
      'pending_review>pending',
      'pending_review>failed',
      'pending>processing',
      'processing>succeeded',
      'processing>failed',
      'processing>needs_review',
      'needs_review>succeeded',
      'needs_review>failed',
      'succeeded>reversed',
    ],
  );
});

describe('deposit transitions', () => {
  checkTable<DepositStatus>(
    depositStates,
    ['pending', 'succeeded', 'failed', 'flagged'],
    ['pending>succeeded', 'pending>failed', 'pending>flagged', 'failed>succeeded', 'failed>flagged'],
  );
});

describe.each(backends())('withdrawal and deposit status guards on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(backend, 4);
  });
  afterAll(async () => {
    await t.drop({ skipAudit: true });
  });

  async function withdrawal(status: WithdrawalStatus) {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO wallets.withdrawals (id, reference, user_id, wallet_id, amount, fee, currency, bank_code,
         account_number, account_name, status, hold_id)
       VALUES ($1, $2, $3, $4, 100000, 2500, 'NGN', '058', '0123456789', 'Test Person', $5, $6)`,
      [id, `VWD-${id}`, randomUUID(), randomUUID(), status, randomUUID()],
    );
    return id;
  }
  async function deposit(status: DepositStatus) {
    const id = randomUUID();
    await t.db.query(
      `INSERT INTO wallets.deposits (id, reference, user_id, wallet_id, amount, currency, gateway, status, checkout_url)
       VALUES ($1, $2, $3, $4, 100000, 'NGN', 'sandbox', $5, 'http://127.0.0.1/checkout')`,
      [id, `VDP-${id}`, randomUUID(), randomUUID(), status],
    );
    return id;
  }
  const statusOf = async (table: string, id: string) =>
    (await t.db.query<{ status: string }>(`SELECT status FROM ${table} WHERE id = $1`, [id])).rows[0]?.status;

  it('moves a processing withdrawal to succeeded and a pending deposit to flagged', async () => {
    const w = await withdrawal('processing');
    const d = await deposit('pending');
    await t.db.transaction(async (tx) => {
      await transitionRow(tx, withdrawalStates, { table: 'wallets.withdrawals', id: w, to: 'succeeded' });
      await transitionRow(tx, depositStates, {
        table: 'wallets.deposits',
        id: d,
        from: 'pending',
        to: 'flagged',
      });
    });
    expect(await statusOf('wallets.withdrawals', w)).toBe('succeeded');
    expect(await statusOf('wallets.deposits', d)).toBe('flagged');
  });

  it.each([
    ['failed', 'succeeded'],
    ['succeeded', 'failed'],
    ['pending', 'succeeded'],
    ['needs_review', 'processing'],
  ] as const)('a %s withdrawal does not move to %s: 0 rows, InvalidTransition', async (status, to) => {
    const id = await withdrawal(status);
    const attempt = t.db.transaction((tx) =>
      transitionRow(tx, withdrawalStates, { table: 'wallets.withdrawals', id, to }),
    );
    await expect(attempt).rejects.toThrow(InvalidTransition);
    expect(await statusOf('wallets.withdrawals', id)).toBe(status);
  });

  it.each([
    ['succeeded', 'failed'],
    ['flagged', 'succeeded'],
    ['failed', 'pending'],
  ] as const)('a %s deposit does not move to %s: 0 rows, InvalidTransition', async (status, to) => {
    const id = await deposit(status);
    const attempt = t.db.transaction((tx) =>
      transitionRow(tx, depositStates, { table: 'wallets.deposits', id, to }),
    );
    await expect(attempt).rejects.toThrow(InvalidTransition);
    expect(await statusOf('wallets.deposits', id)).toBe(status);
  });

  it('a deposit settled after the caller read it pending does not move again', async () => {
    const id = await deposit('succeeded');
    const attempt = t.db.transaction((tx) =>
      transitionRow(tx, depositStates, { table: 'wallets.deposits', id, from: 'pending', to: 'failed' }),
    );
    await expect(attempt).rejects.toThrow(InvalidTransition);
    expect(await statusOf('wallets.deposits', id)).toBe('succeeded');
  });
});
