/**
 * Bank transfers in: a transfer to a person's dedicated account number
 * credits their wallet through the same settlement as a card deposit
 * (settleDeposit: limits applied, over the cap held in suspense and flagged),
 * exactly once per gateway reference. A transfer to a number we do not know
 * goes to suspense and waits for an operator, who credits it to a wallet or
 * returns it to the sender (suspense -> payout clearing), audited in the same
 * transaction. wallets.inbound_transfers holds every one, so a redelivered
 * webhook is a duplicate whichever way it went the first time.
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { transitionRow } from '../db/state-machine.js';
import { AppError, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { createTransactions, isUuid, type Leg } from '../ledger/index.js';
import { publish } from '../outbox/index.js';
import { creditLimitsFor, type CreditLimits, type DepositRow, settleDeposit } from './deposits.js';
import { findFundingAccountByNumber, type FundingAccountRow } from './funding-accounts.js';
import type { FundingEvent } from './funding-provider.js';
import { type InboundStatus, inboundStates } from './funding-states.js';
import { SUPPORTED_CURRENCIES, systemAccountId } from './system-accounts.js';
import { getWallet } from './wallets.js';
import { type GatewayWebhookBody, recordWebhook } from './webhook-log.js';

const NAMESPACE = 'c4a1e7d2-93b5-4f08-b6e2-7a9d1c3f5e80';
export const MAX_INBOUND_PAGE = 100;

type Inbound = Extract<FundingEvent, { kind: 'inbound' }> & { amount: bigint };

export interface InboundRow {
  id: string;
  reference: string;
  account_number: string;
  amount: bigint;
  currency: string;
  sender_name: string | null;
  sender_bank: string | null;
  sender_account: string | null;
  funding_account_id: string | null;
  wallet_id: string | null;
  deposit_id: string | null;
  status: InboundStatus;
  hold_reason: 'unknown_account' | 'over_limit' | 'not_creditable' | null;
  hold_detail: string | null;
  resolution: 'credited_to_wallet' | 'returned_to_sender' | null;
  resolved_wallet_id: string | null;
  return_reference: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Date;
}

export const inboundView = (r: InboundRow) => ({
  id: r.id,
  reference: r.reference,
  accountNumber: r.account_number,
  amount: r.amount,
  currency: r.currency.trim(),
  sender: { name: r.sender_name, bank: r.sender_bank, accountNumber: r.sender_account },
  walletId: r.wallet_id,
  depositId: r.deposit_id,
  status: r.status,
  holdReason: r.hold_reason,
  holdDetail: r.hold_detail,
  resolution: r.resolution,
  resolvedWalletId: r.resolved_wallet_id,
  returnReference: r.return_reference,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

/** The sender as the statement shows it ("Bank transfer from ADAEZE OKAFOR (GTBank)"). */
const senderOf = (t: { sender_name: string | null; sender_bank: string | null }) => ({
  ...(t.sender_name ? { name: t.sender_name } : {}),
  ...(t.sender_bank ? { bank: t.sender_bank } : {}),
});

/**
 * A charge.success on a dedicated account, verified: credits the wallet the
 * account number belongs to, or holds the money in suspense; logs the webhook
 * in the same transaction. Answers credited, flagged (held, a known wallet),
 * unmatched (held, an unknown number), duplicate or invalid.
 */
