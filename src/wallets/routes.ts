import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { adminWalletRoutes } from './routes-admin.js';
import { adminAdjustmentRoutes } from './routes-admin-adjustments.js';
import { adminPayoutRoutes } from './routes-admin-payouts.js';
import { depositRoutes } from './routes-deposits.js';
import { fundingRoutes } from './routes-funding.js';
import { adminFundingRoutes } from './routes-funding-admin.js';
import { sandboxBankTransferRoutes } from './routes-funding-sandbox.js';
import { transferRoutes } from './routes-transfers.js';
import { walletStatusRoutes } from './routes-wallet-status.js';
import { walletResourceRoutes } from './routes-wallets.js';
import { withdrawalQuoteRoutes } from './routes-withdrawal-quote.js';
import { withdrawalRoutes } from './routes-withdrawals.js';

export { baseUrlOf } from './routes-deposits.js';

/** The wallet module's HTTP routes, one file per resource, registered in this order. */
export async function walletRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await walletResourceRoutes(app, ctx);
  await depositRoutes(app, ctx);
  await transferRoutes(app, ctx);
  await withdrawalRoutes(app, ctx);
  await withdrawalQuoteRoutes(app, ctx);
  await adminWalletRoutes(app, ctx);
  await adminAdjustmentRoutes(app, ctx);
  await adminPayoutRoutes(app, ctx);
  await walletStatusRoutes(app, ctx);
  await fundingRoutes(app, ctx);
  await adminFundingRoutes(app, ctx);
  if (ctx.config.gatewayMode === 'sandbox') await sandboxBankTransferRoutes(app, ctx);
}
