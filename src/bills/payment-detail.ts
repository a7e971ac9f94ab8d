import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import { getUser } from '../identity/index.js';
import { getAccounts, getTransactionPostings } from '../ledger/index.js';
import { BILLS_NAMESPACE, getPaymentView, loadPayment } from './payments.js';
import { providerCalls } from './provider-stats.js';

/** An operator's view of a payment: its timeline, provider calls, ledger postings (named) and customer. */
export async function paymentDetail(db: AppContext['db'], id: string) {
  const view = await getPaymentView(db, id);
  const p = (await loadPayment(db, id))!;
  const calls = await providerCalls(db, p.id);
  const postings = await getTransactionPostings(db, ledgerTransactionIds(p.hold_id));
  // Only the accounts these postings touch (a handful), however many accounts the ledger holds.
  const accounts = await getAccounts(db, [...new Set(postings.map((x) => x.accountId))]);
  const user = await getUser(db, p.user_id);
  return {
    ...view,
    provider: p.provider,
    providerCalls: calls,
    postings: postings.map((x) => ({
      ...x,
      accountName: accounts.get(x.accountId)?.name ?? x.accountId,
      createdAt: x.createdAt.toISOString(),
    })),
    user: user ? { id: user.id, email: user.email, fullName: user.fullName } : null,
  };
}

/** The ledger transactions of a payment: the hold and whatever resolved or compensated it. */
function ledgerTransactionIds(holdId: string): string[] {
  return [holdId, ...['post', 'void', 'reversal'].map((w) => uuidv5(`${w}:${holdId}`, BILLS_NAMESPACE))];
}
