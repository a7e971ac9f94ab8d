import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors/index.js';
import {
  answerOfVerdict,
  type ClaimVerdict,
  type IdempotencyClaim,
  type IdempotentResult,
  type Replay,
} from '../idempotency/index.js';
import { assertCanDebit, chargeLimits } from '../kyc/index.js';
import { findUserByEmail, findUserByPhone, getUserFacts, normalizePhone } from '../identity/index.js';
import type { BatchWrite, Leg, TransactionResult } from '../ledger/index.js';
import type { RiskAttempt, RiskVerdict } from '../risk/index.js';
import { getAccountFact, getAccountFacts } from './account-facts.js';
import { ledgerRefusal, storeRefusal } from './problems.js';
import { answerRiskVerdict } from './transfer-review.js';
import { walletIdFor } from './wallets.js';

const TRANSFER_NAMESPACE = '5c2e8a1f-7b3d-4e6a-8c9f-1d3b5a7c9e2f';
export const MAX_NARRATION_LENGTH = 140;

export type Recipient = { walletId: string } | { email: string } | { phone: string };

export interface TransferInput {
  fromWalletId: string;
  to: Recipient;
  amount: bigint;
  narration?: string;
}

export interface TransferView {
  id: string;
  status: 'completed' | 'pending_review';
  amount: bigint;
  currency: string;
  fromWalletId: string;
  toWalletId: string;
  recipient: { name: string };
  narration: string;
  createdAt: string;
}

const isRiskVerdict = (v: unknown): v is RiskVerdict => (v as { kind?: string } | undefined)?.kind === 'risk';

const recipientNotFound = () => new AppError('recipient_not_found', 'No Vendra user matches that recipient');

/** Finds the person a customer wants to pay, by email or phone (for the name check before sending). */
export async function resolveRecipient(ctx: AppContext, to: { email: string } | { phone: string }) {
  const user =
    'email' in to
      ? await findUserByEmail(ctx.db, to.email)
      : await findUserByPhone(ctx.db, normalizePhone(to.phone) ?? to.phone);
  if (user?.status !== 'active') throw recipientNotFound();
  return user;
}

interface Party {
  walletId: string;
  userId: string;
  currency: string;
}

/** The sending wallet (the caller's own) and the receiving one, without reading balances: the ledger decides funds. */
async function parties(ctx: AppContext, userId: string, input: TransferInput) {
  // Both wallets in one round trip when the recipient is named by wallet.
  const byId = await getAccountFacts(
    ctx.db,
    'walletId' in input.to ? [input.fromWalletId, input.to.walletId] : [input.fromWalletId],
  );
  const fromAccount = byId.get(input.fromWalletId.toLowerCase());
  if (fromAccount?.type !== 'user_wallet' || fromAccount.ownerId !== userId) throw notFound('Wallet');
  const from: Party = { walletId: fromAccount.id, userId, currency: fromAccount.currency };
  let to: Party;
  if ('walletId' in input.to) {
    const account = byId.get(input.to.walletId.toLowerCase());
    if (account?.type !== 'user_wallet' || !account.ownerId) throw recipientNotFound();
    to = { walletId: account.id, userId: account.ownerId, currency: account.currency };
    if (to.currency !== from.currency) {
      throw new AppError(
        'currency_mismatch',
        `The recipient wallet holds ${to.currency}, yours ${from.currency}`,
      );
    }
  } else {
    const user = await resolveRecipient(ctx, input.to);
    const account = await getAccountFact(ctx.db, walletIdFor(user.id, from.currency));
    if (!account) throw new AppError('currency_mismatch', `The recipient has no ${from.currency} wallet`);
    to = { walletId: account.id, userId: user.id, currency: account.currency };
  }
  return { from, to };
}

/**
 * Sends money from the caller's wallet to another person's, synchronously,
 * through the ledger batcher. The ledger transaction's id is derived from the
 * idempotency key, and the idempotency record, the risk journal and the outbox
 * event are written in the same database transaction as the money. The key
 * is claimed first in the batch, then the risk rules decide on counts read
 * under the person's lock.
 */
