/** JSON schemas of the KYC routes (requests validated, replies serialised by them). */
import { currencySchema, moneySchema, textSchema, uuidSchema } from '../http/schemas.js';
import { ID_TYPES } from './tier3.js';

const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const nullableMoney = { type: ['integer', 'null'], description: 'Minor units; null = no maximum' } as const;

/** An 11-digit BVN or NIN. */
const identityNumber = (what: string) =>
  ({ type: 'string', pattern: '^[0-9]{11}$', description: `${what}: 11 digits` }) as const;

export const bvnBody = {
  type: 'object',
  properties: {
    bvn: identityNumber('Bank Verification Number'),
    dateOfBirth: { type: 'string', format: 'date', description: 'YYYY-MM-DD, as on the BVN record' },
  },
  required: ['bvn', 'dateOfBirth'],
  additionalProperties: false,
} as const;

export const ninBody = {
  type: 'object',
  properties: { nin: identityNumber('National Identification Number') },
  required: ['nin'],
  additionalProperties: false,
} as const;

export const tier3Body = {
  type: 'object',
  properties: {
    address: { ...textSchema(500), minLength: 5 },
    idType: { type: 'string', enum: ID_TYPES },
    idNumber: { type: 'string', pattern: '^[A-Za-z0-9-]{5,30}$' },
  },
  required: ['address', 'idType', 'idNumber'],
  additionalProperties: false,
} as const;

export const verificationSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['bvn', 'nin'] },
    status: { type: 'string', enum: ['verified'] },
    number: { type: 'string', description: 'Masked: `*******2222`' },
    tier: { type: 'integer', enum: [1, 2, 3] },
  },
  required: ['kind', 'status', 'number', 'tier'],
} as const;

export const reviewSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    userId: uuidSchema,
    status: { type: 'string', enum: ['pending', 'approved', 'rejected'] },
    address: { type: 'string' },
    idType: { type: 'string', enum: ID_TYPES },
    idNumber: { type: 'string', description: 'Masked to its last four characters' },
    reviewerId: { type: ['string', 'null'] },
    reason: { type: ['string', 'null'] },
    submittedAt: dateTime,
    decidedAt: nullableDateTime,
  },
  required: ['id', 'userId', 'status', 'address', 'idType', 'idNumber', 'submittedAt'],
} as const;

const limitsProperties = {
  dailyDebitLimit: moneySchema,
  maxBalance: nullableMoney,
  singleTransactionLimit: moneySchema,
  singleDepositLimit: moneySchema,
} as const;

export const summarySchema = {
  type: 'object',
  properties: {
    tier: { type: 'integer', enum: [1, 2, 3] },
    status: { type: 'string', enum: ['active', 'post_no_debit', 'review_pending'] },
    bvn: { type: ['string', 'null'], description: 'Masked' },
    nin: { type: ['string', 'null'], description: 'Masked' },
    currency: currencySchema,
    limits: {
      type: ['object', 'null'],
      description: 'null: this currency is not allowed at this tier',
      properties: { ...limitsProperties, effectiveFrom: dateTime },
    },
    usage: {
      type: 'object',
      properties: {
        dailyDebitUsed: { ...moneySchema, description: 'Debits today (Africa/Lagos day), minor units' },
        resetsAt: { ...dateTime, description: 'Next midnight in Lagos' },
        balanceHeadroom: {
          type: ['integer', 'null'],
          description: 'Room below the maximum balance; null = no maximum',
        },
      },
      required: ['dailyDebitUsed', 'resetsAt', 'balanceHeadroom'],
    },
    nextTier: {
      type: 'object',
      properties: {
        tier: { type: ['integer', 'null'] },
        requirements: {
          type: 'array',
          items: {
            type: 'string',
            enum: ['verified_phone', 'bvn', 'nin', 'address_and_id', 'review_approval'],
          },
        },
      },
      required: ['tier', 'requirements'],
    },
  },
  required: ['tier', 'status', 'bvn', 'nin', 'currency', 'limits', 'usage', 'nextTier'],
} as const;

export const summaryQuery = {
  type: 'object',
  properties: { currency: { ...currencySchema, default: 'NGN' } },
  additionalProperties: false,
} as const;

