/**
 * Notifications: the in-app list with its read marks, the person's preferences, and (sandbox
 * modes only) the sandbox inbox of what would have been emailed or texted.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { bearerSecurity, idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from '../identity/index.js';
import type { Queryable } from '../db/index.js';
import { listNotifications, markAllRead, markRead, unreadCount } from './inbox.js';
import { DEFAULT_ALERT_CURRENCY, getThreshold, setThreshold } from './low-balance.js';
import { getPreferences, setPreferences } from './preferences.js';
import { sandboxInboxRoutes } from './routes-sandbox-inbox.js';
import {
  listQuery,
  notificationPage,
  notificationSchema,
  preferenceErrors,
  preferencesBody,
  preferencesSchema,
  readAllSchema,
  readErrors,
  unreadSchema,
} from './schemas.js';

const tags = ['notifications'];
const read = access({ scope: 'notifications:read' });
const write = access({ scope: 'notifications:write' });

async function listRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/notifications',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'My in-app notifications, newest first, with the unread count',
        security: bearerSecurity,
        querystring: listQuery,
        response: { 200: notificationPage, ...readErrors },
      },
    },
    async (request) => listNotifications(ctx.db, authOf(request).userId, request.query),
  );
  typed(app).get(
    '/v1/notifications/unread-count',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        security: bearerSecurity,
        response: { 200: unreadSchema },
      },
    },
    async (request) => ({ unread: await unreadCount(ctx.db, authOf(request).userId) }),
  );
  typed(app).post(
    '/v1/notifications/:id/read',
    {
      onRequest: write,
      schema: {
        tags,
        summary: 'Mark one notification read (again: no change)',
        security: bearerSecurity,
        params: idParams,
        response: { 200: notificationSchema, ...readErrors },
      },
    },
    async (request) => markRead(ctx.db, authOf(request).userId, request.params.id),
  );
  typed(app).post(
    '/v1/notifications/read-all',
    {
      onRequest: write,
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        security: bearerSecurity,
        response: { 200: readAllSchema },
      },
    },
    async (request) => {
      const userId = authOf(request).userId;
      return { marked: await markAllRead(ctx.db, userId), unread: await unreadCount(ctx.db, userId) };
    },
  );
}

/** The preferences as the routes answer them: per group and channel, and the low-balance alert. */
async function preferencesOf(db: Queryable, userId: string) {
  return {
    data: await getPreferences(db, userId),
    lowBalance: {
      currency: DEFAULT_ALERT_CURRENCY,
      threshold: await getThreshold(db, userId, DEFAULT_ALERT_CURRENCY),
    },
  };
}

async function preferenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/me/notification-preferences',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'My notification preferences: per group and channel (security messages are locked on)',
        security: bearerSecurity,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => preferencesOf(ctx.db, authOf(request).userId),
  );
  typed(app).put(
    '/v1/me/notification-preferences',
    {
      onRequest: write,
      schema: {
        tags,
        summary:
          'Change some of my notification preferences and the low-balance threshold; turning security messages off is refused (409)',
        security: bearerSecurity,
        body: preferencesBody,
        response: { 200: preferencesSchema, ...preferenceErrors },
      },
    },
    async (request) => {
      const userId = authOf(request).userId;
      const { preferences, lowBalance } = request.body;
      await ctx.db.transaction(async (tx) => {
        if (preferences) await setPreferences(tx, userId, preferences);
        if (lowBalance) {
          const threshold = lowBalance.threshold === null ? null : BigInt(lowBalance.threshold);
          await setThreshold(tx, userId, lowBalance.currency ?? DEFAULT_ALERT_CURRENCY, threshold);
        }
      });
      return preferencesOf(ctx.db, userId);
    },
  );
}

export async function notificationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await listRoutes(app, ctx);
  await preferenceRoutes(app, ctx);
  if (ctx.config.notifyMode === 'sandbox' || ctx.config.smsMode === 'sandbox')
    await sandboxInboxRoutes(app, ctx);
}