export async function transfer(
  ctx: AppContext,
  userId: string,
  input: TransferInput,
  claim: IdempotencyClaim,
): Promise<IdempotentResult | Replay> {
  const t = await prepareTransfer(ctx, userId, input, claim);
  const outcome = await ctx.ledger.submitChecked(
    {
      id: t.id,
      kind: 'transfer',
      currency: t.held.currency,
      code: 'transfer',
      legs: t.legs,
      metadata: {
        description: t.description,
        reference: t.id,
        from: { walletId: t.held.fromWalletId, userId, name: t.held.senderName },
        to: { walletId: t.held.toWalletId, userId: t.held.toUserId, name: t.view.recipient.name },
      },
    },
    [
      { checker: 'idempotency', row: claim },
      { checker: 'risk', row: t.attempt },
    ],
    // The risk checker locks the sender: their next transfer waits for this batch in the queue.
    { writes: (r) => transferWrites(r, t, claim), serializeOn: [`person:${userId}`] },
  );
  if (outcome.kind === 'skipped' && isRiskVerdict(outcome.verdict))
    return answerRiskVerdict(ctx, { ...t, claim, verdict: outcome.verdict });
  if (outcome.kind === 'skipped') return answerOfVerdict(outcome.verdict as ClaimVerdict);
  if (!outcome.result.ok && outcome.result.code === 'credit_limit_exceeded')
    return storeRefusal(ctx, claim, await t.limits.refusal());
  if (!outcome.result.ok) return ledgerRefusal(outcome.result.code);
  return { status: 201, body: t.view };
}

/** Everything decided before the batch: who pays whom, the limit legs, the risk attempt, the answer. */
async function prepareTransfer(
  ctx: AppContext,
  userId: string,
  input: TransferInput,
  claim: IdempotencyClaim,
) {
  const { from, to } = await parties(ctx, userId, input);
  await assertCanDebit(ctx, userId, from.walletId); // post-no-debit (person or wallet): may receive, not send
  if (to.walletId === from.walletId || to.userId === userId) {
    throw new AppError('self_transfer', 'You cannot send money to yourself');
  }
  const users = await getUserFacts(ctx.db, [userId, to.userId]);
  const sender = users.get(userId);
  if (!sender) throw notFound('User');
  const recipient = users.get(to.userId);
  // Checked here, after every way of naming the recipient (wallet id, email, phone) has
  // converged: a frozen person receives nothing, and is told apart from no one.
  if (recipient?.status !== 'active') throw recipientNotFound();
  const limits = await chargeLimits(
    ctx,
    { debtor: userId, creditor: to.userId },
    from.currency,
    input.amount,
  );
  const id = uuidv5(`transfer:${claim.scope}:${claim.key}`, TRANSFER_NAMESPACE);
  // By code points, so an emoji is never cut in half (a lone surrogate).
  const narration = Array.from(input.narration ?? '')
    .slice(0, MAX_NARRATION_LENGTH)
    .join('');
  const view: TransferView = {
    id,
    status: 'completed',
    amount: input.amount,
    currency: from.currency,
    fromWalletId: from.walletId,
    toWalletId: to.walletId,
    recipient: { name: recipient.fullName },
    narration,
    createdAt: new Date().toISOString(),
  };
  const legs: Leg[] = [
    { accountId: from.walletId, side: 'D', amount: input.amount },
    { accountId: to.walletId, side: 'C', amount: input.amount },
    ...limits.legs,
  ];
  const attempt: RiskAttempt = {
    userId,
    kind: 'transfer',
    amount: input.amount,
    currency: from.currency,
    counterparty: `wallet:${to.walletId}`,
    reference: id,
    at: new Date(),
  };
  const held = {
    transferId: id,
    fromUserId: userId,
    toUserId: to.userId,
    fromWalletId: from.walletId,
    toWalletId: to.walletId,
    amount: input.amount.toString(),
    currency: from.currency,
    senderName: sender.fullName,
  };
  return { id, view, legs, attempt, held, limits, description: narration || 'Transfer' };
}

type Prepared = Awaited<ReturnType<typeof prepareTransfer>>;

/** What commits with the money: the key's answer, the risk journal, the transfer.completed event. */
function transferWrites(r: TransactionResult, t: Prepared, claim: IdempotencyClaim): BatchWrite[] {
  if (!r.ok && r.code === 'credit_limit_exceeded') return []; // stored after, with which limit it was
  if (!r.ok) {
    const refusal = ledgerRefusal(r.code);
    return [{ writer: 'idempotency', row: { claim, status: refusal.status, body: refusal.body } }];
  }
  const done: BatchWrite = { writer: 'idempotency', row: { claim, status: 201, body: t.view } };
  if (r.replayed) return [done]; // committed earlier with its event
  const { at: _at, ...debit } = t.attempt;
  const { held } = t;
  return [
    done,
    { writer: 'risk.debits', row: debit },
    {
      writer: 'outbox',
      row: {
        type: 'transfer.completed',
        key: t.id,
        userId: held.toUserId,
        payload: {
          transferId: t.id,
          fromUserId: held.fromUserId,
          toUserId: held.toUserId,
          fromWalletId: held.fromWalletId,
          toWalletId: held.toWalletId,
          amount: t.attempt.amount,
          currency: held.currency,
          senderName: held.senderName,
        },
      },
    },
  ];
}