export const tierRuleSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    tier: { type: 'integer', enum: [1, 2, 3] },
    currency: currencySchema,
    ...limitsProperties,
    effectiveFrom: dateTime,
    createdBy: { type: ['string', 'null'] },
    createdAt: dateTime,
    reason: { type: 'string' },
    inForce: { type: 'boolean' },
  },
  required: [
    'id',
    'tier',
    'currency',
    'dailyDebitLimit',
    'maxBalance',
    'singleTransactionLimit',
    'effectiveFrom',
  ],
} as const;

const limit = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;

export const tierRuleBody = {
  type: 'object',
  properties: {
    tier: { type: 'integer', enum: [1, 2, 3] },
    currency: currencySchema,
    dailyDebitLimit: limit,
    maxBalance: { type: ['integer', 'null'], minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    singleTransactionLimit: limit,
    singleDepositLimit: limit,
    effectiveFrom: { ...dateTime, description: 'Default now; never in the past' },
    reason: { type: 'string', minLength: 3, maxLength: 500 },
  },
  required: [
    'tier',
    'currency',
    'dailyDebitLimit',
    'maxBalance',
    'singleTransactionLimit',
    'singleDepositLimit',
    'reason',
  ],
  additionalProperties: false,
} as const;

export const reviewQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['pending', 'approved', 'rejected'], default: 'pending' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    cursor: { type: 'string', maxLength: 512 },
  },
  additionalProperties: false,
} as const;

export const pndBody = {
  type: 'object',
  properties: {
    on: { type: 'boolean' },
    reason: { type: 'string', minLength: 3, maxLength: 500 },
  },
  required: ['on', 'reason'],
  additionalProperties: false,
} as const;

export const pndSchema = {
  type: 'object',
  properties: {
    userId: uuidSchema,
    pnd: { type: 'boolean' },
    pndReason: { type: ['string', 'null'] },
  },
  required: ['userId', 'pnd', 'pndReason'],
} as const;

export const walletPndSchema = {
  type: 'object',
  properties: {
    walletId: uuidSchema,
    userId: uuidSchema,
    pnd: { type: 'boolean' },
    pndReason: { type: ['string', 'null'] },
  },
  required: ['walletId', 'userId', 'pnd', 'pndReason'],
} as const;

/** Who may not call at all: every KYC route answers these. */
export const authErrors = {
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  403: ['forbidden', 'insufficient_scope', 'account_frozen'],
} as const;

const verifiedNumber = (what: string) =>
  ({
    type: 'object',
    description: `${what}: never the full number`,
    properties: {
      last4: { type: ['string', 'null'], description: 'Its last four digits; null: not verified' },
      verifiedAt: nullableDateTime,
    },
    required: ['last4', 'verifiedAt'],
  }) as const;

export const staffKycSchema = {
  type: 'object',
  properties: {
    userId: uuidSchema,
    tier: summarySchema.properties.tier,
    status: summarySchema.properties.status,
    bvn: verifiedNumber('The BVN'),
    nin: verifiedNumber('The NIN'),
    pnd: { type: 'boolean', description: 'Post-no-debit on the person' },
    pndReason: { type: ['string', 'null'] },
    reviews: {
      type: 'array',
      description: 'Tier-3 requests, newest first, with the document submitted and the decision',
      items: {
        type: 'object',
        properties: {
          ...reviewSchema.properties,
          reviewer: {
            type: ['object', 'null'],
            description: 'Who decided; null while pending',
            properties: { id: uuidSchema, email: { type: 'string' }, fullName: { type: 'string' } },
            required: ['id', 'email', 'fullName'],
          },
        },
        required: [...reviewSchema.required, 'reviewerId', 'reason', 'decidedAt', 'reviewer'],
      },
    },
    wallets: {
      type: 'array',
      description: "Per currency of the person's wallets: the tier's limits, today's use and what is held",
      items: {
        type: 'object',
        properties: {
          currency: currencySchema,
          limits: summarySchema.properties.limits,
          usage: summarySchema.properties.usage,
          held: { ...moneySchema, description: 'Posted balance of their wallets in this currency' },
        },
        required: ['currency', 'limits', 'usage', 'held'],
      },
    },
  },
  required: ['userId', 'tier', 'status', 'bvn', 'nin', 'pnd', 'pndReason', 'reviews', 'wallets'],
} as const;