export async function receiveInboundTransfer(
  ctx: AppContext,
  body: GatewayWebhookBody,
  event: Extract<FundingEvent, { kind: 'inbound' }>,
): Promise<string> {
  // Paystack retries a webhook we fail; one we cannot read is logged and answered, never thrown.
  if (event.amount === null || !(SUPPORTED_CURRENCIES as readonly string[]).includes(event.currency)) {
    await ctx.db.transaction((tx) => recordWebhook(tx, body, 'invalid'));
    return 'invalid';
  }
  const inbound = event as Inbound;
  const found = await findFundingAccountByNumber(ctx.db, inbound.accountNumber);
  const account =
    found?.status === 'assigned' && found.currency.trim() === inbound.currency ? found : undefined;
  const limits = account
    ? await creditLimitsFor(ctx, account.user_id, inbound.currency, inbound.amount)
    : undefined;
  return ctx.db.transaction(async (tx) => {
    // One reference at a time, whichever process: the second delivery then sees the first's row.
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('inbound:' || $1, 0))", [
      inbound.reference,
    ]);
    const seen = await tx.query('SELECT 1 FROM wallets.inbound_transfers WHERE reference = $1', [
      inbound.reference,
    ]);
    let outcome: string;
    if (seen.rows.length > 0) outcome = 'duplicate';
    else if (account && limits) outcome = await creditMatched(ctx, tx, body, inbound, account, limits);
    else outcome = await holdUnmatched(tx, body, inbound);
    await recordWebhook(tx, body, outcome);
    return outcome;
  });
}

const inboundIdOf = (reference: string) => uuidv5(`inbound:${reference}`, NAMESPACE);

async function insertInbound(
  tx: Tx,
  body: GatewayWebhookBody,
  t: Inbound,
  fields: {
    status: InboundStatus;
    holdReason: InboundRow['hold_reason'];
    detail: string | null;
    account?: FundingAccountRow;
    depositId?: string;
  },
) {
  await tx.query(
    `INSERT INTO wallets.inbound_transfers
       (id, reference, account_number, amount, currency, sender_name, sender_bank, sender_account,
        funding_account_id, wallet_id, deposit_id, status, hold_reason, hold_detail, gateway_event)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb)`,
    [
      inboundIdOf(t.reference),
      t.reference,
      t.accountNumber,
      t.amount,
      t.currency,
      t.sender.name?.slice(0, 100) ?? null,
      t.sender.bank?.slice(0, 100) ?? null,
      t.sender.account?.slice(0, 20) ?? null,
      fields.account?.id ?? null,
      fields.account?.wallet_id ?? null,
      fields.depositId ?? null,
      fields.status,
      fields.holdReason,
      fields.detail?.slice(0, 500) ?? null,
      JSON.stringify(body),
    ],
  );
}

/** A transfer to a known account: a bank-transfer deposit, settled as every deposit is. */
async function creditMatched(
  ctx: AppContext,
  tx: Tx,
  body: GatewayWebhookBody,
  t: Inbound,
  account: FundingAccountRow,
  limits: CreditLimits,
): Promise<string> {
  const depositId = uuidv5(`bank-transfer:${t.reference}`, NAMESPACE);
  const sender = senderOf({ sender_name: t.sender.name, sender_bank: t.sender.bank });
  const { rows } = await tx.query<DepositRow>(
    `INSERT INTO wallets.deposits
       (id, reference, user_id, wallet_id, amount, currency, gateway, checkout_url, channel, sender)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, 'bank_transfer', $8::jsonb) RETURNING *`,
    [
      depositId,
      t.reference,
      account.user_id,
      account.wallet_id,
      t.amount,
      t.currency,
      ctx.config.gatewayMode,
      JSON.stringify(sender),
    ],
  );
  const event = { event: String(body.event ?? ''), data: body.data ?? {} };
  const settled = await settleDeposit(ctx, tx, rows[0] as DepositRow, limits, event, {
    metadata: { channel: 'bank_transfer', sender },
    suspenseOnRefusal: true,
  });
  await insertInbound(tx, body, t, {
    status: settled.outcome === 'credited' ? 'credited' : 'held',
    holdReason: settled.outcome === 'credited' ? null : settled.overLimit ? 'over_limit' : 'not_creditable',
    detail: settled.reason ?? null,
    account,
    depositId,
  });
  return settled.outcome;
}

