/**
 * Dedicated account numbers: a person who may receive bank transfers (tier 1
 * with BVN or NIN when KYC_TIER1_REQUIRES_ID, anyone otherwise) gets one per
 * currency the provider offers, requested by the outbox consumer at
 * registration or when they ask (POST .../funding-account), and assigned when
 * the provider answers with it or sends its webhook, whichever comes first.
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { transitionRow } from '../db/state-machine.js';
import { AppError } from '../errors/index.js';
import { getUser } from '../identity/index.js';
import { getProfile } from '../kyc/index.js';
import { type ConsumerResult, markApplied, type OutboxEvent, publish } from '../outbox/index.js';
import {
  type AssignedAccount,
  type FundingAccountProvider,
  FundingProviderRefused,
  fundingProviderOf,
} from './funding-provider.js';
import { type FundingAccountStatus, fundingAccountStates } from './funding-states.js';
import { ensureWallet, getOwnWallet, walletIdFor } from './wallets.js';

const NAMESPACE = '5e2c9a41-7b3d-4f6e-a8c0-1d3f5b7e9a2c';
/** Dedicated accounts are Nigerian bank accounts: NGN only. */
export const FUNDING_CURRENCIES = ['NGN'] as const;
/** The provider's retries back off to this; the consumer never gives up on a request it may have made. */
const MAX_RETRY_MS = 300_000;

export interface FundingAccountRow {
  id: string;
  user_id: string;
  currency: string;
  wallet_id: string;
  provider: string;
  status: FundingAccountStatus;
  provider_customer_ref: string | null;
  provider_account_ref: string | null;
  bank_name: string | null;
  bank_slug: string | null;
  account_number: string | null;
  account_name: string | null;
  failure_reason: string | null;
  assigned_at: Date | null;
  created_at: Date;
}

export interface FundingAccountView {
  walletId: string;
  currency: string;
  /** none: never requested. pending: being assigned. failed: the provider refused (ask again). */
  status: FundingAccountStatus | 'none';
  /** Whether the person may have one now (their KYC tier). */
  eligible: boolean;
  bankName: string | null;
  accountNumber: string | null;
  accountName: string | null;
  failureReason: string | null;
  assignedAt: string | null;
}

const fundingIdFor = (userId: string, currency: string) => uuidv5(`funding:${userId}:${currency}`, NAMESPACE);

export function viewOf(
  row: FundingAccountRow | undefined,
  walletId: string,
  currency: string,
  eligible: boolean,
): FundingAccountView {
  return {
    walletId,
    currency,
    status: row?.status ?? 'none',
    eligible,
    bankName: row?.bank_name ?? null,
    accountNumber: row?.account_number ?? null,
    accountName: row?.account_name ?? null,
    failureReason: row?.failure_reason ?? null,
    assignedAt: row?.assigned_at?.toISOString() ?? null,
  };
}

/** Whether the person may have a dedicated account: tier 1 needs BVN or NIN only when KYC_TIER1_REQUIRES_ID. */
export async function fundingEligible(ctx: AppContext, userId: string): Promise<boolean> {
  if (!ctx.config.kyc.tier1RequiresId) return true;
  const profile = await getProfile(ctx.db, userId);
  return profile.tier >= 2 || profile.bvnVerifiedAt !== null || profile.ninVerifiedAt !== null;
}

async function rowOf(q: Queryable, userId: string, currency: string, lock = false) {
  const { rows } = await q.query<FundingAccountRow>(
    `SELECT * FROM wallets.funding_accounts WHERE user_id = $1 AND currency = $2${lock ? ' FOR UPDATE' : ''}`,
    [userId, currency],
  );
  return rows[0];
}

export async function findFundingAccountByNumber(q: Queryable, accountNumber: string) {
  const { rows } = await q.query<FundingAccountRow>(
    'SELECT * FROM wallets.funding_accounts WHERE account_number = $1',
    [accountNumber],
  );
  return rows[0];
}

/** The person's dedicated account for one of their wallets (someone else's wallet is not found). */
export async function getFundingAccount(
  ctx: AppContext,
  userId: string,
  walletId: string,
): Promise<FundingAccountView> {
  const wallet = await getOwnWallet(ctx.db, userId, walletId);
  const row = await rowOf(ctx.db, userId, wallet.currency);
  return viewOf(
    row,
    wallet.id,
    wallet.currency,
    row?.status === 'assigned' || (await fundingEligible(ctx, userId)),
  );
}

