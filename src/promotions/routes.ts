import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { campaignRoutes } from './routes-campaigns.js';
import { autoTopupRoutes } from './routes-auto-topup.js';
import { rewardRoutes } from './routes-rewards.js';

/** The promotions routes: operators' campaigns, customers' rewards, cards and auto top-up. */
export async function promotionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await campaignRoutes(app, ctx);
  await rewardRoutes(app, ctx);
  await autoTopupRoutes(app, ctx);
}
