import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { caseRoutes } from './routes-cases.js';
import { ruleRoutes } from './routes-rules.js';

/** The risk module's HTTP routes, one file per resource. */
export async function riskRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await ruleRoutes(app, ctx);
  await caseRoutes(app, ctx);
}
