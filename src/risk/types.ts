/** The risk module's shared types: rules, attempts, a person's recent activity, verdicts. */

export const DEBIT_KINDS = ['transfer', 'bill_payment', 'withdrawal'] as const;
export type DebitKind = (typeof DEBIT_KINDS)[number];

export const RULE_TYPES = [
  'velocity_count',
  'velocity_amount',
  'single_amount',
  'new_recipient_amount',
  'new_recipients_per_day',
  'new_device_large_debit',
] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const RISK_ACTIONS = ['flag', 'hold', 'block'] as const;
export type RiskAction = (typeof RISK_ACTIONS)[number];

/** What a rule's params may hold; which are required depends on its type (see rules.ts). */
export interface RuleParams {
  /** More than this many (debits, or new counterparties in a day). */
  count?: number;
  /** The window, in minutes. */
  minutes?: number;
  /** Minor units of the rule's currency. */
  amount?: bigint;
}

/** One version of a rule. */
export interface RiskRule {
  id: string;
  key: string;
  type: RuleType;
  params: RuleParams;
  action: RiskAction;
  enabled: boolean;
  appliesTo: DebitKind[];
  currency: string;
  effectiveFrom: Date;
  /** null: the migration's seed. */
  createdBy: string | null;
  createdAt: Date;
  reason: string;
}

/** A debit about to happen: the checker's row (one per ledger item it guards). */
export interface RiskAttempt {
  userId: string;
  kind: DebitKind;
  /** Minor units, > 0. */
  amount: bigint;
  currency: string;
  /** A stable name of who is paid: `wallet:<id>`, `biller:<id>:<customer>`, `bank:<code>:<account>`. */
  counterparty: string;
  /** The money path's own reference (transfer id, payment id, withdrawal id): kept on the case. */
  reference: string;
  at: Date;
}

/** A debit that went through, as the rules look back on it. */
export interface RecentDebit {
  kind: DebitKind;
  amount: bigint;
  currency: string;
  counterparty: string;
  at: Date;
}

/** What the rules need to know of the person, as of the attempt. */
export interface Activity {
  /**
   * Their debits to count one by one (of the same batch, before this attempt;
   * or, in tests, every debit), besides `windows`.
   */
  debits: readonly RecentDebit[];
  /**
   * Per velocity rule key: the count and total of the debits in its window,
   * its kinds and currency, summed by the database before the batch.
   */
  windows?: ReadonlyMap<string, { count: number; amount: bigint }>;
  /** Counterparties they have paid before (at least those of the attempt). */
  knownCounterparties: ReadonlySet<string>;
  /** Counterparties they paid for the first time in the attempt's Africa/Lagos day. */
  newCounterpartiesToday: readonly string[];
  /** When they last logged in from a device they had never used before; null: never. */
  lastNewDeviceLogin: Date | null;
}

/** A rule that fired, and why (for operators; never shown to the customer). */
export interface Fired {
  key: string;
  action: RiskAction;
  why: string;
}

export interface Evaluation {
  action: 'allow' | RiskAction;
  fired: Fired[];
}

/** The checker's answer for an item it stops: the money path hands it back to its caller. */
export interface RiskVerdict {
  kind: 'risk';
  action: 'hold' | 'block';
  caseId: string;
  fired: Fired[];
}

/** A debit that went through: the riskDebitsWriter's row. */
export interface RiskDebit {
  userId: string;
  kind: DebitKind;
  amount: bigint;
  currency: string;
  counterparty: string;
  reference: string;
}
