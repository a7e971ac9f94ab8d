/** JSON schemas of the reconciliation routes. */
import { errorResponses } from '../http/errors.js';
import { amountSchema, uuidSchema } from '../http/schemas.js';
import { CLASSES, STATUSES, STRATEGIES } from './types.js';

const nullableString = { type: ['string', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;

export const sourceSchema = {
  type: 'string',
  pattern: '^(gateway|bank|provider:[a-z0-9_-]{1,40})$',
  description: '`provider:<id>` (bill payments of that provider), `gateway` (deposits), `bank` (withdrawals)',
} as const;

const countsSchema = {
  type: ['object', 'null'],
  description: 'Result rows per class: every line of the report and every one of our items in exactly one',
  properties: Object.fromEntries(CLASSES.map((c) => [c, { type: 'integer' }])),
} as const;

const runProperties = {
  id: uuidSchema,
  source: { type: 'string' },
  origin: { type: 'string', enum: ['upload', 'pull', 'nightly'] },
  status: { type: 'string', enum: ['started', 'in_progress', 'completed', 'failed'] },
  dryRun: { type: 'boolean' },
  replayed: { type: 'boolean', description: 'true: this file was reconciled before; this is that run' },
  fileName: nullableString,
  sha256: { type: 'string' },
  reportDate: nullableString,
  periodFrom: { type: 'string' },
  periodTo: { type: 'string' },
  externalCount: { type: 'integer' },
  internalCount: nullableInteger,
  progress: {
    type: 'object',
    properties: { written: { type: 'integer' }, total: nullableInteger },
  },
  counts: countsSchema,
  attempts: { type: 'integer' },
  failureReason: nullableString,
  createdAt: { type: 'string' },
  completedAt: nullableString,
} as const;

export const runSchema = { type: 'object', properties: runProperties } as const;

const itemProperties = {
  reference: { type: 'string' },
  amount: { type: 'integer', description: 'Minor units' },
  currency: { type: 'string' },
  status: { type: 'string', enum: [...STATUSES] },
  rawStatus: { type: 'string' },
  date: { type: 'string' },
} as const;

export const exceptionSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    position: { type: 'integer' },
    class: { type: 'string', enum: [...CLASSES] },
    external: {
      type: 'array',
      description: "The report's lines in this row",
      items: { type: 'object', properties: { seq: { type: 'integer' }, ...itemProperties } },
    },
    internal: {
      type: 'array',
      description: 'Our items in this row',
      items: {
        type: 'object',
        properties: {
          id: uuidSchema,
          kind: { type: 'string', enum: ['bill_payment', 'deposit', 'withdrawal'] },
          ...itemProperties,
        },
      },
    },
    externalAmount: nullableInteger,
    internalAmount: nullableInteger,
    resolution: { type: ['string', 'null'], enum: ['requeried', 'adjusted', 'linked', 'accepted', null] },
    resolutionReason: nullableString,
    resolutionDetail: { type: ['object', 'null'], additionalProperties: true },
    resolvedBy: nullableString,
    resolvedAt: nullableString,
    actions: { type: 'array', items: { type: 'string' }, description: 'The resolutions it may take' },
  },
} as const;

export const runDetailSchema = {
  type: 'object',
  properties: {
    ...runProperties,
    exceptions: { type: 'array', items: exceptionSchema },
    nextCursor: nullableString,
  },
} as const;

export const dryRunSchema = {
  type: 'object',
  description: 'A dry run: counts and the first 100 exceptions, nothing stored',
  properties: {
    dryRun: { type: 'boolean', const: true },
    status: { type: 'string' },
    source: { type: 'string' },
    periodFrom: { type: 'string' },
    periodTo: { type: 'string' },
    externalCount: { type: 'integer' },
    internalCount: { type: 'integer' },
    counts: countsSchema,
    exceptions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          position: { type: 'integer' },
          class: { type: 'string' },
          externalSeqs: { type: 'array', items: { type: 'integer' } },
          internalIds: { type: 'array', items: { type: 'string' } },
          externalAmount: nullableInteger,
          internalAmount: nullableInteger,
        },
      },
    },
  },
  required: ['dryRun'],
} as const;

export const runOrDrySchema = { anyOf: [dryRunSchema, runSchema] } as const;

