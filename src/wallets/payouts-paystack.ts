/**
 * The payout provider over Paystack Transfers: banks (`GET /bank`), account
 * names (`GET /bank/resolve`), transfer recipients (`POST /transferrecipient`,
 * cached per bank and account in wallets.payout_accounts), transfers
 * (`POST /transfer` with our withdrawal reference as Paystack's idempotency
 * key) and `GET /transfer/verify/{reference}`. The same code runs against
 * api.paystack.co and the sandbox simulator.
 *
 * Paystack's answers are sorted three ways: a definite refusal (the account
 * does not exist, nothing was made), an unknown outcome (timeout, 5xx, our
 * own key refused: the payout is pending and verified, never sent with a new
 * reference), or a transfer whose status says where it is.
 */
import type { AppContext } from '../context.js';
import type { Db } from '../db/index.js';
import { AppError } from '../errors/index.js';
import type { Logger } from '../log.js';
import { type PaystackClient, PaystackRefused } from '../paystack/index.js';
import {
  type Bank,
  createDisabledPayouts,
  type PayoutAccount,
  type PayoutProvider,
  type PayoutResult,
} from './payouts.js';

/** Paystack's bank list is cursor-paginated; more pages than this is not a bank list. */
const MAX_BANK_PAGES = 20;
const BANKS_PER_PAGE = 100;

/** Paystack references are lowercase letters, digits, - and _; ours (VWD-<hex>) are sent lowercased. */
export const paystackReference = (reference: string) => reference.toLowerCase();

/** The transfer object Paystack returns (and carries in transfer.* webhooks): the fields we read. */
export interface PaystackTransfer {
  reference?: string;
  status?: string;
  amount?: number;
  gateway_response?: string | null;
}

/**
 * A refusal that says nothing about the customer's account: our key refused
 * (401/403) or rate limited (429). Treated as an unknown outcome, never as
 * the bank's refusal.
 */
const ourSide = (error: PaystackRefused) => [401, 403, 429].includes(error.httpStatus);

/** Where a Paystack transfer is, from its status word. */
export function transferOutcome(t: PaystackTransfer, log?: Pick<Logger, 'warn'>): PayoutResult {
  switch (t.status) {
    case 'success':
      return { outcome: 'success' };
    case 'failed':
      return { outcome: 'failed', message: t.gateway_response || 'The bank refused the transfer' };
    case 'reversed':
      return { outcome: 'reversed', message: t.gateway_response || 'The bank reversed the transfer' };
    // Abandoned or blocked before it was sent: no money left Paystack.
    case 'abandoned':
    case 'blocked':
    case 'rejected':
      return { outcome: 'failed', message: `Paystack ${t.status} the transfer` };
    case 'otp':
      // A transfer waiting for an OTP never finishes by itself: the account must not ask for one.
      log?.warn(
        { reference: t.reference },
        'Paystack holds a transfer for an OTP: disable OTP for transfers on the Paystack account',
      );
      return { outcome: 'pending', message: 'waiting for an OTP (disable OTP on the Paystack account)' };
    case 'pending':
    case 'queued':
    case 'processing':
    case 'received':
      return { outcome: 'pending' };
    default:
      log?.warn({ reference: t.reference, status: String(t.status).slice(0, 32) }, 'unknown transfer status');
      return { outcome: 'pending', message: `status ${String(t.status).slice(0, 32)}` };
  }
}

const unavailable = () =>
  new AppError('bank_unavailable', 'The bank service cannot be reached just now; try again shortly');

async function recipientOf(db: Db, account: PayoutAccount): Promise<string | undefined> {
  const { rows } = await db.query<{ recipient_code: string | null }>(
    'SELECT recipient_code FROM wallets.payout_accounts WHERE bank_code = $1 AND account_number = $2',
    [account.bankCode, account.accountNumber],
  );
  return rows[0]?.recipient_code ?? undefined;
}

/** Remembers a resolved account (and its recipient, once there is one). */
export async function rememberAccount(
  db: Db,
  account: PayoutAccount,
  recipientCode: string | null = null,
): Promise<void> {
  await db.query(
    `INSERT INTO wallets.payout_accounts (bank_code, account_number, account_name, recipient_code)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (bank_code, account_number) DO UPDATE SET account_name = EXCLUDED.account_name,
       recipient_code = COALESCE(EXCLUDED.recipient_code, payout_accounts.recipient_code), resolved_at = now()`,
    [account.bankCode, account.accountNumber, account.accountName, recipientCode],
  );
}

