import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { adminRoutes } from './routes-admin.js';
import { authRoutes } from './routes-auth.js';

/** Identity's HTTP routes: authentication, the current user, and operator/admin user management. */
export async function identityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await authRoutes(app, ctx);
  await adminRoutes(app, ctx);
}