/** A transfer to a number we do not know: gateway clearing -> suspense, listed for operators. */
async function holdUnmatched(tx: Tx, body: GatewayWebhookBody, t: Inbound): Promise<string> {
  const id = inboundIdOf(t.reference);
  const [held] = await createTransactions(tx, [
    {
      id: uuidv5(`inbound-suspense:${id}`, NAMESPACE),
      kind: 'transfer',
      currency: t.currency,
      code: 'inbound_unmatched',
      legs: [
        { accountId: systemAccountId('gateway_clearing', t.currency), side: 'D', amount: t.amount },
        { accountId: systemAccountId('suspense', t.currency), side: 'C', amount: t.amount },
      ],
      metadata: { description: 'Unmatched bank transfer', reference: t.reference, inboundTransferId: id },
    },
  ]);
  if (!held?.ok) throw new Error(`inbound ${t.reference}: suspense credit refused: ${held?.code}`);
  await insertInbound(tx, body, t, {
    status: 'held',
    holdReason: 'unknown_account',
    detail: `no account ${t.accountNumber} ${t.currency} is assigned here`,
  });
  return 'unmatched';
}

export async function listInboundTransfers(
  q: Queryable,
  options: { status?: InboundStatus; limit?: number } = {},
) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), MAX_INBOUND_PAGE);
  const { rows } = await q.query<InboundRow>(
    `SELECT * FROM wallets.inbound_transfers WHERE ($1::text IS NULL OR status = $1)
      ORDER BY created_at DESC, id LIMIT $2`,
    [options.status ?? null, limit],
  );
  return rows.map(inboundView);
}

async function lockHeld(tx: Tx, id: string): Promise<InboundRow> {
  if (!isUuid(id)) throw notFound('Inbound transfer');
  const { rows } = await tx.query<InboundRow>(
    'SELECT * FROM wallets.inbound_transfers WHERE id = $1 FOR UPDATE',
    [id],
  );
  const row = rows[0];
  if (!row) throw notFound('Inbound transfer');
  if (row.status !== 'held')
    throw new AppError('not_resolvable', `This transfer is already ${row.status}`, {
      transferStatus: row.status,
    });
  return row;
}

/** Why the ledger refused an operator's credit, told as the wallet's state. */
function creditRefusal(code: string | undefined): AppError {
  if (code === 'credit_limit_exceeded')
    return new AppError('limit_exceeded', 'The credit would pass the maximum balance of the account tier', {
      limit: 'max_balance',
    });
  if (code === 'account_frozen') return new AppError('wallet_frozen', 'This wallet is frozen');
  if (code === 'account_closed') return new AppError('wallet_closed', 'This wallet is closed');
  return new AppError('ledger_refused', `The ledger refused the credit (${code})`);
}

async function resolved(tx: Tx, id: string) {
  const { rows } = await tx.query<InboundRow>('SELECT * FROM wallets.inbound_transfers WHERE id = $1', [id]);
  return inboundView(rows[0] as InboundRow);
}

/**
 * An operator credits a held transfer to a wallet (suspense -> wallet, with
 * the owner's balance limits), with its audit row and idempotent answer in
 * the same transaction. The row's status guard and the ledger id derived from
 * it make a second credit, by any operator or key, impossible.
 */
