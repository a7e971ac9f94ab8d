/** Settlement: provider float and top-ups, balance drift and low-float alerts, daily settlement statements. */
import type { AppContext } from '../context.js';
import type { SystemAccountSpec } from '../wallets/index.js';
import { checkFloats, FLOAT_CURRENCY } from './float.js';
import { closeSettlementDays } from './statements.js';

export {
  changeFloatSettings,
  checkFloats,
  checkProviderFloat,
  floatOverview,
  ourFloat,
  recordFloatTopup,
} from './float.js';
export {
  closeSettlementDays,
  computeStatement,
  getStatement,
  listStatements,
  statementCsv,
} from './statements.js';
export { settlementRoutes } from './routes.js';
export { computeGatewayStatement, GATEWAY_FEE_RULES, gatewayFee } from './gateway.js';

/** The ledger accounts settlement books to: commission revenue and the bank float top-ups come from. */
export function settlementSystemAccounts(): SystemAccountSpec[] {
  return [
    { type: 'commission_revenue', currency: FLOAT_CURRENCY },
    { type: 'settlement_bank', currency: FLOAT_CURRENCY },
  ];
}

/** The worker's settlement tasks: poll providers' balances, close settlement days. */
export function settlementTasks(
  ctx: AppContext,
): { name: string; intervalMs: number; run(): Promise<number> }[] {
  return [
    {
      name: 'settlement.check-floats',
      intervalMs: ctx.config.floatCheckIntervalMs,
      run: async () => {
        await checkFloats(ctx);
        return 0; // one round per interval, never "busy"
      },
    },
    {
      name: 'settlement.close-days',
      intervalMs: 5 * 60_000,
      run: async () => (await closeSettlementDays(ctx)).length,
    },
  ];
}
