/**
 * "Pay all due": one request for several bills, with one idempotency key kept for the whole
 * attempt (a retry after a network failure reuses it, so nothing is paid twice).
 *
 * The submit is a small pipeline of steps: `authorise` runs before the request and adds its
 * headers: the confirmation screen's PIN pad returns the transaction PIN (`x-transaction-pin`).
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

/** Extra headers a confirmation step supplies (the transaction PIN). */
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
