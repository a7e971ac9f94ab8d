/** Operators: a customer's wallets, flagged deposits, any wallet. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { notFound } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { listOf, bearerSecurity, idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, STAFF } from '../identity/index.js';
import { listFlaggedDeposits } from './deposits.js';
import { depositSchema, walletSchema } from './schemas.js';
import { getWallet, listWallets } from './wallets.js';

export async function adminWalletRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // ---- operators ----
  typed(app).get(
    '/v1/admin/users/:id/wallets',
    {
      onRequest: access({ roles: STAFF, scope: 'users:read' }),
      schema: {
        tags: ['admin'],
        summary: "A customer's wallets with balances",
        security: bearerSecurity,
        params: idParams,
        response: { 200: listOf(walletSchema) },
      },
    },
    async (request) => ({ data: await listWallets(ctx.db, request.params.id) }),
  );

  typed(app).get(
    '/v1/admin/deposits/flagged',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Deposits whose webhook did not match (amount or currency), for review',
        security: bearerSecurity,
        response: {
          200: listOf({
            type: 'object',
            properties: {
              ...depositSchema.properties,
              userId: { type: 'string' },
              reason: { type: ['string', 'null'] },
            },
          }),
        },
      },
    },
    async () => ({ data: await listFlaggedDeposits(ctx) }),
  );

  typed(app).get(
    '/v1/admin/wallets/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'users:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Any wallet',
        security: bearerSecurity,
        params: idParams,
        response: { 200: walletSchema, ...errorResponses(['not_found']) },
      },
    },
    async (request) => {
      const wallet = await getWallet(ctx.db, request.params.id);
      if (!wallet) throw notFound('Wallet');
      return wallet;
    },
  );
}
