/**
 * GET /v1/admin/dashboard/money: money per rail for a period. Each module
 * computes its own figures behind its index.ts (bills: payments per category;
 * wallets: deposits per channel, transfers, withdrawals); this route only
 * composes them and adds the totals.
 */
import type { FastifyInstance } from 'fastify';
import { billMoneyFigures } from '../bills/index.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, moneySchema } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, STAFF } from '../identity/index.js';
import { walletMoneyFigures } from '../wallets/index.js';

/** The longest period one request may cover. */
export const DASHBOARD_MAX_DAYS = 92;
const DAY_MS = 86_400_000;
/** Africa/Lagos is UTC+1 all year (no daylight saving). */
const LAGOS_OFFSET_MS = 3_600_000;

/** The start of today in Lagos, as an instant. */
export function startOfLagosDay(now: Date): Date {
  const local = now.getTime() + LAGOS_OFFSET_MS;
  return new Date(local - (local % DAY_MS) - LAGOS_OFFSET_MS);
}

const nullableNumber = { type: ['number', 'null'] } as const;
const railSchema = {
  type: 'object',
  required: ['rail', 'group', 'currency', 'count', 'succeeded', 'failed', 'volume', 'feeRevenue'],
  properties: {
    rail: {
      type: 'string',
      description: 'deposit_card, deposit_bank_transfer, transfer, bill_<category>, withdrawal',
    },
    group: { type: 'string', enum: ['deposits', 'transfers', 'bills', 'withdrawals'] },
    currency: { type: 'string' },
    count: { type: 'integer' },
    succeeded: { type: 'integer' },
    failed: { type: 'integer' },
    volume: moneySchema,
    feeRevenue: moneySchema,
    commissionRevenue: moneySchema,
    successRate: nullableNumber,
    timeToFinalP50Ms: nullableNumber,
    timeToFinalP95Ms: nullableNumber,
  },
} as const;
const totalSchema = {
  type: 'object',
  properties: {
    currency: { type: 'string' },
    count: { type: 'integer' },
    volume: moneySchema,
    feeRevenue: moneySchema,
    commissionRevenue: moneySchema,
  },
} as const;

type Group = 'deposits' | 'transfers' | 'bills' | 'withdrawals';
const groupOf = (rail: string): Group =>
  rail.startsWith('deposit_')
    ? 'deposits'
    : rail === 'transfer'
      ? 'transfers'
      : rail === 'withdrawal'
        ? 'withdrawals'
        : 'bills';

/** The period asked for, or today in Lagos; refused when backwards or longer than the cap. */
export function periodOf(q: { from?: string; to?: string }, now = new Date()): { from: Date; to: Date } {
  const from = q.from ? new Date(q.from) : startOfLagosDay(now);
  const to = q.to ? new Date(q.to) : new Date(Math.max(now.getTime(), from.getTime() + 1));
  if (!(from < to)) throw new AppError('validation_failed', '`from` must be before `to`');
  if (to.getTime() - from.getTime() > DASHBOARD_MAX_DAYS * DAY_MS)
    throw new AppError('validation_failed', `A period covers at most ${DASHBOARD_MAX_DAYS} days`);
  return { from, to };
}

async function moneyFigures(ctx: AppContext, from: Date, to: Date) {
  const [bills, wallets] = await Promise.all([
    billMoneyFigures(ctx.db, from, to),
    walletMoneyFigures(ctx.db, from, to),
  ]);
  const rails = [
    ...wallets.map((w) => ({ ...w, group: groupOf(w.rail), commissionRevenue: 0n })),
    ...bills.map(({ category, ...b }) => ({ ...b, rail: `bill_${category}`, group: 'bills' as const })),
  ];
  const order: Group[] = ['deposits', 'transfers', 'bills', 'withdrawals'];
  rails.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || a.rail.localeCompare(b.rail));
  const totals = new Map<
    string,
    { currency: string; count: number; volume: bigint; feeRevenue: bigint; commissionRevenue: bigint }
  >();
  for (const r of rails) {
    const t = totals.get(r.currency) ?? {
      currency: r.currency,
      count: 0,
      volume: 0n,
      feeRevenue: 0n,
      commissionRevenue: 0n,
    };
    t.count += r.count;
    t.volume += r.volume;
    t.feeRevenue += r.feeRevenue;
    t.commissionRevenue += r.commissionRevenue;
    totals.set(r.currency, t);
  }
  return { from: from.toISOString(), to: to.toISOString(), rails, totals: [...totals.values()] };
}

export async function dashboardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/dashboard/money',
    {
      onRequest: access({ roles: STAFF, scope: 'dashboard:read' }),
      schema: {
        tags: ['admin'],
        summary:
          'Money per rail for a period (default: today in Lagos): volume, count, fee and commission revenue, success rate, time to final',
        security: bearerSecurity,
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              from: { type: 'string', format: 'date-time' },
              to: { type: 'string', format: 'date-time' },
              rails: { type: 'array', items: railSchema },
              totals: { type: 'array', items: totalSchema },
            },
          },
          ...errorResponses(['validation_failed']),
        },
      },
    },
    async (request) => {
      const { from, to } = periodOf(request.query);
      return moneyFigures(ctx, from, to);
    },
  );
}
