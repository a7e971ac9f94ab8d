/** JSON schemas of the settlement routes (amounts: integer minor units). */
import { moneySchema } from '../http/schemas.js';

export const providerParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[a-z0-9-]{2,32}$' } },
  required: ['id'],
} as const;

export const statementParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[a-z0-9-]{2,32}:\\d{4}-\\d{2}-\\d{2}$', maxLength: 48 } },
  required: ['id'],
} as const;

export const topupBody = {
  type: 'object',
  properties: {
    amount: { type: 'integer', minimum: 1, maximum: 1_000_000_000_000, description: 'Minor units (kobo)' },
    bankReference: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[\\x21-\\x7e]+$' },
  },
  required: ['amount', 'bankReference'],
  additionalProperties: false,
} as const;

export const topupSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    provider: { type: 'string' },
    currency: { type: 'string' },
    amount: moneySchema,
    bankReference: { type: 'string' },
    actorId: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;

export const settingsBody = {
  type: 'object',
  properties: {
    lowFloatThreshold: { type: 'integer', minimum: 0, maximum: 1_000_000_000_000 },
    driftThreshold: { type: 'integer', minimum: 0, maximum: 1_000_000_000_000 },
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const settingsSchema = {
  type: 'object',
  properties: { lowFloatThreshold: moneySchema, driftThreshold: moneySchema },
} as const;

const nullableMoney = { type: ['integer', 'null'], description: 'Minor units (kobo)' } as const;

export const floatSchema = {
  type: 'object',
  properties: {
    provider: { type: 'string' },
    currency: { type: 'string' },
    ours: moneySchema,
    heldForVends: moneySchema,
    lastCheck: {
      type: ['object', 'null'],
      properties: {
        at: { type: 'string' },
        theirs: nullableMoney,
        ours: moneySchema,
        drift: nullableMoney,
        error: { type: ['string', 'null'] },
      },
    },
    lowFloatThreshold: moneySchema,
    driftThreshold: moneySchema,
    alerts: {
      type: 'array',
      items: {
        type: 'object',
        properties: { kind: { type: 'string' }, message: { type: 'string' }, openedAt: { type: 'string' } },
      },
    },
    topups: { type: 'array', items: topupSchema },
  },
} as const;

export const checkSchema = {
  type: 'object',
  properties: {
    provider: { type: 'string' },
    ours: moneySchema,
    theirs: nullableMoney,
    drift: nullableMoney,
    error: { type: ['string', 'null'] },
    opened: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const statementSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    provider: { type: 'string' },
    day: { type: 'string' },
    status: { type: 'string', enum: ['open', 'closed'] },
    currency: { type: 'string' },
    deliveredCount: { type: 'integer' },
    deliveredGross: moneySchema,
    reversedCount: { type: 'integer' },
    reversedGross: moneySchema,
    expectedCommission: moneySchema,
    actualCommission: moneySchema,
    commissionMismatchCount: { type: 'integer' },
    netOwed: moneySchema,
    floatOpening: moneySchema,
    floatTopups: moneySchema,
    floatClosing: moneySchema,
    drift: nullableMoney,
    closedAt: { type: ['string', 'null'] },
  },
} as const;

export const statementDetailSchema = {
  type: 'object',
  properties: {
    ...statementSchema.properties,
    mismatches: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          paymentId: { type: 'string' },
          providerRef: { type: 'string' },
          amount: moneySchema,
          expected: moneySchema,
          actual: nullableMoney,
          deliveredAt: { type: 'string' },
        },
      },
    },
  },
} as const;

export const statementQuery = {
  type: 'object',
  properties: {
    provider: { type: 'string', pattern: '^[a-z0-9-]{2,32}$' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
  },
  additionalProperties: false,
} as const;

export const gatewayStatementSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    day: { type: 'string' },
    status: { type: 'string', enum: ['open', 'closed'] },
    currency: { type: 'string' },
    cardCount: { type: 'integer' },
    cardGross: moneySchema,
    cardFees: moneySchema,
    transferCount: { type: 'integer' },
    transferGross: moneySchema,
    transferFees: moneySchema,
    feesTotal: moneySchema,
    payoutExpected: moneySchema,
    truncated: { type: 'boolean' },
    closedAt: { type: ['string', 'null'] },
  },
} as const;

export const gatewayQuery = {
  type: 'object',
  properties: {
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
  },
  additionalProperties: false,
} as const;

export const dayParams = {
  type: 'object',
  properties: { day: { type: 'string', format: 'date' } },
  required: ['day'],
} as const;
