/** The gateway's settlement days as the routes read them, on the settlement clock. */
import type { AppContext } from '../context.js';
import { lagosDay } from '../limits/index.js';
import { dayRange } from './day.js';
import { getGatewayStatement, listGatewayStatements } from './gateway.js';
import { clockOf } from './statements.js';

export function gatewayDays(ctx: AppContext, q: { from?: string; to?: string }) {
  return listGatewayStatements(ctx.db, dayRange(lagosDay(clockOf(ctx)), q));
}

export function gatewayDay(ctx: AppContext, day: string) {
  return getGatewayStatement(ctx, day, lagosDay(clockOf(ctx)));
}
