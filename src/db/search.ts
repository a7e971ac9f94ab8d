/**
 * The shape every module answers the operators' transaction search with: one
 * criteria object in, rows of one kind out, newest first. The search route
 * merges the modules' rows; each module reads only its own tables.
 */

export interface SearchCriteria {
  /** A reference, id, account number or meter, matched exactly; undefined for any. */
  q?: string;
  /** People whose name, email or phone matched q (the identity module resolves them). */
  userIds: readonly string[];
  /** Exactly this amount, in minor units. */
  amount?: bigint;
  from?: Date;
  to?: Date;
  /** Keyset: only rows strictly older than this (created_at, id) pair. */
  before?: { at: Date; id: string };
  limit: number;
}

export interface FoundTransaction {
  type: 'deposit' | 'transfer' | 'bill_payment' | 'withdrawal' | 'dispute';
  id: string;
  reference: string;
  at: Date;
  userId: string | null;
  amount: bigint;
  currency: string;
  status: string;
  /** What else identifies it: the meter, the bank account, the channel, the subject. */
  detail: string;
}

/**
 * The common WHERE part for a table aliased `t` with created_at and id, the
 * date range and the keyset; parameters from $first on: from, to, before.at, before.id.
 */
export function searchWindow(first: number): string {
  const [f, t, ba, bi] = [first, first + 1, first + 2, first + 3];
  return `($${f}::timestamptz IS NULL OR t.created_at >= $${f})
      AND ($${t}::timestamptz IS NULL OR t.created_at < $${t})
      AND ($${ba}::timestamptz IS NULL OR (t.created_at, t.id::text) < ($${ba}, $${bi}::text))`;
}

export const windowParams = (c: SearchCriteria) => [
  c.from ?? null,
  c.to ?? null,
  c.before?.at ?? null,
  c.before?.id ?? null,
];
