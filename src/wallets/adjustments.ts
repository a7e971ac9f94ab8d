/**
 * Manual refunds and adjustments by staff: a ledger transaction between the
 * customer's wallet and suspense (credit: suspense -> wallet; debit: wallet ->
 * suspense), with a reason, audited in the same database transaction, once per
 * Idempotency-Key (the ledger id is derived from the key). Above
 * ADJUSTMENT_ADMIN_ABOVE only an admin may make one.
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import { AppError, type ErrorCode, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { createTransactions } from '../ledger/index.js';
import { ledgerRefusal } from './problems.js';
import { systemAccountId } from './system-accounts.js';
import { getWallet } from './wallets.js';

const NAMESPACE = '8d3f2b6a-1c4e-4a7b-9e2d-5f6a7b8c9d0e';

export interface AdjustmentInput {
  walletId: string;
  direction: 'credit' | 'debit';
  amount: bigint;
  reason: string;
  /** The transaction it corrects or refunds (a payment, transfer, deposit, withdrawal), if any. */
  relatedId?: string;
}

export async function adjustWallet(
  ctx: AppContext,
  actor: Actor,
  input: AdjustmentInput,
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  if (input.amount > ctx.config.adjustmentAdminAbove && actor.auth.role !== 'admin')
    throw new AppError(
      'adjustment_needs_admin',
      `Adjustments above ${ctx.config.adjustmentAdminAbove} minor units need an admin`,
      { limit: String(ctx.config.adjustmentAdminAbove) },
    );
  const id = uuidv5(`adjustment:${claim.scope}:${claim.key}`, NAMESPACE);
  return ctx.db.transaction(async (tx) => {
    const wallet = await getWallet(tx, input.walletId);
    if (!wallet) throw notFound('Wallet');
    const suspense = systemAccountId('suspense', wallet.currency);
    const credit = input.direction === 'credit';
    const [r] = await createTransactions(tx, [
      {
        id,
        kind: 'transfer',
        currency: wallet.currency,
        code: 'manual_adjustment',
        legs: [
          { accountId: credit ? suspense : wallet.id, side: 'D', amount: input.amount },
          { accountId: credit ? wallet.id : suspense, side: 'C', amount: input.amount },
        ],
        metadata: {
          description: credit ? 'Refund by Vendra' : 'Correction by Vendra',
          reference: id,
          reason: input.reason,
          relatedId: input.relatedId ?? null,
          actorId: actor.auth.userId,
        },
      },
    ]);
    if (!r?.ok) {
      const refused = ledgerRefusal(r?.code ?? 'account_not_found');
      throw new AppError(refused.body.code as ErrorCode, String(refused.body.detail));
    }
    const body = {
      id,
      walletId: wallet.id,
      userId: wallet.userId,
      direction: input.direction,
      amount: input.amount,
      currency: wallet.currency,
      reason: input.reason,
      relatedId: input.relatedId ?? null,
    };
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: credit ? 'wallet.adjustment_credit' : 'wallet.adjustment_debit',
      targetType: 'wallet',
      targetId: wallet.id,
      before: { balance: String(wallet.balance) },
      after: {
        balance: String(credit ? wallet.balance + input.amount : wallet.balance - input.amount),
        transactionId: id,
      },
      reason: input.reason,
      requestId: actor.requestId,
    });
    // Amounts are below 2^53 (the route caps them), so the stored answer replays as the same JSON integer.
    await completeIdempotent(tx, claim, 201, { ...body, amount: Number(body.amount) });
    return { status: 201, body };
  });
}
