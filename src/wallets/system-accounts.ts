import { v5 as uuidv5 } from 'uuid';
import type { Tx } from '../db/index.js';
import { type AccountType, createAccount } from '../ledger/index.js';

/** Hot system accounts spread over this many balance rows (see README, hot accounts). */
export const SYSTEM_ACCOUNT_BUCKETS = 32;
const NAMESPACE = '3b0f5d8e-6c1a-4f0e-9d7b-2a4c6e8f1a3b';

export const SUPPORTED_CURRENCIES = ['NGN', 'USD', 'GHS', 'KES', 'ZAR', 'EUR', 'GBP', 'XOF'] as const;

const keyOf = (type: AccountType, currency: string, suffix?: string) =>
  `system:${type}:${currency}${suffix ? `:${suffix}` : ''}`;

/**
 * The id of a system account (gateway clearing, payout clearing, fee revenue,
 * provider float, ...), derived from its key so that no lookup is needed on
 * the hot path. {@link ensureSystemAccounts} creates them at start-up.
 */
export function systemAccountId(type: AccountType, currency: string, suffix?: string): string {
  return uuidv5(keyOf(type, currency, suffix), NAMESPACE);
}

export interface SystemAccountSpec {
  type: AccountType;
  currency: string;
  suffix?: string;
  name?: string;
}

/**
 * Creates the system accounts (idempotent by key). They have no balance
 * limit, so they are bucketed and never row-locked by transfers.
 */
export async function ensureSystemAccounts(tx: Tx, specs: readonly SystemAccountSpec[]): Promise<void> {
  for (const s of specs) {
    await createAccount(tx, {
      id: systemAccountId(s.type, s.currency, s.suffix),
      key: keyOf(s.type, s.currency, s.suffix),
      currency: s.currency,
      type: s.type,
      name: s.name ?? `${s.type.replaceAll('_', ' ')} ${s.currency}${s.suffix ? ` (${s.suffix})` : ''}`,
      buckets: SYSTEM_ACCOUNT_BUCKETS,
    });
  }
}

/** The system accounts the wallet features use, for every supported currency. */
export function walletSystemAccounts(): SystemAccountSpec[] {
  return SUPPORTED_CURRENCIES.flatMap((currency) =>
    (['gateway_clearing', 'payout_clearing', 'fee_revenue', 'suspense'] as const).map((type) => ({
      type,
      currency,
    })),
  );
}
