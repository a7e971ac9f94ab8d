/**
 * The payout provider (bank transfers out): what the payout job, the banks
 * list and account resolution need from it. In `sandbox` and `paystack`
 * modes it is Paystack Transfers (payouts-paystack.ts) against the
 * simulator or api.paystack.co; in `disabled` mode nothing is paid.
 */
export type PayoutOutcome = 'success' | 'failed' | 'pending' | 'unknown' | 'not_found' | 'reversed';

export interface PayoutResult {
  outcome: PayoutOutcome;
  message?: string;
}

export interface Bank {
  code: string;
  name: string;
}

/** The account a payout goes to, as resolved when the withdrawal was accepted. */
export interface PayoutAccount {
  bankCode: string;
  accountNumber: string;
  accountName: string;
}

export interface PayoutProvider {
  /**
   * Before anything is sent: registers the account with the provider (a
   * Paystack transfer recipient). Undefined when ready; a `failed` result is
   * a definite refusal (nothing was sent), any other means try again later.
   */
  prepare?(account: PayoutAccount): Promise<PayoutResult | undefined>;
  /** Sends once per reference; the reference is the provider's idempotency key. */
  send(input: PayoutAccount & { reference: string; amount: bigint; reason: string }): Promise<PayoutResult>;
  requery(reference: string): Promise<PayoutResult>;
  /** The banks it pays to; throws AppError bank_unavailable when it cannot say. */
  listBanks?(): Promise<Bank[]>;
  /** The holder's name; undefined when the bank does not know the account; throws AppError bank_unavailable. */
  resolveAccount?(bankCode: string, accountNumber: string): Promise<string | undefined>;
}

/**
 * PAYOUT_MODE=disabled: no withdrawal is accepted, and one accepted before the switch is never
 * paid by a simulator nor refunded on a guess: it stays pending (money held) for an operator.
 */
export function createDisabledPayouts(): PayoutProvider {
  return {
    async send() {
      return { outcome: 'unknown', message: 'payouts are disabled (PAYOUT_MODE=disabled)' };
    },
    async requery() {
      return { outcome: 'pending', message: 'payouts are disabled (PAYOUT_MODE=disabled)' };
    },
  };
}
