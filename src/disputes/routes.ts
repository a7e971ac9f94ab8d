import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { adminDisputeRoutes } from './routes-admin-disputes.js';
import { customerDisputeRoutes } from './routes-disputes.js';

/** The disputes module's HTTP routes, one file per resource. */
export async function disputeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await customerDisputeRoutes(app, ctx);
  await adminDisputeRoutes(app, ctx);
}
