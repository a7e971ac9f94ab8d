/** JSON schemas of the bill-payment routes (customer and operator), and the list query's mapping. */
import { moneySchema, pageOf, uuidSchema } from '../http/schemas.js';
import type { Validated } from '../http/type-provider.js';
import type { PaymentStatus } from './payments.js';

export const STATUSES: PaymentStatus[] = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'reversed',
  'needs_review',
];

export const paymentSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    status: { type: 'string', enum: STATUSES },
    walletId: uuidSchema,
    billerId: { type: 'string' },
    billerName: { type: 'string' },
    category: { type: ['string', 'null'] },
    productCode: { type: 'string' },
    customerRef: { type: 'string' },
    customerName: { type: ['string', 'null'] },
    phone: {
      type: ['string', 'null'],
      description: 'The phone number given on the payment (E.164): the token is texted to it',
    },
    amount: moneySchema,
    fee: moneySchema,
    total: moneySchema,
    currency: { type: 'string' },
    token: { type: ['string', 'null'] },
    units: { type: ['string', 'null'] },
    receipt: { type: ['object', 'null'], additionalProperties: true },
    failureReason: {
      type: ['string', 'null'],
      description:
        "Why it did not go through. A customer reads it in plain words; the provider's code and message are in the operator view",
    },
    providerReference: { type: 'string' },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          status: { type: 'string' },
          at: { type: 'string' },
          reason: { type: ['string', 'null'], description: 'Operator view only; null for the customer' },
        },
      },
    },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    finalizedAt: { type: ['string', 'null'] },
  },
} as const;

export const paymentPage = pageOf(paymentSchema);

export const listQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: STATUSES },
    billerId: { type: 'string', maxLength: 64 },
    cursor: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
  },
  additionalProperties: false,
} as const;

/** The list filter a payments query string asks for. */
export const filterOf = (q: ListQuery) => ({
  status: q.status,
  billerId: q.billerId,
  cursor: q.cursor,
  limit: q.limit,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});
export type ListQuery = Validated<typeof listQuery> & { q?: string };

/** One call to a provider, as operators see it (a payment's detail, a dispute's subject). */
export const providerCallsSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      op: { type: 'string' },
      provider: { type: 'string' },
      at: { type: 'string' },
      outcome: { type: 'string' },
      code: { type: ['string', 'null'] },
      message: { type: ['string', 'null'] },
      latencyMs: { type: 'integer' },
    },
  },
} as const;

/** The ledger postings behind a payment, as operators see them. */
export const postingsSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      transactionId: { type: 'string' },
      accountId: { type: 'string' },
      accountName: { type: 'string' },
      side: { type: 'string' },
      pending: { type: 'boolean' },
      amount: moneySchema,
      createdAt: { type: 'string' },
    },
  },
} as const;
