/** The caller's wallets: list, open, read, history and the CSV statement. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { listOf, bearerSecurity, currencySchema, idParams, pageOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from '../identity/index.js';
import { limitHolder } from '../kyc/index.js';
import { statementCsv, walletLines } from './history.js';
import { historyQuery, lineSchema, readErrors, walletSchema } from './schemas.js';
import { createWallet, isSupportedCurrency, listWallets, readOwnWallet } from './wallets.js';

const tags = ['wallets'];

export async function walletResourceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerWalletList(app, ctx);
  registerWalletOpening(app, ctx);
  registerWalletRead(app, ctx);
  registerTransactions(app, ctx);
  registerStatement(app, ctx);
}

/** GET /v1/wallets: the caller's wallets. */
function registerWalletList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/wallets',
    {
      onRequest: access({ scope: 'wallets:read' }),
      config: { serializeBySchema: true }, // a hot read: the schema lists every field
      schema: {
        tags,
        summary: "The caller's wallets with balance, available and held amounts",
        security: bearerSecurity,
        response: {
          200: listOf(walletSchema),
          ...readErrors,
        },
      },
    },
    async (request) => ({ data: await listWallets(ctx.db, authOf(request).userId) }),
  );
}

/** POST /v1/wallets: open a wallet. */
function registerWalletOpening(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/wallets',
    {
      onRequest: access({ scope: 'wallets:write' }),
      schema: {
        tags,
        summary: 'Open a wallet in another currency (one per currency)',
        security: bearerSecurity,
        body: {
          type: 'object',
          properties: { currency: currencySchema },
          required: ['currency'],
          additionalProperties: false,
        },
        response: {
          201: walletSchema,
          ...errorResponses(['unsupported_currency', 'validation_failed', 'wallet_exists', 'kyc_required']),
        },
      },
    },
    async (request, reply) => {
      // A currency the person's tier does not allow (foreign currency below tier 3): 403 kyc_required.
      if (isSupportedCurrency(request.body.currency))
        await limitHolder(ctx, authOf(request).userId, request.body.currency);
      const wallet = await ctx.db.transaction((tx) =>
        createWallet(tx, authOf(request).userId, request.body.currency),
      );
      reply.status(201);
      return wallet;
    },
  );
}

/** GET /v1/wallets/:id: one wallet. */
function registerWalletRead(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/wallets/:id',
    {
      onRequest: access({ scope: 'wallets:read' }),
      config: { serializeBySchema: true }, // a hot read: the schema lists every field
      schema: {
        tags,
        summary: 'One wallet',
        security: bearerSecurity,
        params: idParams,
        response: { 200: walletSchema, ...readErrors },
      },
    },
    async (request) => readOwnWallet(ctx.db, authOf(request).userId, request.params.id),
  );
}

/** GET /v1/wallets/:id/transactions: a wallet's history. */
function registerTransactions(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/wallets/:id/transactions',
    {
      onRequest: access({ scope: 'wallets:read' }),
      schema: {
        tags,
        summary:
          "A wallet's history, newest first, with the running balance after each line (cursor-paginated)",
        security: bearerSecurity,
        params: idParams,
        querystring: historyQuery,
        response: {
          200: pageOf(lineSchema),
          ...readErrors,
        },
      },
    },
    async (request) => {
      const wallet = await readOwnWallet(ctx.db, authOf(request).userId, request.params.id);
      const q = request.query;
      return walletLines(ctx.db, wallet.id, wallet.currency, {
        cursor: q.cursor,
        limit: q.limit,
        type: q.type,
        status: q.status,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
    },
  );
}

/** GET /v1/wallets/:id/statement.csv: the CSV statement. */
function registerStatement(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/wallets/:id/statement.csv',
    {
      onRequest: access({ scope: 'wallets:read' }),
      schema: {
        tags,
        summary: 'A CSV statement of the wallet between two dates',
        security: bearerSecurity,
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'string', description: 'text/csv' }, ...readErrors },
      },
    },
    async (request, reply) => {
      const wallet = await readOwnWallet(ctx.db, authOf(request).userId, request.params.id);
      const from = request.query.from ? new Date(request.query.from) : undefined;
      const to = request.query.to ? new Date(request.query.to) : undefined;
      const csv = await statementCsv(ctx.db, wallet.id, wallet.currency, from, to);
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="vendra-statement-${wallet.currency}-${new Date().toISOString().slice(0, 10)}.csv"`,
        );
      return csv;
    },
  );
}
