/**
 * GET /v1/admin/search and /v1/admin/search/csv: one search across deposits,
 * transfers, bill payments, withdrawals and disputes. The identity module
 * turns a name, email or phone into people; each module searches its own
 * tables (behind its index.ts) with the same criteria; this route merges them
 * newest first with one keyset cursor.
 */
import type { FastifyInstance } from 'fastify';
import { searchBillPayments } from '../bills/index.js';
import type { AppContext } from '../context.js';
import type { FoundTransaction, SearchCriteria } from '../db/index.js';
import { searchDisputes } from '../disputes/index.js';
import { errorResponses } from '../http/errors.js';
import { decodeCursorAs, encodeCursor, pageSize } from '../http/pagination.js';
import { bearerSecurity, moneySchema } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, searchUsers, STAFF } from '../identity/index.js';
import { csvText, minorToDecimal, searchWalletMoney } from '../wallets/index.js';

export const SEARCH_TYPES = ['deposit', 'transfer', 'bill_payment', 'withdrawal', 'dispute'] as const;
/** The most rows one CSV export carries (a narrower search gets the rest). */
export const SEARCH_CSV_MAX_ROWS = 5000;
/** How many people a name, email or phone may stand for in one search. */
const MAX_PEOPLE = 50;

const querySchema = {
  type: 'object',
  properties: {
    q: {
      type: 'string',
      maxLength: 100,
      description: 'Reference, id, tracking number, account, meter, or a person',
    },
    type: { type: 'string', enum: [...SEARCH_TYPES] },
    amount: {
      type: 'integer',
      minimum: 1,
      maximum: 9_000_000_000_000_000,
      description: 'Exact, minor units',
    },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    cursor: { type: 'string', maxLength: 512 },
  },
  additionalProperties: false,
} as const;

const foundSchema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: [...SEARCH_TYPES] },
    id: { type: 'string' },
    reference: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    userId: { type: ['string', 'null'] },
    amount: moneySchema,
    currency: { type: 'string' },
    status: { type: 'string' },
    detail: { type: 'string' },
  },
} as const;

interface SearchQuery {
  q?: string;
  type?: (typeof SEARCH_TYPES)[number];
  amount?: number;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

async function criteriaOf(ctx: AppContext, query: SearchQuery, limit: number): Promise<SearchCriteria> {
  const q = query.q?.trim() || undefined;
  const people = q ? (await searchUsers(ctx.db, q, { limit: MAX_PEOPLE })).data.map((u) => u.id) : [];
  let before: SearchCriteria['before'];
  if (query.cursor) {
    const [at, id] = decodeCursorAs(query.cursor, ['timestamp', 'key']) as [string, string];
    before = { at: new Date(at), id };
  }
  return {
    q,
    userIds: people,
    amount: query.amount === undefined ? undefined : BigInt(query.amount),
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    before,
    limit,
  };
}

/** One page, newest first: each module's newest `limit + 1`, merged, cut to `limit`. */
export async function searchPage(ctx: AppContext, c: SearchCriteria, type?: FoundTransaction['type']) {
  const asked = { ...c, limit: c.limit + 1 };
  const wanted = (t: FoundTransaction['type'][]) => !type || t.includes(type);
  const parts = await Promise.all([
    wanted(['deposit', 'transfer', 'withdrawal']) ? searchWalletMoney(ctx.db, asked) : [],
    wanted(['bill_payment']) ? searchBillPayments(ctx.db, asked) : [],
    wanted(['dispute']) ? searchDisputes(ctx.db, asked) : [],
  ]);
  const all = parts
    .flat()
    .filter((r) => !type || r.type === type)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const rows = all.slice(0, c.limit);
  const last = rows[rows.length - 1];
  const nextCursor = all.length > c.limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null;
  return { rows, nextCursor };
}

const CSV_HEADER = 'type,at,reference,id,user_id,amount,currency,status,detail';
const csvRow = (r: FoundTransaction) =>
  [
    r.type,
    r.at.toISOString(),
    csvText(r.reference),
    r.id,
    r.userId ?? '',
    minorToDecimal(r.amount),
    r.currency,
    r.status,
    csvText(r.detail),
  ].join(',');

export async function searchRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/search',
    {
      onRequest: access({ roles: STAFF, scope: 'transactions:read' }),
      schema: {
        tags: ['admin'],
        summary:
          'One search across deposits, transfers, bill payments, withdrawals and disputes: by reference, person (name, email, phone), account, meter, amount and date; newest first, keyset-paginated',
        security: bearerSecurity,
        querystring: querySchema,
        response: {
          200: {
            type: 'object',
            properties: {
              data: { type: 'array', items: foundSchema },
              nextCursor: { type: ['string', 'null'] },
            },
          },
          ...errorResponses({ 400: ['validation_failed', 'invalid_cursor'] }),
        },
      },
    },
    async (request) => {
      const c = await criteriaOf(ctx, request.query, pageSize(request.query.limit, 50));
      const { rows, nextCursor } = await searchPage(ctx, c, request.query.type);
      return { data: rows, nextCursor };
    },
  );

  typed(app).get(
    '/v1/admin/search/csv',
    {
      onRequest: access({ roles: STAFF, scope: 'transactions:read' }),
      schema: {
        tags: ['admin'],
        summary: `The same search as CSV, newest first, at most ${SEARCH_CSV_MAX_ROWS} rows (read page by page)`,
        security: bearerSecurity,
        querystring: querySchema,
        response: {
          200: { type: 'string', description: 'text/csv' },
          ...errorResponses({ 400: ['validation_failed', 'invalid_cursor'] }),
        },
      },
    },
    async (request, reply) => {
      let c = await criteriaOf(ctx, request.query, 100);
      const lines = [CSV_HEADER];
      for (;;) {
        const { rows, nextCursor } = await searchPage(ctx, c, request.query.type);
        for (const r of rows.slice(0, SEARCH_CSV_MAX_ROWS - (lines.length - 1))) lines.push(csvRow(r));
        const last = rows[rows.length - 1];
        if (!nextCursor || !last || lines.length - 1 >= SEARCH_CSV_MAX_ROWS) break;
        c = { ...c, before: { at: last.at, id: last.id } };
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="vendra-search.csv"')
        .send(`${lines.join('\n')}\n`);
    },
  );
}