/** Every dedicated account of a person (operators). */
export async function listFundingAccounts(ctx: AppContext, userId: string): Promise<FundingAccountView[]> {
  const { rows } = await ctx.db.query<FundingAccountRow>(
    'SELECT * FROM wallets.funding_accounts WHERE user_id = $1 ORDER BY currency LIMIT 16',
    [userId],
  );
  const eligible = await fundingEligible(ctx, userId);
  return rows.map((r) => viewOf(r, r.wallet_id, r.currency.trim(), eligible || r.status === 'assigned'));
}

/**
 * The pending row for a request (created, or a failed one asked again), in
 * the caller's transaction; answers the row and whether a request must go out.
 */
async function pendingRow(tx: Tx, ctx: AppContext, userId: string, currency: string) {
  await ensureWallet(tx, userId, currency);
  const inserted = await tx.query(
    `INSERT INTO wallets.funding_accounts (id, user_id, currency, wallet_id, provider)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, currency) DO NOTHING RETURNING id`,
    [
      fundingIdFor(userId, currency),
      userId,
      currency,
      walletIdFor(userId, currency),
      fundingProviderOf(ctx).name,
    ],
  );
  const row = (await rowOf(tx, userId, currency, true)) as FundingAccountRow;
  if (row.status !== 'failed') return { row, fresh: inserted.rows.length > 0 };
  await transitionRow(tx, fundingAccountStates, {
    table: 'wallets.funding_accounts',
    id: row.id,
    from: 'failed',
    to: 'pending',
    set: { failure_reason: 'NULL', updated_at: 'now()' },
  });
  return { row: { ...row, status: 'pending' as const, failure_reason: null }, fresh: true };
}

/**
 * POST /v1/wallets/:id/funding-account: asks for the person's account when
 * they may have one and have none (or a refused one). A repeat answers the
 * account or the request in flight; only a new or renewed request publishes
 * funding_account.requested (the consumer calls the provider).
 */
export async function requestFundingAccount(
  ctx: AppContext,
  userId: string,
  walletId: string,
): Promise<FundingAccountView> {
  const wallet = await getOwnWallet(ctx.db, userId, walletId);
  if (!(FUNDING_CURRENCIES as readonly string[]).includes(wallet.currency))
    throw new AppError('unsupported_currency', 'Bank transfer accounts are offered for NGN wallets only');
  const existing = await rowOf(ctx.db, userId, wallet.currency);
  if (existing?.status === 'assigned' || existing?.status === 'pending')
    return viewOf(existing, wallet.id, wallet.currency, true);
  if (!(await fundingEligible(ctx, userId)))
    throw new AppError('kyc_required', 'Verify your BVN or NIN to get a bank account number', {
      reason: 'identity_required',
      requirements: ['bvn_or_nin'],
    });
  return ctx.db.transaction(async (tx) => {
    const { row, fresh } = await pendingRow(tx, ctx, userId, wallet.currency);
    if (fresh)
      await publish(tx, {
        type: 'funding_account.requested',
        key: row.id,
        userId,
        payload: { userId, currency: wallet.currency },
      });
    return viewOf(row, wallet.id, wallet.currency, true);
  });
}

/** Splits a full name as the provider wants it; a single name is both. */
function namesOf(fullName: string): { firstName: string; lastName: string } {
  const parts = fullName.trim().split(/\s+/);
  const firstName = parts[0] || 'Customer';
  return { firstName, lastName: parts.length > 1 ? parts.slice(1).join(' ') : firstName };
}

/**
 * The consumer's work for one person and currency: creates the pending row
 * (at registration), finds or creates the customer at the provider, asks for
 * the account and assigns it when answered. A definite refusal marks the
 * request failed; an unknown outcome retries (both provider calls are safe
 * to repeat: the customer is found by email, the account by customer).
 */
