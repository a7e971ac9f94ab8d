/**
 * Held money belongs to the money modules (they import risk, risk cannot
 * import them): each registers how to release or refuse what it held for a
 * debit kind. An operator's decision on a held case calls it in the same
 * transaction as the case's update and its audit record.
 */
import type { AppContext } from '../context.js';
import type { Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import type { Actor } from '../identity/index.js';
import type { DebitKind, Fired } from './types.js';

/** What a resolver is told about the held debit. */
export interface CaseRef {
  caseId: string;
  userId: string;
  kind: DebitKind;
  /** The money path's references of the held debit (usually one). */
  references: string[];
  amount: bigint;
  currency: string;
  counterparty: string;
}

export interface HoldResolver {
  /** Lets the held debit go through (post, or re-submit it). */
  release(tx: Tx, ctx: AppContext, caseRef: CaseRef, actor: Actor): Promise<void>;
  /** Refuses it: the money goes back to the person. */
  refuse(tx: Tx, ctx: AppContext, caseRef: CaseRef, actor: Actor): Promise<void>;
}

const resolvers = new Map<DebitKind, HoldResolver>();

/** Registers (or replaces) the resolver of held debits of one kind. */
export function registerHoldResolver(kind: DebitKind, resolver: HoldResolver): void {
  resolvers.set(kind, resolver);
}

/** The resolver for a kind; a kind without one is a wiring mistake, not the operator's. */
export function holdResolverOf(kind: DebitKind): HoldResolver {
  const resolver = resolvers.get(kind);
  if (!resolver) throw new Error(`risk: no hold resolver registered for ${kind}`);
  return resolver;
}

/**
 * 403 risk_blocked, for a money path to throw when the checker blocks a
 * debit. It names no rule or threshold (that would teach how to slip under
 * them): only that it was stopped and to contact support. The rules that
 * fired are on the case, for operators.
 */
export function riskBlocked(_fired?: readonly Fired[], caseId?: string): AppError {
  return new AppError(
    'risk_blocked',
    'This payment was stopped by our security checks. Please contact support if you think this is a mistake.',
    caseId === undefined ? {} : { caseId },
  );
}
