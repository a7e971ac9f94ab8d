import { problem } from '../http/errors.js';
import type { ResultCode } from '../ledger/index.js';

/** How a refused ledger transaction is told to the customer: status, code, message. */
export function ledgerRefusal(code: ResultCode): { status: number; body: ReturnType<typeof problem> } {
  switch (code) {
    case 'insufficient_funds':
      return {
        status: 422,
        body: problem(422, 'insufficient_funds', 'The wallet does not have enough available funds'),
      };
    case 'account_frozen':
      return { status: 422, body: problem(422, 'wallet_frozen', 'A wallet in this transfer is frozen') };
    case 'account_closed':
      return { status: 422, body: problem(422, 'wallet_closed', 'A wallet in this transfer is closed') };
    case 'currency_mismatch':
      return {
        status: 422,
        body: problem(422, 'currency_mismatch', 'Both wallets must hold the same currency'),
      };
    case 'exists_with_different_fields':
      return {
        status: 422,
        body: problem(422, 'idempotency_key_reused', 'This request id was used for another transfer'),
      };
    default:
      return {
        status: 500,
        body: problem(500, 'ledger_refused', `The ledger refused the transaction (${code})`),
      };
  }
}
