/**
 * The bill payment transition table, pair by pair, and its guard against the
 * real table: a change from a state the table does not allow changes 0 rows
 * and throws.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidTransition, transitionRow } from '../db/state-machine.js';
import { backends, createTestDb, type TestDb } from '../test-support/db.js';
import { type PaymentStatus, paymentStates } from './payment-states.js';

const STATES: PaymentStatus[] = ['pending', 'processing', 'succeeded', 'failed', 'reversed', 'needs_review'];
/** Written out here, apart from the table, so a change to the table is a visible change to this list. */
const ALLOWED = new Set([
  'pending>processing',
  'pending>failed',
  'processing>succeeded',
  'processing>failed',
  'processing>reversed',
  'processing>needs_review',
  'needs_review>succeeded',
  'needs_review>failed',
  'needs_review>reversed',
  'succeeded>reversed',
]);
const pairs = STATES.flatMap((from) => STATES.map((to) => [from, to] as const));

describe('bill payment transitions', () => {
  it('has exactly these states', () => {
    expect([...paymentStates.states].sort()).toEqual([...STATES].sort());
  });

  it.each(pairs.filter(([f, t]) => ALLOWED.has(`${f}>${t}`)))('allows %s -> %s', (from, to) => {
    expect(() => paymentStates.assertTransition(from, to)).not.toThrow();
  });

  it.each(pairs.filter(([f, t]) => !ALLOWED.has(`${f}>${t}`)))('refuses %s -> %s', (from, to) => {
    expect(() => paymentStates.assertTransition(from, to)).toThrow(InvalidTransition);
  });

  it('failed and reversed are final; a delivered payment can still be reversed', () => {
    expect(STATES.filter((s) => paymentStates.isFinal(s))).toEqual(['failed', 'reversed']);
  });
});

describe.each(backends())('bill payment status guard on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(backend, 4);
  });
  afterAll(async () => {
    await t.drop({ skipAudit: true });
  });

  async function payment(status: PaymentStatus) {
    const id = randomUUID();
    const final = status === 'succeeded' || status === 'failed' || status === 'reversed';
    await t.db.query(
      `INSERT INTO bills.payments (id, user_id, wallet_id, biller_id, product_code, customer_ref, amount, fee,
         currency, status, provider, provider_ref, hold_id, sent_at, finalized_at)
       VALUES ($1, $2, $3, 'ikeja-electric', 'prepaid', '1111111111111', 100000, 10000, 'NGN', $4, 'vtpass',
         $5, $6, CASE WHEN $4 = 'pending' THEN NULL ELSE now() END, CASE WHEN $7 THEN now() END)`,
      [id, randomUUID(), randomUUID(), status, `ref-${id}`, randomUUID(), final],
    );
    return id;
  }
  const statusOf = async (id: string) =>
    (await t.db.query<{ status: string }>('SELECT status FROM bills.payments WHERE id = $1', [id])).rows[0]
      ?.status;

  it('moves a processing payment to needs_review', async () => {
    const id = await payment('processing');
    await t.db.transaction((tx) =>
      transitionRow(tx, paymentStates, {
        table: 'bills.payments',
        id,
        from: 'processing',
        to: 'needs_review',
      }),
    );
    expect(await statusOf(id)).toBe('needs_review');
  });

  it.each([
    ['reversed', 'succeeded'],
    ['failed', 'needs_review'],
    ['pending', 'succeeded'],
    ['succeeded', 'processing'],
  ] as const)('a %s payment does not move to %s: 0 rows, InvalidTransition', async (status, to) => {
    const id = await payment(status);
    const attempt = t.db.transaction((tx) =>
      transitionRow(tx, paymentStates, { table: 'bills.payments', id, to }),
    );
    await expect(attempt).rejects.toThrow(InvalidTransition);
    expect(await statusOf(id)).toBe(status);
  });

  it('a payment that left the status the caller read does not move', async () => {
    const id = await payment('needs_review');
    const attempt = t.db.transaction((tx) =>
      transitionRow(tx, paymentStates, { table: 'bills.payments', id, from: 'processing', to: 'succeeded' }),
    );
    await expect(attempt).rejects.toThrow(InvalidTransition);
    expect(await statusOf(id)).toBe('needs_review');
  });
});
