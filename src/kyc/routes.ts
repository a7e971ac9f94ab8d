import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { meKycRoutes } from './routes-me.js';
import { pndRoutes } from './routes-pnd.js';
import { reviewRoutes } from './routes-reviews.js';
import { staffKycRoutes } from './routes-staff.js';
import { tierRoutes } from './routes-tiers.js';

/** The KYC module's HTTP routes, one file per resource, registered in this order. */
export async function kycRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await meKycRoutes(app, ctx);
  await tierRoutes(app, ctx);
  await reviewRoutes(app, ctx);
  await pndRoutes(app, ctx);
  await staffKycRoutes(app, ctx);
}
