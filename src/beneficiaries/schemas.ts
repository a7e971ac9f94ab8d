/** Request and response schemas of the beneficiary routes. */
import { errorResponses } from '../http/errors.js';
import { uuidSchema } from '../http/schemas.js';

const nickname = { type: 'string', minLength: 1, maxLength: 40 } as const;
const bankCode = { type: 'string', pattern: '^[0-9]{3,6}$' } as const;
const accountNumber = { type: 'string', pattern: '^[0-9]{10}$' } as const;
const walletKind = { type: 'string', const: 'wallet' } as const;

/** A person (as a transfer names one: wallet id, email or phone) or a bank account; the name is resolved. */
export const saveBody = {
  oneOf: [
    {
      type: 'object',
      properties: { kind: walletKind, email: { type: 'string', format: 'email', maxLength: 254 }, nickname },
      required: ['kind', 'email'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kind: walletKind, phone: { type: 'string', pattern: '^\\+?[0-9]{7,15}$' }, nickname },
      required: ['kind', 'phone'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kind: walletKind, walletId: uuidSchema, nickname },
      required: ['kind', 'walletId'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kind: { type: 'string', const: 'bank' }, bankCode, accountNumber, nickname },
      required: ['kind', 'bankCode', 'accountNumber'],
      additionalProperties: false,
    },
  ],
} as const;

export const renameBody = {
  type: 'object',
  properties: { nickname: { type: ['string', 'null'], maxLength: 40 } },
  required: ['nickname'],
  additionalProperties: false,
} as const;

export const listQuery = {
  type: 'object',
  properties: { kind: { type: 'string', enum: ['wallet', 'bank'] } },
  additionalProperties: false,
} as const;

export const beneficiarySchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    kind: { type: 'string', enum: ['wallet', 'bank'] },
    name: { type: 'string', description: 'As the recipient resolution or the bank gave it when saved' },
    nickname: { type: ['string', 'null'] },
    to: {
      type: ['object', 'null'],
      description: "wallet: how the person was named, to pass as a transfer's `to`",
      properties: { email: { type: 'string' }, phone: { type: 'string' }, walletId: { type: 'string' } },
    },
    bankCode: { type: ['string', 'null'] },
    bankName: { type: ['string', 'null'] },
    accountNumber: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'kind', 'name', 'nickname', 'to', 'bankCode', 'bankName', 'accountNumber', 'createdAt'],
} as const;

export const saveErrors = errorResponses([
  'invalid_phone',
  'recipient_not_found',
  'too_many_beneficiaries',
  'self_transfer',
  'unknown_bank',
  'account_not_resolved',
  'bank_unavailable',
  'withdrawals_unavailable',
]);

export const changeErrors = errorResponses(['not_found']);
