import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../http/errors.js';
import type { IdempotencyClaim, IdempotentResult } from '../idempotency/index.js';
import { findUserByEmail, findUserByPhone, getUser, normalizePhone } from '../identity/index.js';
import type { BatchWrite } from '../ledger/index.js';
import { ledgerRefusal } from './problems.js';
import { getOwnWallet, getWallet, type Wallet, walletIdFor } from './wallets.js';

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
  status: 'completed';
  amount: bigint;
  currency: string;
  fromWalletId: string;
  toWalletId: string;
  recipient: { name: string };
  narration: string;
  createdAt: string;
}

const recipientNotFound = () =>
  new AppError(404, 'recipient_not_found', 'No Vendra user matches that recipient');

/** Finds the person a customer wants to pay, by email or phone (for the name check before sending). */
export async function resolveRecipient(ctx: AppContext, to: { email: string } | { phone: string }) {
  const user =
    'email' in to
      ? await findUserByEmail(ctx.db, to.email)
      : await findUserByPhone(ctx.db, normalizePhone(to.phone) ?? to.phone);
  if (user?.status !== 'active') throw recipientNotFound();
  return user;
}

async function recipientWallet(
  ctx: AppContext,
  to: Recipient,
  from: Wallet,
): Promise<{ wallet: Wallet; name: string }> {
  if ('walletId' in to) {
    const wallet = await getWallet(ctx.db, to.walletId);
    if (!wallet) throw recipientNotFound();
    const user = await getUser(ctx.db, wallet.userId);
    if (wallet.currency !== from.currency) {
      throw new AppError(
        422,
        'currency_mismatch',
        `The recipient wallet holds ${wallet.currency}, yours ${from.currency}`,
      );
    }
    return { wallet, name: user?.fullName ?? 'Vendra user' };
  }
  const user = await resolveRecipient(ctx, to);
  const wallet = await getWallet(ctx.db, walletIdFor(user.id, from.currency));
  if (!wallet) {
    throw new AppError(422, 'currency_mismatch', `The recipient has no ${from.currency} wallet`);
  }
  return { wallet, name: user.fullName };
}

/**
 * Sends money from the caller's wallet to another person's, synchronously,
 * through the ledger batcher. The ledger transaction's id is derived from the
 * idempotency key, and the idempotency record and the outbox event are
 * written in the same database transaction as the money.
 */
export async function transfer(
  ctx: AppContext,
  userId: string,
  input: TransferInput,
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  const from = await getOwnWallet(ctx.db, userId, input.fromWalletId);
  const { wallet: to, name } = await recipientWallet(ctx, input.to, from);
  if (to.id === from.id || to.userId === userId) {
    throw new AppError(422, 'self_transfer', 'You cannot send money to yourself');
  }
  const sender = await getUser(ctx.db, userId);
  if (!sender) throw notFound('User');
  const id = uuidv5(`transfer:${claim.scope}:${claim.key}`, TRANSFER_NAMESPACE);
  const narration = (input.narration ?? '').slice(0, MAX_NARRATION_LENGTH);
  const view: TransferView = {
    id,
    status: 'completed',
    amount: input.amount,
    currency: from.currency,
    fromWalletId: from.id,
    toWalletId: to.id,
    recipient: { name },
    narration,
    createdAt: new Date().toISOString(),
  };
  const result = await ctx.ledger.submit(
    {
      id,
      kind: 'transfer',
      currency: from.currency,
      code: 'transfer',
      legs: [
        { accountId: from.id, side: 'D', amount: input.amount },
        { accountId: to.id, side: 'C', amount: input.amount },
      ],
      metadata: {
        description: narration || 'Transfer',
        reference: id,
        from: { walletId: from.id, userId, name: sender.fullName },
        to: { walletId: to.id, userId: to.userId, name },
      },
    },
    {
      writes: (r): BatchWrite[] => {
        if (!r.ok) {
          const refusal = ledgerRefusal(r.code);
          return [{ writer: 'idempotency', row: { claim, status: refusal.status, body: refusal.body } }];
        }
        const done: BatchWrite = { writer: 'idempotency', row: { claim, status: 201, body: view } };
        if (r.replayed) return [done]; // committed earlier with its event
        return [
          done,
          {
            writer: 'outbox',
            row: {
              type: 'transfer.completed',
              key: id,
              userId: to.userId,
              payload: {
                transferId: id,
                fromUserId: userId,
                toUserId: to.userId,
                fromWalletId: from.id,
                toWalletId: to.id,
                amount: input.amount,
                currency: from.currency,
                senderName: sender.fullName,
              },
            },
          },
        ];
      },
    },
  );
  if (!result.ok) return ledgerRefusal(result.code);
  return { status: 201, body: view };
}
