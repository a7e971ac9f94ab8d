/** JSON schemas of the risk routes (requests validated, replies serialised by them). */
import { currencySchema, moneySchema, textSchema, uuidSchema } from '../http/schemas.js';
import { DEBIT_KINDS, RISK_ACTIONS, RULE_TYPES } from './types.js';

const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const kinds = {
  type: 'array',
  items: { type: 'string', enum: DEBIT_KINDS },
  minItems: 1,
  maxItems: 3,
} as const;
const ruleKey = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } as const;
const reason = { ...textSchema(500), minLength: 3 } as const;

const paramsSchema = {
  type: 'object',
  description:
    'By type: velocity_count {count, minutes}; velocity_amount {amount, minutes}; single_amount {amount}; ' +
    'new_recipient_amount {amount}; new_recipients_per_day {count}; new_device_large_debit {amount, minutes}. ' +
    'Amounts are minor units; every threshold is "more than".',
  properties: {
    count: { type: 'integer' },
    minutes: { type: 'integer' },
    amount: { type: 'integer', description: 'Minor units (kobo for NGN)' },
  },
  additionalProperties: false,
} as const;

export const ruleSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    type: { type: 'string', enum: RULE_TYPES },
    params: paramsSchema,
    action: { type: 'string', enum: RISK_ACTIONS },
    enabled: { type: 'boolean' },
    appliesTo: kinds,
    currency: currencySchema,
    effectiveFrom: dateTime,
    createdBy: nullableString,
    createdAt: dateTime,
    reason: { type: 'string' },
    inForce: { type: 'boolean', description: 'This version applies now' },
  },
  required: [
    'id',
    'key',
    'type',
    'params',
    'action',
    'enabled',
    'appliesTo',
    'currency',
    'effectiveFrom',
    'inForce',
  ],
} as const;

export const rulesBody = {
  type: 'object',
  properties: {
    rules: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          key: ruleKey,
          type: { type: 'string', enum: RULE_TYPES },
          params: paramsSchema,
          action: { type: 'string', enum: RISK_ACTIONS },
          enabled: { type: 'boolean', default: true },
          appliesTo: kinds,
          currency: { ...currencySchema, default: 'NGN' },
        },
        required: ['key', 'type', 'params', 'action', 'appliesTo'],
        additionalProperties: false,
      },
    },
    effectiveFrom: { ...dateTime, description: 'Default now; never in the past' },
    reason,
  },
  required: ['rules', 'reason'],
  additionalProperties: false,
} as const;

const firedSchema = {
  type: 'object',
  properties: {
    key: { type: 'string' },
    action: { type: 'string', enum: RISK_ACTIONS },
    why: { type: 'string' },
  },
  required: ['key', 'action', 'why'],
} as const;

const activitySchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: DEBIT_KINDS },
    amount: moneySchema,
    currency: currencySchema,
    counterparty: { type: 'string' },
    reference: { type: 'string' },
    newCounterparty: { type: 'boolean' },
    createdAt: dateTime,
  },
  required: ['kind', 'amount', 'currency', 'counterparty', 'reference', 'newCounterparty', 'createdAt'],
} as const;

export const caseSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    userId: uuidSchema,
    status: { type: 'string', enum: ['open', 'resolved'] },
    action: { type: 'string', enum: RISK_ACTIONS },
    ruleKeys: { type: 'array', items: { type: 'string' } },
    fired: { type: 'array', items: firedSchema },
    references: {
      type: 'array',
      items: { type: 'string' },
      description: 'The triggering transaction references',
    },
    kind: { type: 'string', enum: DEBIT_KINDS },
    amount: moneySchema,
    currency: currencySchema,
    counterparty: { type: 'string' },
    held: { type: 'boolean', description: 'Money is held until a release or refuse decision' },
    decision: { type: ['string', 'null'], enum: ['released', 'refused', 'dismissed', 'confirmed', null] },
    reason: nullableString,
    resolvedBy: nullableString,
    frozenBy: nullableString,
    frozenAt: nullableDateTime,
    freezeReason: nullableString,
    createdAt: dateTime,
    resolvedAt: nullableDateTime,
    recentActivity: {
      type: 'array',
      items: activitySchema,
      description: "The person's last 20 debits, newest first",
    },
  },
  required: [
    'id',
    'userId',
    'status',
    'action',
    'ruleKeys',
    'fired',
    'references',
    'kind',
    'amount',
    'currency',
    'counterparty',
    'held',
    'decision',
    'createdAt',
    'recentActivity',
  ],
} as const;

export const caseQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['open', 'resolved'], default: 'open' },
    userId: uuidSchema,
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    cursor: { type: 'string', maxLength: 512 },
  },
  additionalProperties: false,
} as const;

export const resolveBody = {
  type: 'object',
  properties: {
    decision: { type: 'string', enum: ['release', 'refuse', 'dismiss', 'confirm'] },
    reason,
  },
  required: ['decision', 'reason'],
  additionalProperties: false,
} as const;

export const freezeBody = {
  type: 'object',
  properties: { reason },
  required: ['reason'],
  additionalProperties: false,
} as const;

/** Who may not call at all: every risk route answers these. */
export const authErrors = {
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  403: ['forbidden', 'insufficient_scope', 'account_frozen'],
} as const;
