import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { ruleRoutes } from './routes-rules.js';
import { runRoutes } from './routes-runs.js';

/** The reconciliation module's HTTP routes, one file per resource. */
export async function reconciliationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await runRoutes(app, ctx);
  await ruleRoutes(app, ctx);
}
