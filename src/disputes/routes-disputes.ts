/** Customers: open a dispute on a transaction, follow it, write on it, withdraw it. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { bearerSecurity, idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from '../identity/index.js';
import { getDispute, listDisputes, openDispute, postMessage, withdrawDispute } from './disputes.js';
import {
  changeErrors,
  disputeDetailSchema,
  disputePage,
  disputeSchema,
  listQuery,
  messageBody,
  openBody,
  openErrors,
  readErrors,
} from './schemas.js';

const tags = ['disputes'];

export async function customerDisputeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).post(
    '/v1/disputes',
    {
      onRequest: access({ scope: 'disputes:write' }),
      schema: {
        tags,
        summary:
          'Report a problem with a bill payment, transfer, deposit or withdrawal: acknowledged at once with a tracking number and the date the resolution is due',
        security: bearerSecurity,
        body: openBody,
        response: { 201: disputeSchema, ...openErrors },
      },
    },
    async (request, reply) => {
      const d = await openDispute(ctx, authOf(request).userId, request.body);
      return reply.code(201).send(d);
    },
  );

  typed(app).get(
    '/v1/disputes',
    {
      onRequest: access({ scope: 'disputes:read' }),
      schema: {
        tags,
        summary: 'My disputes, newest first',
        security: bearerSecurity,
        querystring: listQuery,
        response: { 200: disputePage },
      },
    },
    async (request) => listDisputes(ctx.db, { ...request.query, userId: authOf(request).userId }),
  );

  typed(app).get(
    '/v1/disputes/:id',
    {
      onRequest: access({ scope: 'disputes:read' }),
      schema: {
        tags,
        summary: 'One of my disputes with its messages',
        security: bearerSecurity,
        params: idParams,
        response: { 200: disputeDetailSchema, ...readErrors },
      },
    },
    async (request) => getDispute(ctx.db, request.params.id, authOf(request).userId),
  );

  typed(app).post(
    '/v1/disputes/:id/messages',
    {
      onRequest: access({ scope: 'disputes:write' }),
      schema: {
        tags,
        summary: 'Add a message to my open dispute',
        security: bearerSecurity,
        params: idParams,
        body: messageBody,
        response: { 201: disputeDetailSchema, ...changeErrors },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const d = await postMessage(
        ctx,
        { role: 'customer', userId: auth.userId },
        request.params.id,
        request.body.body,
      );
      return reply.code(201).send(d);
    },
  );

  typed(app).post(
    '/v1/disputes/:id/withdraw',
    {
      onRequest: access({ scope: 'disputes:write' }),
      schema: {
        tags,
        summary: 'Withdraw my open dispute',
        security: bearerSecurity,
        params: idParams,
        response: { 200: disputeDetailSchema, ...changeErrors },
      },
    },
    async (request) => withdrawDispute(ctx, authOf(request).userId, request.params.id),
  );
}
