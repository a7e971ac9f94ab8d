/** Shared JSON-schema fragments for routes. */

/** Money in the API: a JSON integer of minor units (kobo for NGN). */
export const amountSchema = {
  type: 'integer',
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'Amount in minor units (kobo for NGN), a JSON integer',
} as const;

export const moneySchema = {
  type: 'integer',
  description: 'Minor units (kobo for NGN)',
} as const;

export const currencySchema = {
  type: 'string',
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217 code',
} as const;

export const uuidSchema = { type: 'string', format: 'uuid' } as const;

export const idParams = {
  type: 'object',
  properties: { id: uuidSchema },
  required: ['id'],
  additionalProperties: false,
} as const;

export const idempotencyHeader = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      description: 'Required: a unique key (a UUID) per money-moving request; a retry reuses it',
    },
  },
} as const;

/** Text for names and narrations: bounded; printable by the x-safe-text check every input string gets (http/text.ts). */
export const textSchema = (maxLength: number) => ({ type: 'string', maxLength }) as const;

/** Converts a JSON integer amount from a validated body to bigint. */
export const toMinor = (amount: number): bigint => {
  if (!Number.isSafeInteger(amount) || amount < 1)
    throw new RangeError('amount must be a positive safe integer');
  return BigInt(amount);
};

export const bearerSecurity: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }];

/** A response of the form `{ data: [item, ...] }`. */
export const listOf = <T extends object>(items: T) =>
  ({ type: 'object', properties: { data: { type: 'array', items } } }) as const;

/** A paginated response: `{ data: [item, ...], nextCursor }`. */
export const pageOf = <T extends object>(item: T) =>
  ({
    type: 'object',
    properties: {
      data: { type: 'array', items: item },
      nextCursor: {
        type: ['string', 'null'],
        description: 'Pass as cursor for the next page; null on the last page',
      },
    },
    required: ['data', 'nextCursor'],
  }) as const;
