/**
 * The shared status-change mechanism: a table of allowed moves, checked in
 * code, and a guarded UPDATE whose row count is asserted in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDb, type TestDb } from '../test-support/db.js';
import { defineStates, InvalidTransition, transitionRow, transitionRows } from './state-machine.js';

type Door = 'closed' | 'open' | 'locked' | 'gone';
const door = defineStates<Door>('door', {
  closed: ['open', 'locked', 'gone'],
  open: ['closed'],
  locked: ['closed'],
  gone: [],
});

describe('defineStates', () => {
  it('lists, per target, the states that may move to it', () => {
    expect(door.allowedFrom('closed')).toEqual(['open', 'locked']);
    expect(door.allowedFrom('open')).toEqual(['closed']);
    expect(door.allowedFrom('gone')).toEqual(['closed']);
    expect(door.isFinal('gone')).toBe(true);
    expect(door.isFinal('open')).toBe(false);
  });

  it('asserts transitions: allowed ones pass, any other throws InvalidTransition', () => {
    expect(() => door.assertTransition('closed', 'open')).not.toThrow();
    expect(() => door.assertTransition('open', 'locked')).toThrow(InvalidTransition);
    expect(() => door.assertTransition('gone', 'closed')).toThrow(/door: no transition from gone to closed/);
    expect(() => door.assertTransition('open', 'open')).toThrow(InvalidTransition);
  });

  it('refuses a table whose target is not one of its states', () => {
    expect(() => defineStates<'a' | 'b'>('broken', { a: ['c' as 'b'], b: [] })).toThrow(/c is not a state/);
  });
});

describe.each(backends())('transitionRow on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(backend, 4, []);
    await t.db.exec(`CREATE SCHEMA house;
      CREATE TABLE house.doors (id text PRIMARY KEY, status text NOT NULL, note text, moves int NOT NULL DEFAULT 0)`);
  });
  afterAll(async () => {
    await t.drop({ skipAudit: true });
  });

  const insert = (id: string, status: Door) =>
    t.db.query('INSERT INTO house.doors (id, status) VALUES ($1, $2)', [id, status]);
  const row = async (id: string) =>
    (
      await t.db.query<{ status: string; note: string | null; moves: number }>(
        'SELECT status, note, moves FROM house.doors WHERE id = $1',
        [id],
      )
    ).rows[0];

  it('changes the status and the other columns in one guarded UPDATE', async () => {
    await insert('d1', 'closed');
    await t.db.transaction((tx) =>
      transitionRow(tx, door, {
        table: 'house.doors',
        id: 'd1',
        from: 'closed',
        to: 'open',
        set: { note: (p) => `${p('opened by the test')}::text`, moves: 'moves + 1' },
      }),
    );
    expect(await row('d1')).toEqual({ status: 'open', note: 'opened by the test', moves: 1 });
  });

  it('without `from`, moves from any state the table allows', async () => {
    await insert('d2', 'locked');
    await t.db.transaction((tx) => transitionRow(tx, door, { table: 'house.doors', id: 'd2', to: 'closed' }));
    expect((await row('d2'))?.status).toBe('closed');
  });

  it('a row in a state the move cannot start from changes nothing and throws', async () => {
    await insert('d3', 'gone');
    const attempt = t.db.transaction(async (tx) => {
      await tx.query("UPDATE house.doors SET note = 'in the same transaction' WHERE id = 'd3'");
      await transitionRow(tx, door, { table: 'house.doors', id: 'd3', to: 'closed' });
    });
    await expect(attempt).rejects.toThrow(InvalidTransition);
    // The whole transaction rolled back, not only the status change.
    expect(await row('d3')).toEqual({ status: 'gone', note: null, moves: 0 });
  });

  it('a row that left the status the caller saw changes nothing and throws', async () => {
    await insert('d4', 'locked');
    // The caller believes the door is open (stale read); the table allows open -> closed.
    const attempt = t.db.transaction((tx) =>
      transitionRow(tx, door, {
        table: 'house.doors',
        id: 'd4',
        from: 'open',
        to: 'closed',
        set: { moves: 'moves + 1' },
      }),
    );
    await expect(attempt).rejects.toMatchObject({ name: 'InvalidTransition', id: 'd4', from: ['open'] });
    expect(await row('d4')).toEqual({ status: 'locked', note: null, moves: 0 });
  });

  it('a move the table forbids throws before touching the database', async () => {
    await insert('d5', 'open');
    const attempt = t.db.transaction((tx) =>
      transitionRow(tx, door, { table: 'house.doors', id: 'd5', from: 'open', to: 'locked' }),
    );
    await expect(attempt).rejects.toThrow(InvalidTransition);
    expect((await row('d5'))?.status).toBe('open');
  });

  it('an unknown id changes nothing and throws', async () => {
    const attempt = t.db.transaction((tx) =>
      transitionRow(tx, door, { table: 'house.doors', id: 'missing', to: 'open' }),
    );
    await expect(attempt).rejects.toThrow(InvalidTransition);
  });

  it('refuses identifiers that are not plain names, and setting status or id itself', async () => {
    await insert('d6', 'closed');
    const bad: { table: string; set: Record<string, string> }[] = [
      { table: 'house.doors; DROP TABLE x', set: {} },
      { table: 'house.doors', set: { 'note = 1, status': "'gone'" } },
      { table: 'house.doors', set: { status: "'gone'" } },
    ];
    for (const b of bad) {
      await expect(
        t.db.transaction((tx) => transitionRow(tx, door, { ...b, id: 'd6', to: 'open' })),
      ).rejects.toThrow(/bad (table|column)/);
    }
    expect((await row('d6'))?.status).toBe('closed');
  });

  it('transitionRows moves many rows in one guarded UPDATE, with a value per row', async () => {
    await insert('m1', 'closed');
    await insert('m2', 'closed');
    await t.db.transaction((tx) =>
      transitionRows(tx, door, {
        table: 'house.doors',
        ids: ['m1', 'm2'],
        from: 'closed',
        to: 'open',
        values: { note: { type: 'text', of: ['first', null] } },
        set: { note: "COALESCE(v.note, 'none')", moves: 't.moves + 1' },
      }),
    );
    expect(await row('m1')).toEqual({ status: 'open', note: 'first', moves: 1 });
    expect(await row('m2')).toEqual({ status: 'open', note: 'none', moves: 1 });
  });

  it('transitionRows: one row that left `from` fails the whole statement and the transaction', async () => {
    await insert('m3', 'closed');
    await insert('m4', 'locked');
    const attempt = t.db.transaction((tx) =>
      transitionRows(tx, door, {
        table: 'house.doors',
        ids: ['m3', 'm4'],
        from: 'closed',
        to: 'open',
        set: { moves: 't.moves + 1' },
      }),
    );
    await expect(attempt).rejects.toThrow(InvalidTransition);
    expect(await row('m3')).toEqual({ status: 'closed', note: null, moves: 0 });
    expect(await row('m4')).toEqual({ status: 'locked', note: null, moves: 0 });
  });

  it('transitionRows refuses a forbidden move, the same id twice, and values that do not line up', async () => {
    await insert('m5', 'open');
    const base = { table: 'house.doors', from: 'open' as const };
    const bad = [
      { ...base, ids: ['m5'], to: 'locked' as const },
      { ...base, ids: ['m5', 'm5'], to: 'closed' as const },
      { ...base, ids: ['m5'], to: 'closed' as const, values: { note: { type: 'text', of: ['a', 'b'] } } },
      { ...base, ids: ['m5'], to: 'closed' as const, values: { note: { type: 'text; DROP', of: ['a'] } } },
    ];
    for (const request of bad) {
      await expect(t.db.transaction((tx) => transitionRows(tx, door, request))).rejects.toThrow();
    }
    expect((await row('m5'))?.status).toBe('open');
  });
});
