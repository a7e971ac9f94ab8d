/** JSON schemas of the biller routes (customer and operator). */
import { moneySchema } from '../http/schemas.js';
import { CATEGORIES } from './catalogue.js';

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
  properties: { ...billerSchema.properties, providers: { type: 'array', items: { type: 'string' } } },
} as const;
