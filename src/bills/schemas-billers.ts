/** JSON schemas of the biller routes (customer and operator). */
import { moneySchema } from '../http/schemas.js';
import { CATEGORIES, PRODUCT_KINDS } from './catalogue.js';

export const billerSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    category: { type: 'string', enum: CATEGORIES },
    enabled: { type: 'boolean' },
    customerRefLabel: { type: 'string' },
    minAmount: moneySchema,
    maxAmount: moneySchema,
    fee: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        flat: moneySchema,
        percentBps: { type: 'integer' },
        cap: moneySchema,
      },
    },
    commissionBps: { type: 'integer' },
    commissionType: { type: 'string', enum: ['percent', 'flat'] },
    commissionFlat: moneySchema,
    products: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string' },
          fixedAmount: { type: ['integer', 'null'] },
          minAmount: moneySchema,
          maxAmount: moneySchema,
        },
      },
    },
  },
} as const;

export const billerIdParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[a-z0-9-]{2,64}$' } },
  required: ['id'],
  additionalProperties: false,
} as const;

export const customerRefSchema = {
  type: 'string',
  pattern: '^[0-9]{6,20}$',
  description: 'Meter, phone or smartcard number (digits)',
} as const;

export const adminBiller = {
  type: 'object',
  properties: {
    ...billerSchema.properties,
    serviceId: { type: 'string' },
    providers: { type: 'array', items: { type: 'string' } },
    products: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          ...billerSchema.properties.products.items.properties,
          enabled: { type: 'boolean' },
        },
      },
    },
  },
} as const;

/** An operator's fee rule in a request body. */
export const feeBody = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['flat', 'percent'] },
    flat: { type: 'integer', minimum: 0, maximum: 100_000_00 },
    percentBps: { type: 'integer', minimum: 0, maximum: 2000 },
    cap: { type: 'integer', minimum: 0, maximum: 100_000_00 },
  },
  required: ['type'],
  additionalProperties: false,
} as const;

export const providersBody = {
  type: 'array',
  items: { type: 'string', pattern: '^[a-z0-9-]{2,32}$' },
  minItems: 1,
  maxItems: 5,
  uniqueItems: true,
} as const;

export const productBody = {
  type: 'object',
  properties: {
    code: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    kind: { type: 'string', enum: PRODUCT_KINDS },
    fixedAmount: { type: ['integer', 'null'], minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    enabled: { type: 'boolean' },
  },
  required: ['code', 'name', 'kind'],
  additionalProperties: false,
} as const;

export const priceChangeSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    productCode: { type: 'string' },
    oldAmount: { type: ['integer', 'null'] },
    newAmount: moneySchema,
    source: { type: 'string', enum: ['sync', 'operator'] },
    actorId: { type: ['string', 'null'] },
    at: { type: 'string' },
  },
} as const;
