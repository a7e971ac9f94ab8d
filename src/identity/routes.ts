import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { adminRoutes } from './routes-admin.js';
import { adminSessionRoutes } from './routes-admin-sessions.js';
import { authRoutes } from './routes-auth.js';
import { passwordRoutes } from './routes-password.js';
import { pinRoutes } from './routes-pin.js';
import { sessionRoutes } from './routes-sessions.js';
import { supportRoutes } from './routes-support.js';
import { verificationRoutes } from './routes-verification.js';

/** Identity's HTTP routes: authentication, the current user and their sessions, password reset and change, email/phone verification, the transaction PIN, operator/admin user management, and the public support contact. */
export async function identityRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await authRoutes(app, ctx);
  await sessionRoutes(app, ctx);
  await passwordRoutes(app, ctx);
  await verificationRoutes(app, ctx);
  await pinRoutes(app, ctx);
  await adminRoutes(app, ctx);
  await adminSessionRoutes(app, ctx);
  await supportRoutes(app, ctx);
}
