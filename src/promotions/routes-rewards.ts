/** Customers: the campaigns running now and what they earned. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { bearerSecurity, listOf, moneySchema } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from '../identity/index.js';
import { activeCampaigns } from './campaigns.js';
import { listRewards } from './rewards.js';
import { publicCampaignSchema, rewardSchema } from './schemas.js';

export async function rewardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/campaigns',
    {
      onRequest: access({ scope: 'rewards:read' }),
      schema: {
        tags: ['rewards'],
        summary: 'The campaigns running now (what a payment or deposit can earn)',
        security: bearerSecurity,
        response: { 200: listOf(publicCampaignSchema) },
      },
    },
    async () => ({ data: await activeCampaigns(ctx.db, ctx.now?.() ?? new Date()) }),
  );

  typed(app).get(
    '/v1/rewards',
    {
      onRequest: access({ scope: 'rewards:read' }),
      schema: {
        tags: ['rewards'],
        summary: 'What I earned: cashback and referral bonuses, newest first (clawed back ones marked)',
        security: bearerSecurity,
        response: {
          200: {
            type: 'object',
            properties: {
              data: { type: 'array', items: rewardSchema },
              totals: { type: 'object', properties: { earned: moneySchema, currency: { type: 'string' } } },
            },
          },
        },
      },
    },
    async (request) => listRewards(ctx.db, authOf(request).userId),
  );
}
