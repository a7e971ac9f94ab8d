import type { Queryable } from './types.js';

/** A transition table: each state and the states it may move to (a final state moves nowhere). */
export type TransitionTable<S extends string> = { readonly [K in S]: readonly S[] };

/** A status change the table does not allow, or a row that was not in a state it could move from. */
export class InvalidTransition extends Error {
  constructor(
    readonly machine: string,
    readonly to: string,
    readonly from: readonly string[],
    readonly id?: string,
  ) {
    const what = id === undefined ? machine : `${machine} ${id}`;
    super(`${what}: no transition from ${from.join('|') || '(none)'} to ${to}`);
    this.name = 'InvalidTransition';
  }
}

export interface StateMachine<S extends string> {
  readonly name: string;
  readonly states: readonly S[];
  /** True when the table allows from -> to. */
  allows(from: S, to: S): boolean;
  /** The states a row may be in to move to `to`. */
  allowedFrom(to: S): readonly S[];
  /** Throws InvalidTransition unless the table allows from -> to. */
  assertTransition(from: S, to: S): void;
  /** A state nothing leaves. */
  isFinal(state: S): boolean;
}

/** Builds a state machine from its table; every target must itself be a state. */
export function defineStates<S extends string>(name: string, table: TransitionTable<S>): StateMachine<S> {
  const states = Object.keys(table) as S[];
  for (const from of states) {
    for (const to of table[from]) {
      if (!(to in table)) throw new Error(`${name}: ${from} -> ${to}: ${to} is not a state`);
    }
  }
  const sources = new Map<S, S[]>(states.map((to) => [to, states.filter((f) => table[f].includes(to))]));
  const allows = (from: S, to: S) => table[from]?.includes(to) ?? false;
  return {
    name,
    states,
    allows,
    allowedFrom: (to) => sources.get(to) ?? [],
    assertTransition(from, to) {
      if (!allows(from, to)) throw new InvalidTransition(name, to, [from]);
    },
    isFinal: (state) => table[state].length === 0,
  };
}

/** Builds one SET expression; `param(v)` adds v as a bind parameter and returns its placeholder. */
export type SetExpression = string | ((param: (value: unknown) => string) => string);

export interface TransitionRequest<S extends string> {
  /** Schema-qualified table with `id` and `status` columns, e.g. `bills.payments`. */
  table: string;
  id: string;
  to: S;
  /**
   * The status the caller read (under its lock): the row must still be in it.
   * Without it, any state the table lets move to `to` will do.
   */
  from?: S;
  /** Other columns to change with the status: column -> SQL expression. */
  set?: Record<string, SetExpression>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * The one way a status changes: a single guarded UPDATE
 * (`WHERE id = $1 AND status = ANY(allowed)`) whose row count is asserted,
 * so a move the table forbids, or from a state the row has already left,
 * fails loudly (the caller's transaction rolls back) instead of overwriting.
 */
export async function transitionRow<S extends string>(
  tx: Queryable,
  machine: StateMachine<S>,
  request: TransitionRequest<S>,
): Promise<void> {
  const { table, id, to, from } = request;
  if (from !== undefined) machine.assertTransition(from, to);
  const allowed = from === undefined ? machine.allowedFrom(to) : [from];
  if (allowed.length === 0) throw new InvalidTransition(machine.name, to, [], id);
  if (!IDENTIFIER.test(table)) throw new Error(`transitionRow: bad table name ${table}`);
  const params: unknown[] = [id, to, allowed];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const assignments = Object.entries(request.set ?? {}).map(([column, expression]) => {
    if (!IDENTIFIER.test(column) || column === 'status' || column === 'id')
      throw new Error(`transitionRow: bad column ${column}`);
    return `${column} = ${typeof expression === 'string' ? expression : expression(param)}`;
  });
  const { rowCount } = await tx.query(
    `UPDATE ${table} SET ${['status = $2', ...assignments].join(', ')}
      WHERE id = $1 AND status = ANY($3::text[])`,
    params,
  );
  if (rowCount !== 1) throw new InvalidTransition(machine.name, to, allowed, id);
}

export interface TransitionManyRequest<S extends string> {
  /** Schema-qualified table with `id` and `status` columns, e.g. `bills.payments`. */
  table: string;
  /** SQL type of the id column. Default text. */
  idType?: string;
  /** The rows to move (distinct), all in `from`, the status the caller read under its lock. */
  ids: readonly string[];
  from: S;
  to: S;
  /** Values per row, aligned with ids: name -> its SQL type and one value per row; `v.<name>` in `set`. */
  values?: Record<string, { type: string; of: readonly unknown[] }>;
  /** Other columns to change with the status: column -> SQL expression over `t.<column>` and `v.<name>`. */
  set?: Record<string, string>;
}

const SQL_TYPE = /^[a-z][a-z0-9_]*( [a-z]+)*$/;

/**
 * transitionRow for many rows at once: a single guarded UPDATE
 * (`WHERE id = ANY(ids) AND status = from`) whose row count must be the
 * number of ids, so that one row that has left `from` fails the whole
 * statement loudly (the caller's transaction rolls back).
 */
export async function transitionRows<S extends string>(
  tx: Queryable,
  machine: StateMachine<S>,
  request: TransitionManyRequest<S>,
): Promise<void> {
  const { table, ids, from, to } = request;
  if (ids.length === 0) return;
  machine.assertTransition(from, to);
  if (!IDENTIFIER.test(table)) throw new Error(`transitionRows: bad table name ${table}`);
  if (new Set(ids).size !== ids.length) throw new Error('transitionRows: the same id twice');
  const idType = request.idType ?? 'text';
  const values = Object.entries(request.values ?? {});
  const params: unknown[] = [ids, to, [from]];
  const arrays = [`$1::${idType}[]`];
  const names = ['id'];
  for (const [name, { type, of }] of values) {
    if (!IDENTIFIER.test(name) || name === 'id' || !SQL_TYPE.test(type) || !SQL_TYPE.test(idType))
      throw new Error(`transitionRows: bad value ${name} ${type}`);
    if (of.length !== ids.length) throw new Error(`transitionRows: ${name} needs one value per row`);
    params.push(of);
    arrays.push(`$${params.length}::${type}[]`);
    names.push(name);
  }
  const assignments = Object.entries(request.set ?? {}).map(([column, expression]) => {
    if (!IDENTIFIER.test(column) || column === 'status' || column === 'id')
      throw new Error(`transitionRows: bad column ${column}`);
    return `${column} = ${expression}`;
  });
  const { rowCount } = await tx.query(
    `UPDATE ${table} AS t SET ${['status = $2', ...assignments].join(', ')}
       FROM unnest(${arrays.join(', ')}) AS v(${names.join(', ')})
      WHERE t.id = v.id AND t.status = ANY($3::text[])`,
    params,
  );
  if (rowCount !== ids.length) throw new InvalidTransition(machine.name, to, [from]);
}
