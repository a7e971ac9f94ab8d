/**
 * What a withdrawal will cost before the person confirms it: the fee, the
 * total debited, and the most they can withdraw now ("withdraw everything":
 * the available balance, capped by today's limit and the single-transaction
 * limit, minus the fee that amount carries). The withdrawal itself charges
 * the same table (withdrawal-fees.ts), so the quote is what is debited.
 */
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { kycSummary } from '../kyc/index.js';
import { MAX_WITHDRAWAL, MIN_WITHDRAWAL, maxWithdrawable, withdrawalFee } from './withdrawal-fees.js';
import { readOwnWallet } from './wallets.js';

export interface QuoteInput {
  walletId: string;
  /** Omitted with `everything`: the quote is for the most that can be withdrawn. */
  amount?: bigint;
  everything?: boolean;
}

/** What caps "withdraw everything", so the app can say why it is not the whole balance. */
export type QuoteCap =
  | 'available_balance'
  | 'daily_limit'
  | 'single_transaction_limit'
  | 'maximum_withdrawal';

export interface WithdrawalQuote {
  walletId: string;
  currency: string;
  amount: bigint;
  fee: bigint;
  total: bigint;
  available: bigint;
  /** The largest amount whose amount + fee fits (0 when not even the minimum does). */
  maxAmount: bigint;
  cappedBy: QuoteCap;
  /** Whether amount + fee fits what the person may spend now. */
  fits: boolean;
}

/** The spending budget and what caps it: the smallest of balance, today's room and the single limit. */
async function budgetOf(ctx: AppContext, userId: string, currency: string, available: bigint) {
  const kyc = await kycSummary(ctx, userId, currency);
  const caps: [QuoteCap, bigint][] = [['available_balance', available < 0n ? 0n : available]];
  if (!kyc.limits) caps.push(['daily_limit', 0n]);
  else {
    const room = kyc.limits.dailyDebitLimit - kyc.usage.dailyDebitUsed;
    caps.push(['daily_limit', room < 0n ? 0n : room]);
    caps.push(['single_transaction_limit', kyc.limits.singleTransactionLimit]);
  }
  caps.push(['maximum_withdrawal', MAX_WITHDRAWAL + withdrawalFee(MAX_WITHDRAWAL)]);
  return caps.reduce((a, b) => (b[1] < a[1] ? b : a));
}

export async function quoteWithdrawal(
  ctx: AppContext,
  userId: string,
  input: QuoteInput,
): Promise<WithdrawalQuote> {
  if (input.amount === undefined && !input.everything)
    throw new AppError('validation_failed', 'Give an amount, or everything: true');
  const wallet = await readOwnWallet(ctx.db, userId, input.walletId);
  if (wallet.currency !== 'NGN')
    throw new AppError('unsupported_currency', 'Withdrawals go to Nigerian banks in NGN');
  const [cappedBy, budget] = await budgetOf(ctx, userId, wallet.currency, wallet.available);
  const maxAmount = maxWithdrawable(budget);
  const amount = input.amount ?? maxAmount;
  if (input.amount === undefined && maxAmount === 0n)
    throw new AppError(
      'insufficient_funds',
      `Not enough to withdraw: the smallest withdrawal is ${MIN_WITHDRAWAL} kobo plus its fee`,
    );
  if (amount < MIN_WITHDRAWAL || amount > MAX_WITHDRAWAL)
    throw new AppError(
      'amount_out_of_range',
      `A withdrawal must be between ${MIN_WITHDRAWAL} and ${MAX_WITHDRAWAL} minor units`,
    );
  const fee = withdrawalFee(amount);
  return {
    walletId: wallet.id,
    currency: wallet.currency,
    amount,
    fee,
    total: amount + fee,
    available: wallet.available,
    maxAmount,
    cappedBy,
    fits: amount + fee <= budget,
  };
}
