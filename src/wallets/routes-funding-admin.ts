/** Operators: a person's dedicated accounts, inbound transfers held in suspense and what to do with them. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { bearerSecurity, idempotencyHeader, idParams, listOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { idempotent } from '../idempotency/index.js';
import { type Actor, access, authOf, STAFF } from '../identity/index.js';
import { listFundingAccounts } from './funding-accounts.js';
import { creditInboundToWallet, listInboundTransfers, returnInboundToSender } from './inbound-transfers.js';
import {
  fundingAccountSchema,
  fundingReadErrors,
  inboundActionErrors,
  inboundCreditBody,
  inboundQuery,
  inboundReturnBody,
  inboundTransferSchema,
} from './schemas-funding.js';

const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

export async function adminFundingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/users/:id/funding-accounts',
    {
      onRequest: access({ roles: STAFF, scope: 'users:read' }),
      schema: {
        tags: ['admin'],
        summary: "A customer's bank account numbers (dedicated accounts) and their status",
        security: bearerSecurity,
        params: idParams,
        response: { 200: listOf(fundingAccountSchema), ...fundingReadErrors },
      },
    },
    async (request) => ({ data: await listFundingAccounts(ctx, request.params.id) }),
  );

  typed(app).get(
    '/v1/admin/inbound-transfers',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary:
          'Inbound bank transfers, newest first; `status=held`: those in suspense, waiting for an operator',
        security: bearerSecurity,
        querystring: inboundQuery,
        response: { 200: listOf(inboundTransferSchema), ...fundingReadErrors },
      },
    },
    async (request) => ({ data: await listInboundTransfers(ctx.db, request.query) }),
  );
  registerActions(app, ctx);
}

/** POST /v1/admin/inbound-transfers/:id/credit and /return: operator money moves, idempotent and audited. */
function registerActions(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/inbound-transfers/:id/credit',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:write' }),
      schema: {
        tags: ['admin'],
        summary:
          "Credit a held transfer to a wallet (suspense -> wallet, the owner's limits applied; audited)",
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: idParams,
        body: inboundCreditBody,
        response: { 200: inboundTransferSchema, ...inboundActionErrors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        creditInboundToWallet(ctx, actorOf(request), { id: request.params.id, ...request.body }, claim),
      ).then(() => reply),
  );

  typed(app).post(
    '/v1/admin/inbound-transfers/:id/return',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:write' }),
      schema: {
        tags: ['admin'],
        summary:
          'Mark a held transfer returned to its sender (suspense -> payout clearing, with the bank reference; audited)',
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: idParams,
        body: inboundReturnBody,
        response: { 200: inboundTransferSchema, ...inboundActionErrors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        returnInboundToSender(ctx, actorOf(request), { id: request.params.id, ...request.body }, claim),
      ).then(() => reply),
  );
}
