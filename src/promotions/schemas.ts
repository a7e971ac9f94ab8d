/** JSON schemas of the promotions routes. */
import { errorResponses } from '../http/errors.js';
import { currencySchema, moneySchema, uuidSchema } from '../http/schemas.js';

const nullableString = { type: ['string', 'null'] } as const;

export const effectSchema = {
  type: 'object',
  description:
    'cashback_percent: bps of the amount (200 = 2%) capped at cap (0: none); flat: amount; referral: referrer and referee bonuses',
  properties: {
    type: { type: 'string', enum: ['cashback_percent', 'flat', 'referral'] },
    bps: { type: 'integer', minimum: 1, maximum: 10_000 },
    cap: { type: 'integer', minimum: 0 },
    amount: { type: 'integer', minimum: 0 },
    referrer: { type: 'integer', minimum: 0 },
    referee: { type: 'integer', minimum: 0 },
  },
  required: ['type'],
} as const;

export const conditionsSchema = {
  type: 'object',
  properties: {
    categories: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 50 },
    billerIds: { type: 'array', items: { type: 'string', maxLength: 80 }, maxItems: 50 },
    minAmount: { type: 'integer', minimum: 0 },
    tiers: { type: 'array', items: { type: 'integer', enum: [1, 2, 3] }, maxItems: 3 },
    newCustomersOnly: { type: 'boolean' },
    newCustomerDays: { type: 'integer', minimum: 1, maximum: 365 },
  },
  additionalProperties: false,
} as const;

const triggerSchema = {
  type: 'string',
  enum: ['bill_payment.succeeded', 'first_deposit', 'referral_first_payment'],
} as const;

export const publicCampaignSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    name: { type: 'string' },
    description: { type: 'string' },
    trigger: triggerSchema,
    effect: effectSchema,
    categories: { type: 'array', items: { type: 'string' } },
    currency: currencySchema,
    status: { type: 'string', enum: ['draft', 'active', 'paused', 'ended'] },
    startsAt: nullableString,
    endsAt: nullableString,
  },
} as const;

export const campaignSchema = {
  type: 'object',
  properties: {
    ...publicCampaignSchema.properties,
    conditions: conditionsSchema,
    perPersonLimit: { type: ['integer', 'null'] },
    perPersonPeriod: { type: 'string', enum: ['day', 'week', 'month', 'campaign'] },
    accountId: uuidSchema,
    sandbox: { type: 'boolean' },
    funded: { ...moneySchema, description: 'Put into the campaign so far' },
    spent: { ...moneySchema, description: 'Paid out net of clawbacks (funded - remaining)' },
    remaining: { ...moneySchema, description: 'What the campaign account holds: the most it can still pay' },
    redemptions: { type: 'integer' },
    receivable: { ...moneySchema, description: 'Clawbacks the wallets could not cover' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const createCampaignBody = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 120 },
    description: { type: 'string', maxLength: 500 },
    trigger: triggerSchema,
    conditions: conditionsSchema,
    effect: effectSchema,
    perPersonLimit: { type: ['integer', 'null'], minimum: 1, maximum: 1000 },
    perPersonPeriod: { type: 'string', enum: ['day', 'week', 'month', 'campaign'] },
    currency: currencySchema,
    startsAt: { type: ['string', 'null'], format: 'date-time' },
    endsAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['name', 'trigger', 'effect'],
  additionalProperties: false,
} as const;

export const rewardSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    campaignId: uuidSchema,
    campaignName: { type: 'string' },
    userId: uuidSchema,
    role: { type: 'string', enum: ['customer', 'referrer', 'referee'] },
    amount: { ...moneySchema, description: 'Paid (0 when skipped)' },
    computed: {
      ...moneySchema,
      description: 'What the effect computed (more than amount when the budget ran short)',
    },
    currency: currencySchema,
    status: { type: 'string', enum: ['paid', 'skipped', 'clawed_back', 'receivable', 'settled'] },
    reason: nullableString,
    source: { type: 'string', description: 'The triggering transaction, e.g. bill_payment:<id>' },
    receivable: moneySchema,
    createdAt: { type: 'string' },
  },
} as const;

export const cardSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    last4: { type: 'string' },
    brand: { type: 'string' },
    expMonth: { type: 'string' },
    expYear: { type: 'string' },
    bank: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

const ruleFields = {
  cardId: uuidSchema,
  threshold: {
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000_000,
    description: 'Top up when the available balance falls below this (minor units)',
  },
  amount: { type: 'integer', minimum: 100, maximum: 1_000_000_000, description: 'Each top-up (minor units)' },
  maxPerDay: { type: 'integer', minimum: 1, maximum: 10 },
  maxPerMonth: {
    type: 'integer',
    minimum: 100,
    maximum: 100_000_000_000,
    description: 'At most this much a month (minor units)',
  },
  enabled: { type: 'boolean' },
} as const;

export const ruleSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    walletId: uuidSchema,
    ...ruleFields,
    card: {
      type: ['object', 'null'],
      properties: { last4: { type: 'string' }, brand: { type: 'string' }, removed: { type: 'boolean' } },
    },
    charges: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: uuidSchema,
          reference: { type: 'string' },
          amount: moneySchema,
          status: { type: 'string', enum: ['pending', 'succeeded', 'failed'] },
          reason: nullableString,
          createdAt: { type: 'string' },
        },
      },
    },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const createRuleBody = {
  type: 'object',
  properties: { walletId: uuidSchema, ...ruleFields },
  required: ['walletId', 'cardId', 'threshold', 'amount', 'maxPerDay', 'maxPerMonth'],
  additionalProperties: false,
} as const;

export const updateRuleBody = {
  type: 'object',
  properties: ruleFields,
  additionalProperties: false,
  minProperties: 1,
} as const;

export const campaignErrors = errorResponses([
  'not_found',
  'invalid_campaign',
  'campaign_state_invalid',
  'unsupported_currency',
]);
export const ruleErrors = errorResponses([
  'not_found',
  'invalid_auto_topup_rule',
  'auto_topup_rule_exists',
  'unsupported_currency',
]);
