import type { AppContext } from '../context.js';
import { type AppError, type ErrorCode, statusOf } from '../errors/index.js';
import { problem } from '../http/errors.js';
import { completeIdempotent, type IdempotencyClaim } from '../idempotency/index.js';
import type { ResultCode } from '../ledger/index.js';

type Refusal = { status: number; body: ReturnType<typeof problem> };

/** A stored (replayable) refusal: the status comes from the code's entry in the registry. */
const refusal = (code: ErrorCode, detail: string): Refusal => ({
  status: statusOf(code),
  body: problem(statusOf(code), code, detail),
});

/** How a refused ledger transaction is told to the customer: status, code, message. */
export function ledgerRefusal(code: ResultCode): Refusal {
  switch (code) {
    case 'insufficient_funds':
      return refusal('insufficient_funds', 'The wallet does not have enough available funds');
    case 'account_frozen':
      return refusal('wallet_frozen', 'A wallet in this transfer is frozen');
    case 'account_closed':
      return refusal('wallet_closed', 'A wallet in this transfer is closed');
    case 'currency_mismatch':
      return refusal('currency_mismatch', 'Both wallets must hold the same currency');
    case 'exists_with_different_fields':
      return refusal('idempotency_key_reused', 'This request id was used for another transfer');
    default:
      return refusal('ledger_refused', `The ledger refused the transaction (${code})`);
  }
}

/**
 * A limit refusal (the ledger's credit_limit_exceeded, which it keeps for the
 * transaction id) stored as the key's answer, with which limit and when it
 * resets as they were then: a retry of the key is told the same.
 */
export async function storeRefusal(
  ctx: Pick<AppContext, 'db'>,
  claim: IdempotencyClaim,
  error: AppError,
): Promise<Refusal> {
  const stored = {
    status: error.status,
    body: problem(error.status, error.code, error.message, error.extra),
  };
  await ctx.db.transaction((tx) => completeIdempotent(tx, claim, stored.status, stored.body));
  return stored;
}
