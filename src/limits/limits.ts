import type { Db, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import type { Leg } from '../ledger/index.js';
import {
  accountIdOf,
  availableOf,
  controlKey,
  dailyKey,
  fundTo,
  headroomKey,
  type LimitKind,
  targetOf,
  UNLIMITED,
} from './accounts.js';
import { lagosDay, nextLagosMidnight } from './day.js';

/** A person's limits in one currency, in minor units (from their KYC tier's rules). */
export interface LimitRule {
  dailyDebit: bigint;
  /** null: no maximum balance. */
  maxBalance: bigint | null;
  singleTransaction: bigint;
  /** null: no limit on one deposit. */
  singleDeposit: bigint | null;
}

/** Whose limits a leg set charges: the person, the currency, the rule in force. */
export interface LimitHolder {
  userId: string;
  currency: string;
  rule: LimitRule;
  /** What the person holds in this currency now (read once, when their headroom account is opened). */
  held?: (tx: Tx) => Promise<bigint>;
}

/** The fields of a `422 limit_exceeded` problem. */
export interface LimitExceeded {
  limit: LimitKind | 'single_transaction' | 'single_deposit';
  limitAmount: bigint;
  used: bigint;
  remaining: bigint;
  resetsAt?: string;
  /** 'recipient': the other person's limit refused; their amounts are theirs, so they are not told. */
  party?: 'recipient';
}

export interface Usage {
  dailyDebitUsed: bigint;
  dailyDebitRemaining: bigint;
  resetsAt: string;
  /** null: no maximum balance. */
  balanceHeadroom: bigint | null;
}

/** Accounts known funded to their target in this process: a cache of facts that only the day and the rule change. */
const MAX_CACHED = 100_000;

export interface Limits {
  /** Legs charging a debit of `amount` to the holder's limits: their daily allowance, and their headroom back. */
  debitLegs(holder: LimitHolder, amount: bigint): Promise<Leg[]>;
  /** Legs charging a credit of `amount` to the holder's balance headroom. */
  creditLegs(holder: LimitHolder, amount: bigint): Promise<Leg[]>;
  /** After `credit_limit_exceeded`: which limit refused, and by how much. */
  explain(parties: { debtor?: LimitHolder; creditor?: LimitHolder }, amount: bigint): Promise<LimitExceeded>;
  usage(holder: LimitHolder): Promise<Usage>;
}

export function limitExceeded(detail: LimitExceeded): AppError {
  if (detail.party === 'recipient')
    return new AppError('limit_exceeded', 'The recipient cannot receive this amount on their account tier', {
      limit: detail.limit,
      party: 'recipient',
    });
  const words: Record<LimitExceeded['limit'], string> = {
    daily_debit: 'This would pass your daily limit',
    max_balance: 'This would take the balance past its maximum',
    single_transaction: 'This is more than one transaction may move',
    single_deposit: 'This is more than one deposit may bring in',
  };
  return new AppError('limit_exceeded', `${words[detail.limit]} for your account tier`, {
    limit: detail.limit,
    limitAmount: Number(detail.limitAmount),
    used: Number(detail.used),
    remaining: Number(detail.remaining),
    ...(detail.resetsAt ? { resetsAt: detail.resetsAt } : {}),
  });
}

/** The single-transaction limit, checked before anything moves (it needs no shared state). */
export function checkSingle(
  holder: LimitHolder,
  amount: bigint,
  kind: 'debit' | 'deposit',
  party?: 'recipient',
): void {
  const limit = kind === 'debit' ? holder.rule.singleTransaction : holder.rule.singleDeposit;
  if (limit === null || amount <= limit) return;
  throw limitExceeded({
    limit: kind === 'debit' ? 'single_transaction' : 'single_deposit',
    limitAmount: limit,
    used: 0n,
    remaining: limit,
    ...(party ? { party } : {}),
  });
}

/** Which limit refused a `credit_limit_exceeded`: the debtor's allowance first, else the creditor's headroom. */
async function explain(
  db: Db,
  usage: Limits['usage'],
  parties: { debtor?: LimitHolder; creditor?: LimitHolder },
  amount: bigint,
): Promise<LimitExceeded> {
  if (parties.debtor) {
    const u = await usage(parties.debtor);
    if (u.dailyDebitRemaining < amount)
      return {
        limit: 'daily_debit',
        limitAmount: parties.debtor.rule.dailyDebit,
        used: u.dailyDebitUsed,
        remaining: u.dailyDebitRemaining,
        resetsAt: u.resetsAt,
      };
  }
  const creditor = parties.creditor ?? parties.debtor;
  if (!creditor) throw new Error('limits: explain needs a party');
  const maximum = creditor.rule.maxBalance ?? UNLIMITED;
  const roomId = accountIdOf(headroomKey(creditor.userId, creditor.currency));
  const room = (await db.transaction((tx) => availableOf(tx, roomId))) ?? 0n;
  const party = parties.debtor && parties.creditor ? { party: 'recipient' as const } : {};
  return { limit: 'max_balance', limitAmount: maximum, used: maximum - room, remaining: room, ...party };
}

export function createLimits(db: Db, now: () => Date = () => new Date()): Limits {
  const funded = new Set<string>();
  const remember = (k: string) => {
    if (funded.size >= MAX_CACHED) funded.delete(funded.values().next().value as string);
    funded.add(k);
  };
  const ensure = async (
    key: string,
    target: bigint,
    make: Parameters<typeof fundTo>[1],
    held?: (tx: Tx) => Promise<bigint>,
  ) => {
    const id = accountIdOf(key);
    if (funded.has(`${key}=${target}`)) return id;
    await db.transaction((tx) => fundTo(tx, make, target, held));
    remember(`${key}=${target}`);
    return id;
  };
  const daily = (h: LimitHolder) => {
    const day = lagosDay(now());
    const key = dailyKey(h.userId, h.currency, day);
    const account = {
      kind: 'daily_debit' as const,
      key,
      userId: h.userId,
      currency: h.currency,
      name: `Daily allowance ${day}`,
      metadata: { day },
    };
    return ensure(key, h.rule.dailyDebit, account);
  };
  const headroom = (h: LimitHolder) => {
    const key = headroomKey(h.userId, h.currency);
    const account = {
      kind: 'max_balance' as const,
      key,
      userId: h.userId,
      currency: h.currency,
      name: 'Balance headroom',
    };
    return ensure(key, h.rule.maxBalance ?? UNLIMITED, account, h.held);
  };
  const control = (currency: string) => accountIdOf(controlKey(currency));

  return {
    async debitLegs(h, amount) {
      const [allowance, room] = await Promise.all([daily(h), headroom(h)]);
      // With no maximum balance, the control account (bucketed) takes the other side:
      // a merchant's single-row headroom never becomes a hot spot.
      const back = h.rule.maxBalance === null ? control(h.currency) : room;
      return [
        { accountId: allowance, side: 'C', amount },
        { accountId: back, side: 'D', amount },
      ];
    },
    async creditLegs(h, amount) {
      const room = await headroom(h);
      if (h.rule.maxBalance === null) return [];
      return [
        { accountId: room, side: 'C', amount },
        { accountId: control(h.currency), side: 'D', amount },
      ];
    },
    explain(parties, amount) {
      return explain(db, this.usage, parties, amount);
    },
    async usage(h) {
      const at = now();
      const id = accountIdOf(dailyKey(h.userId, h.currency, lagosDay(at)));
      const roomId = accountIdOf(headroomKey(h.userId, h.currency));
      const [left, funded, room] = await db.transaction(async (tx) => [
        await availableOf(tx, id),
        await targetOf(tx, id),
        await availableOf(tx, roomId),
      ]);
      const limit = h.rule.dailyDebit;
      const remaining = left === undefined ? limit : left;
      const used = (funded ?? limit) - remaining;
      return {
        dailyDebitUsed: used > 0n ? used : 0n,
        dailyDebitRemaining: remaining > 0n ? remaining : 0n,
        resetsAt: nextLagosMidnight(at).toISOString(),
        balanceHeadroom: h.rule.maxBalance === null ? null : (room ?? h.rule.maxBalance),
      };
    },
  };
}
