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

/** The day's figures as one CSV row under its header (amounts in minor units), for the finance team. */
const GATEWAY_CSV_FIELDS = [
  'day',
  'status',
  'currency',
  'cardCount',
  'cardGross',
  'cardFees',
  'transferCount',
  'transferGross',
  'transferFees',
  'feesTotal',
  'payoutExpected',
  'closedAt',
] as const;

export async function gatewayDayCsv(ctx: AppContext, day: string): Promise<string> {
  const s = (await gatewayDay(ctx, day)) as unknown as Record<string, unknown>;
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
  return `${GATEWAY_CSV_FIELDS.join(',')}\n${GATEWAY_CSV_FIELDS.map((f) => cell(s[f])).join(',')}\n`;
}
