import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { adminBillerRoutes } from './routes-admin-billers.js';
import { adminDashboardRoutes } from './routes-admin-dashboard.js';
import { adminPaymentRoutes } from './routes-admin-payments.js';
import { adminProviderRoutes } from './routes-admin-providers.js';
import { billerRoutes } from './routes-billers.js';
import { dueBillRoutes } from './routes-due.js';
import { linkedAccountRoutes } from './routes-linked-accounts.js';
import { paymentRoutes } from './routes-payments.js';
import { webhookRoutes } from './routes-webhooks.js';

/** Bills' HTTP routes, one file per resource, registered in this order. */
export async function billRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await billerRoutes(app, ctx);
  await paymentRoutes(app, ctx);
  await linkedAccountRoutes(app, ctx);
  await dueBillRoutes(app, ctx);
  await webhookRoutes(app, ctx);
  await adminPaymentRoutes(app, ctx);
  await adminBillerRoutes(app, ctx);
  await adminProviderRoutes(app, ctx);
  await adminDashboardRoutes(app, ctx);
}