export function createPaystackPayouts(
  ctx: Pick<AppContext, 'db' | 'log'>,
  client: PaystackClient,
): PayoutProvider {
  const log = ctx.log;
  const provider: PayoutProvider = {
    async prepare(account) {
      if (await recipientOf(ctx.db, account)) return undefined;
      try {
        const r = await client.call<{ recipient_code?: string }>('POST', '/transferrecipient', {
          type: 'nuban',
          name: account.accountName,
          account_number: account.accountNumber,
          bank_code: account.bankCode,
          currency: 'NGN',
        });
        if (!r.data?.recipient_code)
          return { outcome: 'unknown', message: 'no recipient code in the answer' };
        await rememberAccount(ctx.db, account, r.data.recipient_code);
        return undefined;
      } catch (error) {
        if (error instanceof PaystackRefused && !ourSide(error))
          return { outcome: 'failed', message: error.message };
        return { outcome: 'unknown', message: (error as Error).name };
      }
    },

    async send(input) {
      const prepared = await provider.prepare?.(input);
      if (prepared) return prepared.outcome === 'failed' ? prepared : { outcome: 'unknown' };
      const recipient = await recipientOf(ctx.db, input);
      const reference = paystackReference(input.reference);
      try {
        const r = await client.call<PaystackTransfer>('POST', '/transfer', {
          source: 'balance',
          amount: Number(input.amount), // kobo; below 2^53 (MAX_WITHDRAWAL)
          recipient,
          reference,
          reason: input.reason.slice(0, 100),
          currency: 'NGN',
        });
        return transferOutcome(r.data ?? {}, log);
      } catch (error) {
        if (!(error instanceof PaystackRefused) || ourSide(error))
          return { outcome: 'unknown', message: (error as Error).message.slice(0, 200) };
        // Refused: a duplicate reference (sent before, answer lost) or a definite refusal.
        // Only the transfer itself can tell: verify before calling it a failure.
        const verified = await provider.requery(input.reference);
        if (verified.outcome === 'not_found') return { outcome: 'failed', message: error.message };
        return verified;
      }
    },

    async requery(reference) {
      try {
        const r = await client.call<PaystackTransfer>(
          'GET',
          `/transfer/verify/${encodeURIComponent(paystackReference(reference))}`,
        );
        return transferOutcome(r.data ?? {}, log);
      } catch (error) {
        if (error instanceof PaystackRefused && error.httpStatus === 404) return { outcome: 'not_found' };
        return { outcome: 'unknown', message: (error as Error).message.slice(0, 200) };
      }
    },

    listBanks: () => listPaystackBanks(client, log),
    resolveAccount: (bankCode, accountNumber) => resolvePaystackAccount(ctx, client, bankCode, accountNumber),
  };
  return provider;
}

/** Paystack's bank list, every page (at most MAX_BANK_PAGES); bank_unavailable when it cannot be read. */
async function listPaystackBanks(client: PaystackClient, log: Logger): Promise<Bank[]> {
  const banks = new Map<string, Bank>();
  let next: string | undefined;
  for (let page = 0; page < MAX_BANK_PAGES; page++) {
    const cursor = next ? `&next=${encodeURIComponent(next)}` : '';
    let r: Awaited<ReturnType<typeof client.call<PaystackBank[]>>>;
    try {
      r = await client.call<PaystackBank[]>(
        'GET',
        `/bank?country=nigeria&use_cursor=true&perPage=${BANKS_PER_PAGE}${cursor}`,
      );
    } catch (error) {
      log.warn(
        { err: { name: (error as Error).name, message: (error as Error).message } },
        'bank list unavailable',
      );
      throw unavailable();
    }
    for (const b of Array.isArray(r.data) ? r.data : []) {
      if (typeof b.code !== 'string' || typeof b.name !== 'string') continue;
      if (b.active === false || b.is_deleted === true || banks.has(b.code)) continue;
      banks.set(b.code, { code: b.code.slice(0, 16), name: b.name.slice(0, 120) });
    }
    next = typeof r.meta?.next === 'string' && r.meta.next ? r.meta.next : undefined;
    if (!next) break;
  }
  return [...banks.values()];
}

interface PaystackBank {
  code?: string;
  name?: string;
  active?: boolean;
  is_deleted?: boolean;
}

/** The holder's name from GET /bank/resolve (remembered); undefined when the bank does not know it. */
async function resolvePaystackAccount(
  ctx: Pick<AppContext, 'db' | 'log'>,
  client: PaystackClient,
  bankCode: string,
  accountNumber: string,
): Promise<string | undefined> {
  try {
    const r = await client.call<{ account_name?: string }>(
      'GET',
      `/bank/resolve?account_number=${encodeURIComponent(accountNumber)}&bank_code=${encodeURIComponent(bankCode)}`,
    );
    const name = r.data?.account_name?.trim().slice(0, 120);
    if (!name) return undefined;
    await rememberAccount(ctx.db, { bankCode, accountNumber, accountName: name });
    return name;
  } catch (error) {
    if (error instanceof PaystackRefused && !ourSide(error)) return undefined;
    ctx.log.warn({ err: { name: (error as Error).name } }, 'account resolution unavailable');
    throw unavailable();
  }
}

const providers = new WeakMap<object, PayoutProvider>();

/** The payout provider of a process: Paystack Transfers (or its simulator), or disabled. */
export function payoutProviderOf(ctx: AppContext): PayoutProvider {
  let provider = providers.get(ctx);
  if (!provider) {
    const client = ctx.config.payoutMode === 'disabled' ? undefined : ctx.paystack?.payouts;
    provider = client ? createPaystackPayouts(ctx, client) : createDisabledPayouts();
    providers.set(ctx, provider);
  }
  return provider;
}
