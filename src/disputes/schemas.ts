import { postingsSchema, providerCallsSchema } from '../bills/index.js';
import { errorResponses } from '../http/errors.js';
import { moneySchema, uuidSchema } from '../http/schemas.js';
import { DISPUTE_REASONS, disputeStates, SUBJECT_TYPES } from './states.js';

const nullableString = { type: ['string', 'null'] } as const;

export const disputeSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    trackingNumber: { type: 'string', description: 'DSP-<year>-<number>: quote it in any contact' },
    subjectType: { type: 'string', enum: [...SUBJECT_TYPES] },
    subjectId: { type: 'string' },
    reason: { type: 'string', enum: [...DISPUTE_REASONS] },
    description: { type: 'string' },
    status: { type: 'string', enum: [...disputeStates.states] },
    amount: moneySchema,
    currency: { type: 'string' },
    acknowledgedAt: { type: 'string' },
    dueAt: { type: 'string', description: 'When the resolution is due (DISPUTE_SLA_DAYS after opening)' },
    overdue: { type: 'boolean', description: 'Still open past dueAt' },
    resolvedAt: nullableString,
    resolutionReason: nullableString,
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

const messagesSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      author: { type: 'string', enum: ['customer', 'operator', 'system'] },
      body: { type: 'string' },
      createdAt: { type: 'string' },
    },
  },
} as const;

export const disputeDetailSchema = {
  type: 'object',
  properties: { ...disputeSchema.properties, messages: messagesSchema },
} as const;

export const disputePage = {
  type: 'object',
  properties: {
    data: { type: 'array', items: disputeSchema },
    nextCursor: nullableString,
  },
} as const;

const looseItems = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      status: { type: 'string' },
      at: { type: 'string' },
      reason: nullableString,
    },
  },
} as const;

export const adminDisputeSchema = {
  type: 'object',
  properties: {
    ...disputeDetailSchema.properties,
    userId: { type: 'string' },
    subject: {
      type: ['object', 'null'],
      properties: {
        type: { type: 'string' },
        id: { type: 'string' },
        status: { type: 'string' },
        money: { type: 'string', enum: ['in_flight', 'money_back', 'refundable'] },
        amount: moneySchema,
        currency: { type: 'string' },
        walletId: { type: 'string' },
        tokenAvailable: { type: 'boolean' },
        refundFrom: {
          type: 'array',
          items: { type: 'object', properties: { type: { type: 'string' }, amount: moneySchema } },
        },
        provider: nullableString,
        title: { type: 'string' },
        timeline: looseItems,
        providerCalls: providerCallsSchema,
        postings: postingsSchema,
      },
    },
    refund: {
      type: ['object', 'null'],
      properties: {
        transactionId: { type: 'string' },
        amount: moneySchema,
        currency: { type: 'string' },
        createdAt: { type: 'string' },
      },
    },
  },
} as const;

export const openBody = {
  type: 'object',
  properties: {
    subjectType: { type: 'string', enum: [...SUBJECT_TYPES] },
    subjectId: uuidSchema,
    reason: { type: 'string', enum: [...DISPUTE_REASONS] },
    description: { type: 'string', minLength: 3, maxLength: 2000 },
  },
  required: ['subjectType', 'subjectId', 'reason', 'description'],
  additionalProperties: false,
} as const;

export const messageBody = {
  type: 'object',
  properties: { body: { type: 'string', minLength: 1, maxLength: 2000 } },
  required: ['body'],
  additionalProperties: false,
} as const;

export const resolveBody = {
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: ['refund', 'reject', 'delivered'] },
    reason: { type: 'string', minLength: 3, maxLength: 500 },
  },
  required: ['outcome', 'reason'],
  additionalProperties: false,
} as const;

export const listQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: [...disputeStates.states] },
    overdue: { type: 'boolean' },
    cursor: { type: 'string', maxLength: 512 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
  },
  additionalProperties: false,
} as const;

export const readErrors = errorResponses({ 404: ['not_found'] });
export const openErrors = errorResponses({ 404: ['not_found'], 409: ['dispute_already_open'] });
export const changeErrors = errorResponses({ 404: ['not_found'], 409: ['dispute_not_open'] });
export const resolveErrors = errorResponses({
  404: ['not_found'],
  409: ['dispute_not_open', 'subject_in_flight', 'already_refunded', 'no_token', 'request_in_progress'],
  422: ['limit_exceeded', 'wallet_frozen', 'wallet_closed', 'idempotency_key_reused'],
  429: ['rate_limited'],
});
