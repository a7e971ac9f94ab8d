import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { floatRoutes } from './routes-float.js';
import { gatewaySettlementRoutes } from './routes-gateway.js';
import { settlementStatementRoutes } from './routes-settlements.js';

/** Settlement's HTTP routes, one file per resource. */
export async function settlementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await floatRoutes(app, ctx);
  await settlementStatementRoutes(app, ctx);
  await gatewaySettlementRoutes(app, ctx);
}
