/** JSON schemas of the inbound rail's routes: dedicated accounts, inbound transfers, the sandbox bank transfer. */
import { errorResponses } from '../http/errors.js';
import { amountSchema, currencySchema, moneySchema, uuidSchema } from '../http/schemas.js';

const nullableString = { type: ['string', 'null'] } as const;

export const fundingAccountSchema = {
  type: 'object',
  description: 'The bank account number that funds this wallet: money sent to it by bank transfer lands here',
  properties: {
    walletId: uuidSchema,
    currency: currencySchema,
    status: {
      type: 'string',
      enum: ['none', 'pending', 'assigned', 'failed'],
      description: 'none: never requested; pending: being assigned; failed: the provider refused (ask again)',
    },
    eligible: { type: 'boolean', description: 'Whether the account tier allows one now' },
    bankName: nullableString,
    accountNumber: { type: ['string', 'null'], description: '10 digits (NUBAN)' },
    accountName: nullableString,
    failureReason: nullableString,
    assignedAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: [
    'walletId',
    'currency',
    'status',
    'eligible',
    'bankName',
    'accountNumber',
    'accountName',
    'failureReason',
    'assignedAt',
  ],
} as const;

export const inboundTransferSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    reference: { type: 'string', description: "The gateway's reference" },
    accountNumber: { type: 'string', description: 'The account number the money was sent to' },
    amount: moneySchema,
    currency: currencySchema,
    sender: {
      type: 'object',
      properties: { name: nullableString, bank: nullableString, accountNumber: nullableString },
    },
    walletId: { type: ['string', 'null'], description: 'The wallet the account number belongs to, if any' },
    depositId: nullableString,
    status: { type: 'string', enum: ['credited', 'held', 'returned'] },
    holdReason: { type: ['string', 'null'], enum: ['unknown_account', 'over_limit', 'not_creditable', null] },
    holdDetail: nullableString,
    resolution: { type: ['string', 'null'], enum: ['credited_to_wallet', 'returned_to_sender', null] },
    resolvedWalletId: nullableString,
    returnReference: nullableString,
    resolvedBy: nullableString,
    resolvedAt: nullableString,
    createdAt: { type: 'string' },
  },
} as const;

export const inboundQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['credited', 'held', 'returned'] },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
  },
  additionalProperties: false,
} as const;

export const inboundCreditBody = {
  type: 'object',
  properties: {
    walletId: uuidSchema,
    reason: { type: 'string', minLength: 3, maxLength: 500 },
  },
  required: ['walletId', 'reason'],
  additionalProperties: false,
} as const;

export const inboundReturnBody = {
  type: 'object',
  properties: {
    bankReference: {
      type: 'string',
      minLength: 3,
      maxLength: 64,
      description: "The bank's reference of the transfer back to the sender",
    },
    reason: { type: 'string', minLength: 3, maxLength: 500 },
  },
  required: ['bankReference', 'reason'],
  additionalProperties: false,
} as const;

/** POST /sandbox/bank-transfers: "someone sent NGN X to this account number". */
export const sandboxBankTransferBody = {
  type: 'object',
  properties: {
    accountNumber: { type: 'string', pattern: '^[0-9]{10}$' },
    amount: amountSchema,
    senderName: { type: 'string', minLength: 1, maxLength: 100 },
    senderBank: { type: 'string', minLength: 1, maxLength: 100 },
  },
  required: ['accountNumber', 'amount'],
  additionalProperties: false,
} as const;

const authCodes = [
  'unauthorized',
  'token_expired',
  'invalid_token',
  'forbidden',
  'insufficient_scope',
] as const;

export const fundingReadErrors = errorResponses([...authCodes, 'not_found']);
export const fundingRequestErrors = errorResponses([
  ...authCodes,
  'not_found',
  'kyc_required',
  'unsupported_currency',
]);
export const inboundActionErrors = errorResponses([
  ...authCodes,
  'idempotency_key_required',
  'invalid_idempotency_key',
  'idempotency_key_reused',
  'request_in_progress',
  'validation_failed',
  'unknown_field',
  'not_found',
  'not_resolvable',
  'currency_mismatch',
  'limit_exceeded',
  'kyc_required',
  'wallet_frozen',
  'wallet_closed',
]);