export const detailQuery = {
  type: 'object',
  properties: {
    cursor: { type: 'string', maxLength: 512 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
    class: { type: 'string', enum: CLASSES.filter((c) => c !== 'matched') },
    open: { type: 'boolean', description: 'true: unresolved exceptions only; false: resolved only' },
  },
  additionalProperties: false,
} as const;

export const listQuery = {
  type: 'object',
  properties: {
    cursor: { type: 'string', maxLength: 512 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
  additionalProperties: false,
} as const;

export const runParams = {
  type: 'object',
  properties: { id: uuidSchema, exceptionId: uuidSchema },
  required: ['id'],
  additionalProperties: false,
} as const;

export const pullBody = {
  type: 'object',
  properties: {
    source: sourceSchema,
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The Africa/Lagos day' },
    discrepancies: {
      type: 'array',
      maxItems: 5,
      uniqueItems: true,
      items: {
        type: 'string',
        enum: [
          'amount_mismatch',
          'status_mismatch',
          'missing_internal',
          'missing_external',
          'duplicate_external',
        ],
      },
      description: 'Sandbox: differences the simulator injects into its report, each into its own line',
    },
    dryRun: { type: 'boolean' },
  },
  required: ['source', 'date'],
  additionalProperties: false,
} as const;

export const resolveBody = {
  type: 'object',
  properties: {
    action: { type: 'string', enum: ['requery', 'adjust', 'link', 'accept'] },
    reason: { type: 'string', minLength: 3, maxLength: 500 },
    amount: { ...amountSchema, description: 'adjust: minor units moved' },
    direction: {
      type: 'string',
      enum: ['to_suspense', 'from_suspense'],
      description: "adjust: from the source's clearing account to suspense, or back",
    },
    internalId: { ...uuidSchema, description: 'link: one of our items in this run that no line matched' },
  },
  required: ['action', 'reason'],
  additionalProperties: false,
} as const;

const criterionSchema = {
  type: 'object',
  properties: {
    field: { type: 'string', enum: ['reference', 'amount', 'date', 'currency'] },
    operator: { type: 'string', enum: ['equals', 'contains', 'within'] },
    driftMinor: { type: 'integer', minimum: 0, maximum: 1_000_000_000, description: 'Minor units' },
    driftBps: { type: 'integer', minimum: 0, maximum: 10_000, description: 'Basis points of our amount' },
    windowSeconds: { type: 'integer', minimum: 0, maximum: 2_678_400 },
  },
  required: ['field', 'operator'],
  additionalProperties: false,
} as const;

const ruleProperties = {
  name: { type: 'string', minLength: 1, maxLength: 100 },
  priority: { type: 'integer', minimum: 0, maximum: 1_000_000, description: 'Lower first' },
  strategy: { type: 'string', enum: [...STRATEGIES] },
  sources: {
    type: 'array',
    minItems: 1,
    maxItems: 20,
    items: { type: 'string', pattern: '^(\\*|gateway|bank|provider:\\*|provider:[a-z0-9_-]{1,40})$' },
  },
  criteria: { type: 'array', minItems: 1, maxItems: 8, items: criterionSchema },
  enabled: { type: 'boolean' },
} as const;

export const ruleSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    ...ruleProperties,
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const reasonSchema = { type: 'string', minLength: 3, maxLength: 500 } as const;

export const ruleCreateBody = {
  type: 'object',
  properties: { ...ruleProperties, reason: reasonSchema },
  required: ['name', 'priority', 'strategy', 'sources', 'criteria', 'reason'],
  additionalProperties: false,
} as const;

export const ruleUpdateBody = {
  type: 'object',
  properties: { ...ruleProperties, reason: reasonSchema },
  required: ['reason'],
  additionalProperties: false,
} as const;

export const ruleParams = {
  type: 'object',
  properties: { id: uuidSchema },
  required: ['id'],
  additionalProperties: false,
} as const;

const authCodes = [
  'unauthorized',
  'token_expired',
  'invalid_token',
  'forbidden',
  'insufficient_scope',
] as const;
const idempotencyCodes = [
  'idempotency_key_required',
  'invalid_idempotency_key',
  'idempotency_key_reused',
  'request_in_progress',
] as const;

export const readErrors = errorResponses([...authCodes, 'not_found', 'invalid_cursor', 'validation_failed']);
export const uploadErrors = errorResponses([
  ...authCodes,
  'validation_failed',
  'invalid_report',
  'body_too_large',
  'unsupported_media_type',
  'not_sandbox',
  'providers_unavailable',
]);
export const resolveErrors = errorResponses([
  ...authCodes,
  ...idempotencyCodes,
  'validation_failed',
  'unknown_field',
  'not_found',
  'not_resolvable',
  'ledger_refused',
]);
export const ruleErrors = errorResponses([
  ...authCodes,
  'validation_failed',
  'unknown_field',
  'invalid_match_rule',
  'not_found',
]);
