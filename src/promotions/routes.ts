import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { campaignRoutes } from './routes-campaigns.js';
import { customerPromotionRoutes } from './routes-customer.js';

/** The promotions routes: operators' campaigns, customers' rewards, cards and auto top-up. */
export async function promotionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await campaignRoutes(app, ctx);
  await customerPromotionRoutes(app, ctx);
}
