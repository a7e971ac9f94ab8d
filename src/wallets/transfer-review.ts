/**
 * Transfers the risk rules hold for review: the money is held in the ledger
 * (a hold with the transfer's own legs, limits included, and no expiry) and
 * the transfer answers 202 pending_review; an operator's decision on the case
 * posts the hold (the money reaches the recipient, transfer.completed is
 * published) or voids it (the money and the day's allowance go back).
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { createTransactions, getTransaction, type Leg, type TransactionResult } from '../ledger/index.js';
import { publish } from '../outbox/index.js';
import type { CaseRef, HoldResolver, RiskAttempt, RiskVerdict } from '../risk/index.js';
import { riskBlocked } from '../risk/index.js';
import { ledgerRefusal, storeRefusal } from './problems.js';

const NAMESPACE = '0c6f3a52-9b1e-4d7c-a8e2-5f4b3c2d1e0a';

/** The ledger hold of a transfer held for review, derived from the transfer's id. */
export const reviewHoldId = (transferId: string) => uuidv5(`transfer-review:${transferId}`, NAMESPACE);

/** What the resolver needs to complete a held transfer, kept in the hold's metadata. */
export interface HeldTransfer {
  transferId: string;
  fromUserId: string;
  toUserId: string;
  fromWalletId: string;
  toWalletId: string;
  amount: string;
  currency: string;
  senderName: string;
  caseId: string;
}

export interface ReviewInput {
  claim: IdempotencyClaim;
  verdict: RiskVerdict;
  legs: Leg[];
  held: Omit<HeldTransfer, 'caseId'>;
  description: string;
  view: object;
  attempt: RiskAttempt;
}

/**
 * Answers a transfer the risk checker stopped: 403 risk_blocked (stored for
 * the key), or the money held with the key's answer 202 pending_review.
 */
export async function answerRiskVerdict(ctx: AppContext, input: ReviewInput): Promise<IdempotentResult> {
  const { claim, verdict } = input;
  if (verdict.action === 'block') return storeRefusal(ctx, claim, riskBlocked(verdict.fired, verdict.caseId));
  const body = { ...input.view, status: 'pending_review', caseId: verdict.caseId };
  const { attempt } = input;
  const r = await ctx.ledger.submit(
    {
      id: reviewHoldId(input.held.transferId),
      kind: 'hold',
      currency: input.held.currency,
      code: 'transfer',
      legs: input.legs,
      metadata: {
        description: `${input.description} (held for review)`,
        reference: input.held.transferId,
        review: { ...input.held, caseId: verdict.caseId },
      },
    },
    {
      writes: (res: TransactionResult) =>
        res.ok
          ? [
              { writer: 'idempotency', row: { claim, status: 202, body } },
              {
                writer: 'risk.debits',
                row: {
                  userId: attempt.userId,
                  kind: attempt.kind,
                  amount: attempt.amount,
                  currency: attempt.currency,
                  counterparty: attempt.counterparty,
                  reference: attempt.reference,
                },
              },
            ]
          : [],
    },
  );
  if (r.ok) return { status: 202, body };
  const refusal = ledgerRefusal(r.code);
  await ctx.db.transaction((tx) => completeIdempotent(tx, claim, refusal.status, refusal.body));
  return refusal;
}

async function heldOf(tx: Tx, ref: CaseRef): Promise<{ holdId: string; held: HeldTransfer }> {
  const transferId = ref.references[0];
  if (!transferId) throw new Error(`risk case ${ref.caseId}: no transfer reference`);
  const holdId = reviewHoldId(transferId);
  const hold = await getTransaction(tx, holdId);
  const held = hold?.metadata.review as HeldTransfer | undefined;
  if (!held) throw new AppError('not_found', 'The held transfer of this case was not found');
  return { holdId, held };
}

async function resolveHold(tx: Tx, holdId: string, kind: 'post' | 'void') {
  const [r] = await createTransactions(tx, [
    { id: uuidv5(`${kind}:${holdId}`, NAMESPACE), kind, pendingId: holdId, code: 'transfer' },
  ]);
  if (!r?.ok) throw new Error(`held transfer ${holdId}: ${kind} refused: ${r?.code}`);
  return r;
}

/** The risk module's resolver for held transfers (registered by the composition root). */
export const transferReviewResolver: HoldResolver = {
  async release(tx, _ctx, ref) {
    const { holdId, held } = await heldOf(tx, ref);
    const r = await resolveHold(tx, holdId, 'post');
    if (r.replayed) return; // released before, with its event
    await publish(tx, {
      type: 'transfer.completed',
      key: held.transferId,
      userId: held.toUserId,
      payload: {
        transferId: held.transferId,
        fromUserId: held.fromUserId,
        toUserId: held.toUserId,
        fromWalletId: held.fromWalletId,
        toWalletId: held.toWalletId,
        amount: BigInt(held.amount),
        currency: held.currency,
        senderName: held.senderName,
      },
    });
  },
  async refuse(tx, _ctx, ref) {
    const { holdId } = await heldOf(tx, ref);
    await resolveHold(tx, holdId, 'void');
  },
};
