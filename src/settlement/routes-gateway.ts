/** Operators: gateway settlement days (deposits captured, the gateway's fees, what it pays out to our bank). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, listOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, STAFF } from '../identity/index.js';
import { gatewayDay, gatewayDayCsv, gatewayDays } from './gateway-days.js';
import { dayParams, gatewayQuery, gatewayStatementSchema } from './schemas.js';

export async function gatewaySettlementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/settlements/gateway',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary:
          "Gateway settlement per Africa/Lagos day, newest first (default the last 7 days; at most 92): card and bank-transfer deposits captured, the gateway's fees by its rule table, the payout expected to our bank",
        security: bearerSecurity,
        querystring: gatewayQuery,
        response: { 200: listOf(gatewayStatementSchema), ...errorResponses(['bad_request']) },
      },
    },
    async (request) => ({ data: await gatewayDays(ctx, request.query) }),
  );

  typed(app).get(
    '/v1/admin/settlements/gateway/:day',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary: 'One gateway settlement day (YYYY-MM-DD, Africa/Lagos)',
        security: bearerSecurity,
        params: dayParams,
        response: { 200: gatewayStatementSchema, ...errorResponses(['bad_request', 'not_found']) },
      },
    },
    async (request) => gatewayDay(ctx, request.params.day),
  );

  typed(app).get(
    '/v1/admin/settlements/gateway/:day/csv',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary: 'One gateway settlement day as CSV (amounts in minor units)',
        security: bearerSecurity,
        params: dayParams,
        response: {
          200: { type: 'string', description: 'text/csv' },
          ...errorResponses(['bad_request', 'not_found']),
        },
      },
    },
    async (request, reply) => {
      const csv = await gatewayDayCsv(ctx, request.params.day);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="gateway-settlement-${request.params.day}.csv"`);
      return csv;
    },
  );
}
