import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { bearerSecurity, listOf } from '../http/schemas.js';
import { access, authOf, recordAudit, STAFF } from '../identity/index.js';
import { type AccountType, getBalances, listAccounts, runAudit } from '../ledger/index.js';

const SYSTEM_TYPES: AccountType[] = [
  'gateway_clearing',
  'payout_clearing',
  'provider_float',
  'fee_revenue',
  'commission_receivable',
  'promotion_expense',
  'suspense',
  'equity',
  'commission_revenue',
  'settlement_bank',
];

const auditReportSchema = {
  type: 'object',
  properties: {
    ok: { type: 'boolean' },
    at: { type: 'string' },
    checks: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          title: { type: 'string' },
          proves: { type: 'string' },
          ok: { type: 'boolean' },
          detail: { type: 'string' },
          violations: { type: 'array', items: { type: 'object', additionalProperties: true } },
        },
      },
    },
  },
} as const;

/** The system accounts with their posted and pending totals (NGN ones always, others once used). */
async function systemAccounts(ctx: AppContext) {
  const accounts = (
    await Promise.all(SYSTEM_TYPES.map((type) => listAccounts(ctx.db, { type, limit: 100 })))
  ).flat();
  const balances = await getBalances(
    ctx.db,
    accounts.map((a) => a.id),
  );
  return accounts
    .map((a) => {
      const b = balances.get(a.id);
      return {
        id: a.id,
        name: a.name,
        type: a.type,
        currency: a.currency,
        debits: b?.debitsPosted ?? 0n,
        credits: b?.creditsPosted ?? 0n,
        balance: b?.posted ?? 0n,
        pendingCredits: b?.creditsPending ?? 0n,
        pendingDebits: b?.debitsPending ?? 0n,
      };
    })
    .filter((a) => a.currency === 'NGN' || a.debits !== 0n || a.credits !== 0n);
}

/** Operator views of the ledger: the audit and the system accounts' totals. */
export async function ledgerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/v1/admin/ledger/audit',
    {
      onRequest: access({ roles: STAFF, scope: 'ledger:audit' }),
      schema: {
        tags: ['admin'],
        summary:
          'Run the ledger audit: debits = credits per currency, stored balances = postings, no negative wallets, no overdue holds',
        security: bearerSecurity,
        response: {
          200: auditReportSchema,
        },
      },
    },
    async (request) => {
      const report = await ctx.db.transaction((tx) => runAudit(tx), { isolation: 'repeatable read' });
      await ctx.db.transaction((tx) =>
        recordAudit(tx, {
          actorId: authOf(request).userId,
          action: 'ledger.audit',
          targetType: 'ledger',
          targetId: null,
          before: null,
          after: { ok: report.ok, failed: report.checks.filter((c) => !c.ok).map((c) => c.name) },
        }),
      );
      return report;
    },
  );

  app.get(
    '/v1/admin/ledger/system-accounts',
    {
      onRequest: access({ roles: STAFF, scope: 'ledger:read' }),
      schema: {
        tags: ['admin'],
        summary: 'System accounts (gateway clearing, provider float, fee revenue, ...) with their balances',
        security: bearerSecurity,
        response: {
          200: listOf({
            type: 'object',
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              type: { type: 'string' },
              currency: { type: 'string' },
              debits: { type: 'integer' },
              credits: { type: 'integer' },
              balance: { type: 'integer' },
              pendingCredits: { type: 'integer' },
              pendingDebits: { type: 'integer' },
            },
          }),
        },
      },
    },
    async () => ({ data: await systemAccounts(ctx) }),
  );
}