export async function provisionFundingAccount(
  ctx: AppContext,
  event: OutboxEvent,
  attempt: number,
): Promise<ConsumerResult> {
  const { userId } = event.payload as { userId: string };
  const currency = (event.payload as { currency?: string }).currency ?? FUNDING_CURRENCIES[0];
  if (event.type === 'user.registered' || event.type === 'kyc.identity_verified') {
    if (!(await fundingEligible(ctx, userId))) return { status: 'done' };
    // A redelivery after a crash finds the row pending and asks the provider again (safe to repeat).
    await ctx.db.transaction(async (tx) => {
      if (await markApplied(tx, 'wallets.funding_accounts', event.id))
        await pendingRow(tx, ctx, userId, currency);
    });
  }
  const row = await rowOf(ctx.db, userId, currency);
  if (row?.status !== 'pending') return { status: 'done' };
  const provider = fundingProviderOf(ctx);
  try {
    const account = await askProvider(ctx, provider, row);
    if (account)
      await ctx.db.transaction((tx) => assignAccount(tx, row.provider_customer_ref ?? '', account, row.id));
    return { status: 'done' };
  } catch (error) {
    if (error instanceof FundingProviderRefused) {
      await ctx.db.transaction((tx) => failRequest(tx, row.id, error.message));
      ctx.log.warn({ userId, reason: error.message }, 'funding account refused by the provider');
      return { status: 'done' };
    }
    const delayMs = Math.min(MAX_RETRY_MS, 1_000 * 2 ** Math.min(attempt, 16));
    return { status: 'retry', delayMs, reason: (error as Error).message.slice(0, 200) };
  }
}

/** The customer (stored on the row before the account is asked for, so its webhook finds the row) and the account. */
async function askProvider(
  ctx: AppContext,
  provider: FundingAccountProvider,
  row: FundingAccountRow,
): Promise<AssignedAccount | undefined> {
  let customerRef = row.provider_customer_ref;
  if (!customerRef) {
    const user = await getUser(ctx.db, row.user_id);
    if (!user) throw new FundingProviderRefused('no such user');
    customerRef = await provider.ensureCustomer({
      userId: user.id,
      email: user.email,
      phone: user.phone,
      ...namesOf(user.fullName),
    });
    await ctx.db.query(
      'UPDATE wallets.funding_accounts SET provider_customer_ref = $2, updated_at = now() WHERE id = $1',
      [row.id, customerRef],
    );
    row.provider_customer_ref = customerRef;
  }
  return provider.requestAccount(customerRef, row.currency.trim());
}

async function failRequest(tx: Tx, id: string, reason: string) {
  const { rows } = await tx.query<FundingAccountRow>(
    'SELECT * FROM wallets.funding_accounts WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (rows[0]?.status !== 'pending') return 'duplicate';
  await transitionRow(tx, fundingAccountStates, {
    table: 'wallets.funding_accounts',
    id,
    from: 'pending',
    to: 'failed',
    set: { failure_reason: (v) => `${v(reason.slice(0, 300))}::text`, updated_at: 'now()' },
  });
  return 'failed';
}

/**
 * Assigns the account to the row it was asked for (by id, or by the
 * provider's customer reference for a webhook), in the caller's transaction.
 * Answers 'assigned', 'duplicate' (already assigned) or 'unknown_customer'.
 */
export async function assignAccount(
  tx: Tx,
  customerRef: string,
  account: AssignedAccount,
  id?: string,
): Promise<'assigned' | 'duplicate' | 'unknown_customer'> {
  const { rows } = await tx.query<FundingAccountRow>(
    `SELECT * FROM wallets.funding_accounts
      WHERE ${id ? 'id = $1' : 'provider_customer_ref = $1 AND currency = $2'} FOR UPDATE`,
    id ? [id] : [customerRef, account.currency],
  );
  const row = rows[0];
  if (!row) return 'unknown_customer';
  if (row.status === 'assigned') return 'duplicate';
  await transitionRow(tx, fundingAccountStates, {
    table: 'wallets.funding_accounts',
    id: row.id,
    from: row.status,
    to: 'assigned',
    set: {
      provider_account_ref: (v) => `${v(account.accountRef)}::text`,
      bank_name: (v) => `${v(account.bankName)}::text`,
      bank_slug: (v) => `${v(account.bankSlug)}::text`,
      account_number: (v) => `${v(account.accountNumber)}::text`,
      account_name: (v) => `${v(account.accountName)}::text`,
      failure_reason: 'NULL',
      assigned_at: 'now()',
      updated_at: 'now()',
    },
  });
  return 'assigned';
}

/** A provider's word that it could not assign the customer's account. */
export async function failAssignment(tx: Tx, customerRef: string, reason: string) {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM wallets.funding_accounts WHERE provider_customer_ref = $1 AND status = 'pending'`,
    [customerRef],
  );
  if (rows.length === 0) return 'ignored';
  for (const r of rows) await failRequest(tx, r.id, reason);
  return 'failed';
}
