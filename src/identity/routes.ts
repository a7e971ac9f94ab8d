import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { adminRoutes } from './routes-admin.js';
import { authRoutes } from './routes-auth.js';
import { sessionRoutes } from './routes-sessions.js';

/** Identity's HTTP routes: authentication, the current user and their sessions, and operator/admin user management. */
export async function identityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await authRoutes(app, ctx);
  await sessionRoutes(app, ctx);
  await adminRoutes(app, ctx);
}
