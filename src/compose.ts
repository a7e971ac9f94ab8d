/**
 * The composition root: builds the context and the HTTP app from the
 * modules. The only place (with main.ts, cli.ts, consumers.ts and
 * worker/tasks.ts) that knows every module; modules know only what they
 * import through each other's index.ts.
 */
import type { FastifyInstance } from 'fastify';
import { beneficiaryRoutes } from './beneficiaries/index.js';
import { billRoutes, insertPayments, type NewPayment } from './bills/index.js';
import type { Config } from './config.js';
import type { AppContext, ContextOptions } from './context.js';
import { migrate, openDb } from './db/index.js';
import { disputeRoutes } from './disputes/index.js';
import { createHttpApp, type RoutePlugin } from './http/app.js';
import { webRoutes } from './http/web.js';
import { claimMany, completeMany, type IdempotencyClaim } from './idempotency/index.js';
import {
  checkRouteAccess,
  identityRoutes,
  startIdentityCache,
  stopIdentityCache,
  watchRouteAccess,
} from './identity/index.js';
import { kycRoutes } from './kyc/index.js';
import { createLedgerBatcher } from './ledger/index.js';
import { createLimits } from './limits/index.js';
import type { Logger } from './log.js';
import { notificationRoutes } from './notifications/index.js';
import { dashboardRoutes, ledgerRoutes, searchRoutes } from './operations/index.js';
import { publishMany } from './outbox/index.js';
import { promotionRoutes, seedSandboxCampaign, treasuryAccounts } from './promotions/index.js';
import { outboxRoutes } from './outbox/routes.js';
import { startPaystack } from './paystack/index.js';
import { startProviders } from './providers/index.js';
import { receiptRoutes } from './receipts/index.js';
import { reconciliationRoutes } from './reconciliation/index.js';
import { settlementRoutes, settlementSystemAccounts } from './settlement/index.js';
import { registerHoldResolver, riskChecker, riskDebitsWriter, riskRoutes } from './risk/index.js';
import {
  ensureSystemAccounts,
  transferReviewResolver,
  walletRoutes,
  handleGatewayWebhook,
  walletSystemAccounts,
  withdrawalReviewResolver,
} from './wallets/index.js';

export type { AppContext, ContextOptions } from './context.js';
export type { RoutePlugin } from './http/app.js';

/** Module route plugins, registered in order. Each module exports one; add yours here. */
const modules: RoutePlugin[] = [
  identityRoutes,
  outboxRoutes,
  walletRoutes,
  billRoutes,
  kycRoutes,
  riskRoutes,
  reconciliationRoutes,
  ledgerRoutes,
  dashboardRoutes,
  searchRoutes,
  disputeRoutes,
  settlementRoutes,
  beneficiaryRoutes,
  receiptRoutes,
  notificationRoutes,
  promotionRoutes,
  webRoutes,
];

/** The API with every module's routes; deny by default (every /v1/ route declares its access). */
export function buildApp(ctx: AppContext, extraPlugins: RoutePlugin[] = []): Promise<FastifyInstance> {
  return createHttpApp(ctx, {
    routes: [...modules, ...extraPlugins],
    beforeRoutes: watchRouteAccess,
    afterRoutes: checkRouteAccess,
  });
}

export async function createContext(
  config: Config,
  log: Logger,
  options: ContextOptions = {},
): Promise<AppContext> {
  const db =
    options.db ??
    (await openDb({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.dbPoolSize,
      applicationName: `vendra-${config.role}`,
    }));
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const providers = options.providers === false ? undefined : await startProviders(config, log);
  await db.transaction((tx) =>
    ensureSystemAccounts(tx, [
      ...walletSystemAccounts(),
      ...(providers?.names ?? ['vtpass', 'vtpass-b']).map((name) => ({
        type: 'provider_float' as const,
        currency: 'NGN',
        suffix: name,
      })),
      ...settlementSystemAccounts(),
      ...treasuryAccounts(),
    ]),
  );
  const ledger = createLedgerBatcher(db, {
    windowMs: config.ledgerBatchWindowMs,
    maxItems: config.ledgerBatchMaxItems,
    maxInFlight: config.ledgerBatchMaxInFlight,
    maxQueued: config.ledgerBatchMaxQueued,
    log,
  });
  ledger.registerWriter('idempotency', (tx, rows) =>
    completeMany(tx, rows as Parameters<typeof completeMany>[1]),
  );
  ledger.registerChecker('idempotency', (tx, rows) => claimMany(tx, rows as IdempotencyClaim[]));
  ledger.registerWriter('outbox', (tx, rows) => publishMany(tx, rows as Parameters<typeof publishMany>[1]));
  ledger.registerWriter('bills.payments', (tx, rows) => insertPayments(tx, rows as NewPayment[]));
  // Risk rules before a debit moves (rows: RiskAttempt), and the journal of debits that went through.
  ledger.registerChecker('risk', riskChecker);
  ledger.registerWriter('risk.debits', riskDebitsWriter);
  registerHoldResolver('transfer', transferReviewResolver);
  registerHoldResolver('withdrawal', withdrawalReviewResolver);
  // Sessions, API keys and users' status and name, kept correct by NOTIFY; lookups on db use it.
  // A worker-only process authenticates no one: it reads the database and listens to nothing more.
  if (config.role !== 'worker') await startIdentityCache(db, log);
  const limits = createLimits(db, options.now);
  const paystack = await startPaystack(config, db);
  const ctx: AppContext = { config, log, db, ledger, limits, providers, paystack, now: options.now };
  // The sandbox gateway's webhooks reach the same handler as Paystack's, in this process.
  paystack.setWebhookSink(async (raw, signature) => {
    await handleGatewayWebhook(ctx, raw, signature);
  });
  // Sandbox only (never in production): a running campaign with no configuration.
  if (config.sandboxCampaign) await seedSandboxCampaign(ctx);
  return ctx;
}

export async function closeContext(ctx: AppContext, options: { closeDb?: boolean } = {}): Promise<void> {
  await ctx.ledger.close();
  await stopIdentityCache(ctx.db);
  await ctx.providers?.close();
  await ctx.paystack?.close();
  if (options.closeDb ?? true) await ctx.db.close();
}
