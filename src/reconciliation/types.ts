/** The reconciliation model: items on both sides, rules as data, the classes an item ends in. */

export const CLASSES = [
  'matched',
  'missing_internal',
  'missing_external',
  'amount_mismatch',
  'status_mismatch',
  'duplicate_external',
] as const;
export type ItemClass = (typeof CLASSES)[number];
export type Counts = Record<ItemClass, number>;

export const emptyCounts = (): Counts => Object.fromEntries(CLASSES.map((c) => [c, 0])) as Counts;

/** Both sides' statuses in one vocabulary (delivered, successful, paid... are all success). */
export const STATUSES = ['success', 'failed', 'reversed', 'pending'] as const;
export type ItemStatus = (typeof STATUSES)[number];

export interface ExternalItem {
  /** The line's place in the report, from 1. */
  seq: number;
  reference: string;
  amount: bigint;
  currency: string;
  status: ItemStatus;
  rawStatus: string;
  date: Date;
}

export type InternalKind = 'bill_payment' | 'deposit' | 'withdrawal';

export interface InternalItem {
  id: string;
  kind: InternalKind;
  reference: string;
  amount: bigint;
  currency: string;
  status: ItemStatus;
  rawStatus: string;
  date: Date;
  /** False: read only so that a line near the period's edge can pair with it; never missing_external. */
  inPeriod: boolean;
}

export const STRATEGIES = ['one_to_one', 'one_to_many', 'many_to_one'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export type Criterion =
  | { field: 'reference'; operator: 'equals' | 'contains' }
  | { field: 'amount'; operator: 'equals' }
  | { field: 'amount'; operator: 'within'; driftMinor?: number; driftBps?: number }
  | { field: 'date'; operator: 'within'; windowSeconds: number }
  | { field: 'currency'; operator: 'equals' };

export interface MatchRule {
  id: string;
  name: string;
  priority: number;
  strategy: Strategy;
  /** '*', 'gateway', 'bank', 'provider:*' or 'provider:<id>'. */
  sources: string[];
  criteria: Criterion[];
  enabled: boolean;
}

/** One result row: an external line (or a group of them) with what it was paired with, or an unpaired internal item. */
export interface ResultRow {
  position: number;
  class: ItemClass;
  externalSeqs: number[];
  internalIds: string[];
  ruleId: string | null;
  externalAmount: bigint | null;
  internalAmount: bigint | null;
}

export const SOURCE_PATTERN = /^(gateway|bank|provider:[a-z0-9_-]{1,40})$/;

export const RESOLUTIONS = ['requery', 'adjust', 'link', 'accept'] as const;
export type ResolutionAction = (typeof RESOLUTIONS)[number];