export async function creditInboundToWallet(
  ctx: AppContext,
  actor: Actor,
  input: { id: string; walletId: string; reason: string },
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  const wallet = await getWallet(ctx.db, input.walletId);
  if (!wallet) throw notFound('Wallet');
  const peek = await ctx.db.transaction((tx) => lockHeld(tx, input.id));
  const currency = peek.currency.trim();
  if (wallet.currency !== currency)
    throw new AppError(
      'currency_mismatch',
      `This transfer is in ${currency}; the wallet holds ${wallet.currency}`,
    );
  const limits = await creditLimitsFor(ctx, wallet.userId, currency, peek.amount);
  if ('refused' in limits) throw new AppError('kyc_required', limits.refused);
  return ctx.db.transaction(async (tx) => {
    const row = await lockHeld(tx, input.id);
    const to: Leg = { accountId: wallet.id, side: 'C', amount: row.amount };
    const [result] = await createTransactions(tx, [
      {
        id: uuidv5(`inbound-credit:${row.id}`, NAMESPACE),
        kind: 'transfer',
        currency,
        code: 'deposit',
        legs: [
          { accountId: systemAccountId('suspense', currency), side: 'D', amount: row.amount },
          to,
          ...limits.legs,
        ],
        metadata: {
          description: 'Bank transfer',
          reference: row.reference,
          inboundTransferId: row.id,
          depositId: row.deposit_id ?? row.id,
          channel: 'bank_transfer',
          sender: senderOf(row),
        },
      },
    ]);
    if (!result?.ok) throw creditRefusal(result?.code); // rolls back: nothing moved, nothing recorded
    await transitionRow(tx, inboundStates, {
      table: 'wallets.inbound_transfers',
      id: row.id,
      from: 'held',
      to: 'credited',
      set: {
        resolution: "'credited_to_wallet'",
        resolved_wallet_id: (v) => `${v(wallet.id)}::uuid`,
        resolved_by: (v) => `${v(actor.auth.userId)}::uuid`,
        resolved_at: 'now()',
        updated_at: 'now()',
      },
    });
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: 'inbound_transfer.credit',
      targetType: 'inbound_transfer',
      targetId: row.id,
      before: { status: 'held', holdReason: row.hold_reason },
      after: { status: 'credited', walletId: wallet.id, amount: String(row.amount) },
      reason: input.reason,
      requestId: actor.requestId,
    });
    await publish(tx, {
      type: 'deposit.succeeded',
      key: row.id,
      userId: wallet.userId,
      payload: {
        depositId: row.deposit_id ?? row.id,
        reference: row.reference,
        walletId: wallet.id,
        amount: row.amount,
        currency,
      },
    });
    const body = await resolved(tx, row.id);
    await completeIdempotent(tx, claim, 200, body);
    return { status: 200, body };
  });
}

/**
 * An operator records that a held transfer went back to its sender (sent by
 * the bank, outside Vendra: `bankReference` is that bank's reference):
 * suspense -> payout clearing, audited in the same transaction.
 */
export async function returnInboundToSender(
  ctx: AppContext,
  actor: Actor,
  input: { id: string; bankReference: string; reason: string },
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockHeld(tx, input.id);
    const currency = row.currency.trim();
    const [result] = await createTransactions(tx, [
      {
        id: uuidv5(`inbound-return:${row.id}`, NAMESPACE),
        kind: 'transfer',
        currency,
        code: 'inbound_return',
        legs: [
          { accountId: systemAccountId('suspense', currency), side: 'D', amount: row.amount },
          { accountId: systemAccountId('payout_clearing', currency), side: 'C', amount: row.amount },
        ],
        metadata: {
          description: 'Bank transfer returned to sender',
          reference: row.reference,
          inboundTransferId: row.id,
          bankReference: input.bankReference,
        },
      },
    ]);
    if (!result?.ok) throw new AppError('ledger_refused', `The ledger refused the return (${result?.code})`);
    await transitionRow(tx, inboundStates, {
      table: 'wallets.inbound_transfers',
      id: row.id,
      from: 'held',
      to: 'returned',
      set: {
        resolution: "'returned_to_sender'",
        return_reference: (v) => `${v(input.bankReference)}::text`,
        resolved_by: (v) => `${v(actor.auth.userId)}::uuid`,
        resolved_at: 'now()',
        updated_at: 'now()',
      },
    });
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: 'inbound_transfer.return',
      targetType: 'inbound_transfer',
      targetId: row.id,
      before: { status: 'held', holdReason: row.hold_reason },
      after: { status: 'returned', bankReference: input.bankReference, amount: String(row.amount) },
      reason: input.reason,
      requestId: actor.requestId,
    });
    const body = await resolved(tx, row.id);
    await completeIdempotent(tx, claim, 200, body);
    return { status: 200, body };
  });
}
