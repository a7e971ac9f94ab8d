/**
 * Who issues dedicated bank account numbers and tells us of the transfers
 * that land on them. Paystack's dedicated virtual accounts implement it (the
 * sandbox's Paystack-compatible simulator in sandbox mode); Monnify reserved
 * accounts or Flutterwave virtual accounts would implement the same three
 * things: find or create the customer, ask for an account, read their
 * webhooks into the events below.
 */
import type { AppContext } from '../context.js';
import { type PaystackClient, PaystackRefused } from '../paystack/index.js';

export interface FundingCustomer {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
}

export interface AssignedAccount {
  /** The provider's id of the account. */
  accountRef: string;
  bankName: string;
  bankSlug: string | null;
  accountNumber: string;
  accountName: string;
  currency: string;
}

/** What a provider's webhook means to the inbound rail. */
export type FundingEvent =
  | { kind: 'assigned'; customerRef: string; account: AssignedAccount }
  | { kind: 'assign_failed'; customerRef: string; reason: string }
  | {
      kind: 'inbound';
      reference: string;
      accountNumber: string;
      /** Minor units, or null when the provider sent something that is not a positive integer. */
      amount: bigint | null;
      currency: string;
      sender: { name: string | null; bank: string | null; account: string | null };
    };

/** The provider answered and refused (a definite answer: asking again the same way will not help). */
export class FundingProviderRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FundingProviderRefused';
  }
}

export interface FundingAccountProvider {
  readonly name: string;
  /**
   * Finds or creates the customer (by email); returns the provider's
   * customer reference. Safe to repeat. Throws FundingProviderRefused on a
   * definite refusal; any other error is an unknown outcome (ask again later).
   */
  ensureCustomer(customer: FundingCustomer): Promise<string>;
  /**
   * Asks for the customer's account in a currency; answers it when the
   * provider gave it at once, or undefined when it comes by webhook. Asking
   * again answers the account the customer already has.
   */
  requestAccount(customerRef: string, currency: string): Promise<AssignedAccount | undefined>;
  /** Reads one of the provider's webhooks, or undefined when it is not about the inbound rail. */
  parseEvent(body: { event?: string; data?: Record<string, unknown> }): FundingEvent | undefined;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** A Paystack dedicated account object as Vendra keeps it. */
function paystackAccount(raw: unknown): AssignedAccount | undefined {
  const a = obj(raw);
  const bank = obj(a.bank);
  const accountNumber = str(a.account_number);
  const bankName = str(bank.name);
  const accountName = str(a.account_name);
  if (!accountNumber || !bankName || !accountName || a.id === undefined) return undefined;
  return {
    accountRef: String(a.id),
    bankName,
    bankSlug: str(bank.slug),
    accountNumber,
    accountName,
    currency: str(a.currency) ?? 'NGN',
  };
}

/** A Paystack amount (kobo, a JSON integer) as minor units, or null. */
function minorOf(v: unknown): bigint | null {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? BigInt(v) : null;
}

/** charge.success with channel dedicated_nuban: a transfer landed on a dedicated account. */
function paystackInbound(data: Record<string, unknown>): FundingEvent | undefined {
  const auth = obj(data.authorization);
  const meta = obj(data.metadata);
  const dedicated = obj(data.dedicated_account);
  const reference = str(data.reference);
  const accountNumber =
    str(meta.receiver_account_number) ??
    str(auth.receiver_bank_account_number) ??
    str(dedicated.account_number);
  if (!reference || !accountNumber) return undefined;
  return {
    kind: 'inbound',
    reference,
    accountNumber,
    amount: minorOf(data.amount),
    currency: str(data.currency) ?? 'NGN',
    sender: {
      name: str(auth.sender_name),
      bank: str(auth.sender_bank),
      account: str(auth.sender_bank_account_number),
    },
  };
}

/** Paystack's dedicated virtual accounts, through the one Paystack client. */
export function createPaystackFundingProvider(client: PaystackClient): FundingAccountProvider {
  const definite = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PaystackRefused) throw new FundingProviderRefused(error.message);
      throw error;
    }
  };
  return {
    name: 'paystack',
    ensureCustomer: (c) =>
      definite(async () => {
        const res = await client.call<{ customer_code?: string }>('POST', '/customer', {
          email: c.email,
          first_name: c.firstName,
          last_name: c.lastName,
          ...(c.phone ? { phone: c.phone } : {}),
          metadata: { vendra_user_id: c.userId },
        });
        const code = res.data?.customer_code;
        if (!code) throw new Error('paystack: POST /customer answered no customer_code');
        return code;
      }),
    requestAccount: (customerRef, currency) =>
      definite(async () => {
        // A retry after an unknown outcome finds the account the customer already has.
        const found = await client.call<{ dedicated_account?: unknown }>(
          'GET',
          `/customer/${encodeURIComponent(customerRef)}`,
        );
        const existing = paystackAccount(found.data?.dedicated_account);
        if (existing) return existing;
        const res = await client.call<unknown>('POST', '/dedicated_account', {
          customer: customerRef,
          preferred_bank: 'wema-bank',
          ...(currency === 'NGN' ? {} : { currency }),
        });
        return paystackAccount(res.data);
      }),
    parseEvent(body) {
      const data = obj(body.data);
      const customerRef = str(obj(data.customer).customer_code);
      switch (body.event) {
        case 'dedicatedaccount.assign.success': {
          const account = paystackAccount(data.dedicated_account);
          return customerRef && account ? { kind: 'assigned', customerRef, account } : undefined;
        }
        case 'dedicatedaccount.assign.failed':
          return customerRef
            ? {
                kind: 'assign_failed',
                customerRef,
                reason: str(obj(data.identification).status) ?? 'assignment failed',
              }
            : undefined;
        case 'charge.success':
          return data.channel === 'dedicated_nuban' ? paystackInbound(data) : undefined;
        default:
          return undefined;
      }
    },
  };
}

const providers = new WeakMap<AppContext, FundingAccountProvider>();

/** The context's funding-account provider: Paystack's API, or its simulator in sandbox mode (GATEWAY_MODE). */
export function fundingProviderOf(ctx: AppContext): FundingAccountProvider {
  let provider = providers.get(ctx);
  if (!provider) {
    if (!ctx.paystack) throw new Error('funding accounts need the Paystack runtime (ctx.paystack)');
    provider = createPaystackFundingProvider(ctx.paystack.gateway);
    providers.set(ctx, provider);
  }
  return provider;
}
