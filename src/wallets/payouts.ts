import { createHash } from 'node:crypto';
import type { Db } from '../db/index.js';

/**
 * The payout provider (bank transfers out). The simulated one is the default:
 * outcomes are keyed by account number so that every path can be exercised.
 *
 * | account number | outcome |
 * |---|---|
 * | 9999999999 | account name lookup fails (account not found) |
 * | 0000000001 | payout fails (definite: account closed at the bank) |
 * | 0000000002 | payout pending; settles as success PAYOUT_SIM_PENDING_MS later (default 3000) |
 * | 0000000003 | the answer is lost (timeout); it was sent: requery shows success |
 * | 0000000004 | the answer is lost and it never arrived: requery says not found |
 * | any other 10 digits | succeeds at once |
 */
export type PayoutOutcome = 'success' | 'failed' | 'pending' | 'unknown' | 'not_found';

export interface PayoutResult {
  outcome: PayoutOutcome;
  message?: string;
}

export interface Bank {
  code: string;
  name: string;
}

export const BANKS: readonly Bank[] = [
  { code: '044', name: 'Access Bank' },
  { code: '023', name: 'Citibank Nigeria' },
  { code: '050', name: 'Ecobank Nigeria' },
  { code: '070', name: 'Fidelity Bank' },
  { code: '011', name: 'First Bank of Nigeria' },
  { code: '214', name: 'First City Monument Bank' },
  { code: '058', name: 'Guaranty Trust Bank' },
  { code: '030', name: 'Heritage Bank' },
  { code: '082', name: 'Keystone Bank' },
  { code: '50515', name: 'Moniepoint MFB' },
  { code: '999992', name: 'OPay' },
  { code: '999991', name: 'PalmPay' },
  { code: '076', name: 'Polaris Bank' },
  { code: '221', name: 'Stanbic IBTC Bank' },
  { code: '068', name: 'Standard Chartered' },
  { code: '232', name: 'Sterling Bank' },
  { code: '032', name: 'Union Bank of Nigeria' },
  { code: '033', name: 'United Bank for Africa' },
  { code: '215', name: 'Unity Bank' },
  { code: '035', name: 'Wema Bank' },
  { code: '057', name: 'Zenith Bank' },
];

export const isBank = (code: string) => BANKS.some((b) => b.code === code);

const FIRST = [
  'Adaeze',
  'Babatunde',
  'Chinedu',
  'Damilola',
  'Emeka',
  'Funmilayo',
  'Garba',
  'Halima',
  'Ifeoma',
  'Kelechi',
];
const LAST = [
  'Okafor',
  'Adeyemi',
  'Bello',
  'Eze',
  'Ibrahim',
  'Nwosu',
  'Okonkwo',
  'Balogun',
  'Mohammed',
  'Obi',
];

/** The account holder's name as the bank has it (deterministic in the simulator). */
export function resolveAccountName(bankCode: string, accountNumber: string): string | undefined {
  if (!isBank(bankCode) || !/^\d{10}$/.test(accountNumber) || accountNumber === '9999999999')
    return undefined;
  const h = createHash('sha256').update(`${bankCode}:${accountNumber}`).digest();
  return `${FIRST[(h[0] as number) % FIRST.length]} ${LAST[(h[1] as number) % LAST.length]}`.toUpperCase();
}

export interface PayoutProvider {
  send(input: {
    reference: string;
    bankCode: string;
    accountNumber: string;
    amount: bigint;
  }): Promise<PayoutResult>;
  requery(reference: string): Promise<PayoutResult>;
}

/** The simulated payout provider, persisted in wallets.payout_sim. */
export function createSimulatedPayouts(db: Db, pendingMs = 3000): PayoutProvider {
  const provider: PayoutProvider = {
    async send({ reference, accountNumber }) {
      const { rows } = await db.query<{ outcome: string }>(
        'SELECT outcome FROM wallets.payout_sim WHERE reference = $1',
        [reference],
      );
      if (rows[0]) return provider.requery(reference); // idempotent by reference: never pays twice
      if (accountNumber === '0000000004') return { outcome: 'unknown', message: 'timeout' };
      const outcome =
        accountNumber === '0000000001' ? 'failed' : accountNumber === '0000000002' ? 'pending' : 'success';
      const settleMs = outcome === 'pending' ? pendingMs : 0;
      await db.query(
        `INSERT INTO wallets.payout_sim (reference, outcome, settle_at)
         VALUES ($1, $2, now() + make_interval(secs => $3::double precision / 1000)) ON CONFLICT DO NOTHING`,
        [reference, outcome, settleMs],
      );
      if (accountNumber === '0000000003') return { outcome: 'unknown', message: 'timeout' };
      return { outcome, message: outcome === 'failed' ? 'Beneficiary account is closed' : undefined };
    },
    async requery(reference) {
      const { rows } = await db.query<{ outcome: string; settled: boolean }>(
        'SELECT outcome, settle_at <= now() AS settled FROM wallets.payout_sim WHERE reference = $1',
        [reference],
      );
      const row = rows[0];
      if (!row) return { outcome: 'not_found' };
      if (row.outcome === 'pending') return { outcome: row.settled ? 'success' : 'pending' };
      return { outcome: row.outcome as PayoutOutcome };
    },
  };
  return provider;
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
