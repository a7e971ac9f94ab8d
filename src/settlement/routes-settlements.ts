/** Operators: daily settlement statements per bill provider (open: provisional; closed: stored). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, listOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, STAFF } from '../identity/index.js';
import { statementDetailSchema, statementParams, statementQuery, statementSchema } from './schemas.js';
import { getStatement, listStatements, statementCsv } from './statements.js';

export async function settlementStatementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/settlements',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary:
          'Settlement statements per provider and Africa/Lagos day, newest first (default the last 7 days; at most 92): closed days as stored, the others provisional',
        security: bearerSecurity,
        querystring: statementQuery,
        response: { 200: listOf(statementSchema), ...errorResponses(['bad_request', 'not_found']) },
      },
    },
    async (request) => ({ data: await listStatements(ctx, request.query) }),
  );

  typed(app).get(
    '/v1/admin/settlements/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary:
          'One settlement statement (`<provider>:<YYYY-MM-DD>`) with the deliveries whose commission differed',
        security: bearerSecurity,
        params: statementParams,
        response: { 200: statementDetailSchema, ...errorResponses(['not_found']) },
      },
    },
    async (request) => getStatement(ctx, request.params.id),
  );

  typed(app).get(
    '/v1/admin/settlements/:id/csv',
    {
      onRequest: access({ roles: STAFF, scope: 'payments:read' }),
      schema: {
        tags: ['admin'],
        summary: 'One settlement statement as CSV (amounts in minor units)',
        security: bearerSecurity,
        params: statementParams,
        response: { 200: { type: 'string', description: 'text/csv' }, ...errorResponses(['not_found']) },
      },
    },
    async (request, reply) => {
      const csv = await statementCsv(ctx, request.params.id);
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="settlement-${request.params.id.replace(':', '-')}.csv"`,
        );
      return csv;
    },
  );
}
