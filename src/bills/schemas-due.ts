/** JSON schemas of the linked-account and bills-due routes. */
import { moneySchema, uuidSchema } from '../http/schemas.js';
import { customerRefSchema } from './schemas-billers.js';

export const linkedAccountSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    billerId: { type: 'string' },
    billerName: { type: 'string' },
    category: { type: 'string' },
    productCode: { type: 'string' },
    customerRef: { type: 'string' },
    nickname: { type: 'string' },
    customerName: { type: 'string' },
    address: { type: ['string', 'null'] },
    billsFetchedAt: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;

export const linkBody = {
  type: 'object',
  properties: {
    billerId: { type: 'string', maxLength: 64 },
    productCode: { type: 'string', maxLength: 64 },
    customerRef: customerRefSchema,
    nickname: { type: 'string', minLength: 1, maxLength: 60 },
  },
  required: ['billerId', 'productCode', 'customerRef'],
  additionalProperties: false,
} as const;

export const nicknameBody = {
  type: 'object',
  properties: { nickname: { type: 'string', minLength: 1, maxLength: 60, pattern: '\\S' } },
  required: ['nickname'],
  additionalProperties: false,
} as const;

export const dueBillSchema = {
  type: 'object',
  properties: {
    billReference: { type: 'string' },
    linkedAccountId: uuidSchema,
    billerId: { type: 'string' },
    billerName: { type: 'string' },
    category: { type: 'string' },
    productCode: { type: 'string' },
    customerRef: { type: 'string' },
    nickname: { type: 'string' },
    customerName: { type: 'string' },
    amountDue: moneySchema,
    currency: { type: 'string' },
    dueDate: { type: 'string', format: 'date' },
    period: { type: ['string', 'null'] },
    fetchedAt: { type: 'string' },
    paymentId: { type: ['string', 'null'] },
    paymentStatus: { type: ['string', 'null'] },
  },
} as const;

export const billsDueSchema = {
  type: 'object',
  properties: {
    data: { type: 'array', items: dueBillSchema },
    totals: {
      type: 'array',
      items: { type: 'object', properties: { currency: { type: 'string' }, amountDue: moneySchema } },
    },
  },
} as const;

export const refreshSchema = {
  type: 'object',
  properties: {
    fetched: { type: 'integer' },
    failed: { type: 'array', items: uuidSchema },
    at: { type: 'string' },
  },
} as const;

export const payAllBody = {
  type: 'object',
  properties: {
    walletId: uuidSchema,
    billReferences: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 128 },
      minItems: 1,
      maxItems: 20,
    },
  },
  required: ['walletId', 'billReferences'],
  additionalProperties: false,
} as const;

export const payAllSchema = {
  type: 'object',
  properties: {
    data: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          billReference: { type: 'string' },
          linkedAccountId: uuidSchema,
          payment: {
            type: 'object',
            properties: {
              id: uuidSchema,
              status: { type: 'string' },
              amount: moneySchema,
              fee: moneySchema,
              total: moneySchema,
              currency: { type: 'string' },
            },
          },
        },
      },
    },
    totals: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          currency: { type: 'string' },
          amount: moneySchema,
          fee: moneySchema,
          total: moneySchema,
        },
      },
    },
  },
} as const;

export const reminderSchema = {
  type: 'object',
  properties: { daysBefore: { type: 'integer' }, enabled: { type: 'boolean' } },
} as const;
