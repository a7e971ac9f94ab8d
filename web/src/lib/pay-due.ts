/**
 * "Pay all due": one request for several bills, with one idempotency key kept for the whole
 * attempt (a retry after a network failure reuses it, so nothing is paid twice).
 *
 * The submit is a small pipeline of steps: `authorise` runs before the request and may add
 * headers. Today it adds none; when a transaction PIN is required it is where the PIN pad
 * collects the PIN and returns its header (`x-transaction-pin`), without touching the rest.
 */
import { api, newIdempotencyKey } from './api';
import type { PayAllResult } from './types';

export interface PayAllDraft {
  walletId: string;
  billReferences: string[];
  /** Kept across retries of the same confirmation. */
  idempotencyKey: string;
}

export const newPayAllDraft = (walletId: string, billReferences: string[]): PayAllDraft => ({
  walletId,
  billReferences,
  idempotencyKey: newIdempotencyKey(),
});

/** Extra headers a confirmation step supplies (a PIN later); none today. */
export type Authorise = (draft: PayAllDraft) => Promise<Record<string, string>>;
export const noAuthorisation: Authorise = async () => ({});

export async function submitPayAll(draft: PayAllDraft, authorise: Authorise = noAuthorisation) {
  const headers = await authorise(draft);
  return api.post<PayAllResult>(
    '/v1/bills/due/pay',
    { walletId: draft.walletId, billReferences: draft.billReferences },
    { idempotencyKey: draft.idempotencyKey, headers },
  );
}
