/** Request and response schemas of the notification routes. */
import { errorResponses } from '../http/errors.js';
import { amountSchema, moneySchema, uuidSchema } from '../http/schemas.js';
import { DEFAULT_ALERT_CURRENCY } from './low-balance.js';
import { CHANNELS, GROUPS } from './templates.js';

export const notificationSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    template: { type: 'string' },
    subject: { type: 'string' },
    text: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    readAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'template', 'subject', 'text', 'createdAt', 'readAt'],
} as const;

export const notificationPage = {
  type: 'object',
  properties: {
    data: { type: 'array', items: notificationSchema },
    nextCursor: {
      type: ['string', 'null'],
      description: 'Pass as cursor for the next page; null on the last page',
    },
    unread: { type: 'integer', description: 'Unread notifications in all' },
  },
  required: ['data', 'nextCursor', 'unread'],
} as const;

export const listQuery = {
  type: 'object',
  properties: {
    cursor: { type: 'string', maxLength: 512 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    unread: { type: 'boolean', description: 'true: unread ones only' },
  },
  additionalProperties: false,
} as const;

export const unreadSchema = {
  type: 'object',
  properties: { unread: { type: 'integer' } },
  required: ['unread'],
} as const;

export const readAllSchema = {
  type: 'object',
  properties: { marked: { type: 'integer' }, unread: { type: 'integer' } },
  required: ['marked', 'unread'],
} as const;

const group = { type: 'string', enum: GROUPS } as const;
const channel = { type: 'string', enum: CHANNELS } as const;

const lowBalanceSchema = {
  type: 'object',
  description:
    'Low-balance alert of your NGN wallet: one notification (balance group) when the available balance ' +
    'goes below the threshold, armed again once it is back at or above it',
  properties: {
    currency: { type: 'string', enum: [DEFAULT_ALERT_CURRENCY] },
    threshold: { ...moneySchema, type: ['integer', 'null'], description: 'Minor units; null: no alert' },
  },
  required: ['currency', 'threshold'],
} as const;

export const preferencesSchema = {
  type: 'object',
  properties: {
    lowBalance: lowBalanceSchema,
    data: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          group,
          channel,
          enabled: { type: 'boolean' },
          locked: { type: 'boolean', description: 'Security messages: always sent' },
        },
        required: ['group', 'channel', 'enabled', 'locked'],
      },
    },
  },
  required: ['data', 'lowBalance'],
} as const;

export const preferencesBody = {
  type: 'object',
  properties: {
    preferences: {
      type: 'array',
      minItems: 1,
      maxItems: GROUPS.length * CHANNELS.length,
      items: {
        type: 'object',
        properties: { group, channel, enabled: { type: 'boolean' } },
        required: ['group', 'channel', 'enabled'],
        additionalProperties: false,
      },
    },
    lowBalance: {
      type: 'object',
      properties: {
        currency: { type: 'string', enum: [DEFAULT_ALERT_CURRENCY] },
        threshold: {
          ...amountSchema,
          type: ['integer', 'null'],
          description: 'Minor units (kobo); null turns the alert off',
        },
      },
      required: ['threshold'],
      additionalProperties: false,
    },
  },
  minProperties: 1,
  additionalProperties: false,
} as const;

export const readErrors = errorResponses(['not_found']);
export const preferenceErrors = errorResponses(['notification_locked']);
