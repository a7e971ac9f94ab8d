/** JSON schemas shared by identity's routes (requests are validated, responses serialised by them). */
import { ROLES } from './types.js';

const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableString = { type: ['string', 'null'] } as const;

export const uuidParam = {
  type: 'object',
  properties: { id: { type: 'string', format: 'uuid' } },
  required: ['id'],
  additionalProperties: false,
} as const;

export const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string' },
    phone: { ...nullableString, description: 'E.164' },
    fullName: { type: 'string' },
    role: { type: 'string', enum: ROLES },
    status: { type: 'string', enum: ['active', 'frozen'] },
    referralCode: { type: 'string', description: 'This user’s own code, to invite others' },
    referredBy: { ...nullableString, description: 'Id of the user who referred this one' },
    createdAt: dateTime,
    updatedAt: dateTime,
    emailVerified: { type: 'boolean', description: 'The email was proven by a verification link' },
    phoneVerified: { type: 'boolean', description: 'The phone was proven by a one-time code' },
    hasPin: {
      type: 'boolean',
      description:
        'A transaction PIN is set; until it is, money-moving requests with a session answer pin_not_set',
    },
  },
  required: ['id', 'email', 'phone', 'fullName', 'role', 'status', 'referralCode', 'createdAt'],
} as const;

export const authResultSchema = {
  type: 'object',
  properties: {
    user: userSchema,
    accessToken: { type: 'string', description: 'HS256 JWT, valid for expiresIn seconds' },
    refreshToken: {
      type: 'string',
      description:
        'Opaque; single use (each refresh returns a new one). Also set as the vendra_refresh cookie',
    },
    tokenType: { type: 'string', enum: ['Bearer'] },
    expiresIn: { type: 'integer', description: 'Access-token lifetime in seconds' },
  },
  required: ['user', 'accessToken', 'refreshToken', 'tokenType', 'expiresIn'],
} as const;

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  cursor: { type: 'string', maxLength: 512 },
} as const;

export const apiKeySchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    prefix: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    createdAt: dateTime,
    expiresAt: dateTime,
    lastUsedAt: { type: ['string', 'null'], format: 'date-time' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'name', 'prefix', 'scopes', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'],
} as const;

const snapshot = { type: ['object', 'null'], additionalProperties: true } as const;

export const auditRecordSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    actorId: { ...nullableString, description: 'null: the system' },
    actorEmail: nullableString,
    action: { type: 'string' },
    targetType: { type: 'string' },
    targetId: nullableString,
    targetEmail: { ...nullableString, description: "For a user target, that user's email" },
    before: snapshot,
    after: snapshot,
    reason: nullableString,
    requestId: nullableString,
    createdAt: dateTime,
  },
  required: [
    'id',
    'actorId',
    'actorEmail',
    'action',
    'targetType',
    'targetId',
    'targetEmail',
    'before',
    'after',
    'reason',
    'createdAt',
  ],
} as const;

export const reasonBody = {
  type: 'object',
  properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } },
  required: ['reason'],
  additionalProperties: false,
} as const;

type Security = { [scheme: string]: string[] }[];
/** OpenAPI security: a bearer access token. */
export const bearer: Security = [{ bearer: [] }];
/** OpenAPI security: a bearer access token or an x-api-key. */
export const bearerOrApiKey: Security = [{ bearer: [] }, { apiKey: [] }];
