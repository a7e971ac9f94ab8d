/** JSON schemas shared by the wallet module's routes (requests are validated, responses serialised by them). */
import type { ErrorCode } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { currencySchema, moneySchema, uuidSchema } from '../http/schemas.js';
import { LINE_TYPES } from './history.js';

export const walletSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    userId: { ...uuidSchema, description: "The owner's user id" },
    currency: currencySchema,
    status: { type: 'string', enum: ['active', 'frozen', 'closed'] },
    balance: moneySchema,
    available: moneySchema,
    held: moneySchema,
    createdAt: { type: 'string', format: 'date-time' },
  },
  // Every field, in the order the wallet object has them: fast-json-stringify writes the required ones first.
  required: ['id', 'userId', 'currency', 'status', 'balance', 'available', 'held', 'createdAt'],
} as const;

export const lineSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    transactionId: uuidSchema,
    type: { type: 'string', enum: LINE_TYPES },
    direction: { type: 'string', enum: ['credit', 'debit'] },
    amount: moneySchema,
    currency: currencySchema,
    balanceAfter: moneySchema,
    status: { type: 'string', enum: ['completed', 'pending', 'released'] },
    counterparty: {
      type: ['object', 'null'],
      properties: { name: { type: 'string' }, walletId: { type: 'string' } },
      // Either may be missing (a bank payout has a name and no wallet).
      required: [],
    },
    subject: {
      type: ['object', 'null'],
      description:
        'What the line is about: the bill (open the payment for its token), the bank and masked account, the deposit channel and sender, the other wallet',
      properties: {
        kind: { type: 'string', enum: ['bill_payment', 'withdrawal', 'deposit', 'transfer'] },
        paymentId: { type: 'string' },
        billerName: { type: 'string' },
        customerReference: { type: 'string' },
        withdrawalId: { type: 'string' },
        bankName: { type: 'string' },
        accountNumber: { type: 'string', description: 'masked: the last four digits' },
        depositId: { type: 'string' },
        channel: { type: 'string', enum: ['card', 'bank_transfer'] },
        senderName: { type: 'string' },
        senderBank: { type: 'string' },
        walletId: { type: 'string' },
      },
      required: ['kind'],
    },
    description: { type: 'string' },
    reference: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

export const historyQuery = {
  type: 'object',
  properties: {
    cursor: { type: 'string', pattern: '^[0-9]{1,19}$' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
    type: { type: 'string', enum: LINE_TYPES },
    status: { type: 'string', enum: ['completed', 'pending', 'released'] },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
  },
  additionalProperties: false,
} as const;

export const depositSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    reference: { type: 'string' },
    walletId: uuidSchema,
    amount: moneySchema,
    currency: currencySchema,
    status: { type: 'string', enum: ['pending', 'succeeded', 'failed', 'flagged'] },
    checkoutUrl: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

export const withdrawalSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    reference: { type: 'string' },
    walletId: uuidSchema,
    status: {
      type: 'string',
      enum: ['pending_review', 'pending', 'processing', 'succeeded', 'failed', 'needs_review', 'reversed'],
    },
    /** The risk case when the rules flagged or held it (pending_review). */
    caseId: { type: 'string' },
    amount: moneySchema,
    fee: moneySchema,
    total: moneySchema,
    currency: currencySchema,
    bankCode: { type: 'string' },
    accountNumber: { type: 'string' },
    accountName: { type: 'string' },
    narration: { type: 'string' },
    failureReason: { type: ['string', 'null'] },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: { status: { type: 'string' }, at: { type: 'string' }, reason: { type: 'string' } },
      },
    },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const recipientSchema = {
  oneOf: [
    {
      type: 'object',
      properties: { walletId: uuidSchema },
      required: ['walletId'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { email: { type: 'string', format: 'email', maxLength: 254 } },
      required: ['email'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { phone: { type: 'string', pattern: '^\\+?[0-9]{7,15}$' } },
      required: ['phone'],
      additionalProperties: false,
    },
  ],
} as const;

/** What every money-moving route can answer; a route adds its own with errorResponses(moneyErrorCodes, [...]). */
export const moneyErrorCodes: ErrorCode[] = [
  'idempotency_key_required',
  'invalid_idempotency_key',
  'invalid_amount',
  'unknown_field',
  'validation_failed',
  'malformed_json',
  'unauthorized',
  'token_expired',
  'invalid_token',
  'not_found',
  'request_in_progress',
  'body_too_large',
  'unsupported_media_type',
  'insufficient_funds',
  'wallet_frozen',
  'wallet_closed',
  'idempotency_key_reused',
  'amount_out_of_range',
  'limit_exceeded',
  'kyc_required',
  'risk_blocked',
];
export const transferErrors = errorResponses(moneyErrorCodes, [
  'recipient_not_found',
  'currency_mismatch',
  'self_transfer',
]);
export const depositErrors = errorResponses(moneyErrorCodes);
export const readErrors = errorResponses(['unauthorized', 'token_expired', 'invalid_token', 'not_found']);

/** Why an operator freezes or unfreezes a wallet: required, it goes to the audit log. */
export const walletStatusReasonBody = {
  type: 'object',
  properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } },
  required: ['reason'],
  additionalProperties: false,
} as const;

/** Closing one's own wallet: a reason is optional. */
export const walletCloseBody = {
  type: 'object',
  properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } },
  additionalProperties: false,
} as const;
