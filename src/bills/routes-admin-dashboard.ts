/** Operators: the payments dashboard. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { bearerSecurity } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, STAFF } from '../identity/index.js';
import { dashboard } from './dashboard.js';

export async function adminDashboardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/dashboard',
    {
      onRequest: access({ roles: STAFF, scope: 'dashboard:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Payments per minute, success rate and time to a final state',
        security: bearerSecurity,
        querystring: {
          type: 'object',
          properties: { minutes: { type: 'integer', minimum: 5, maximum: 1440, default: 60 } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              minutes: { type: 'integer' },
              paymentsPerMinute: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    minute: { type: 'string' },
                    count: { type: 'integer' },
                    succeeded: { type: 'integer' },
                    failed: { type: 'integer' },
                  },
                },
              },
              total: { type: 'integer' },
              successRate: { type: ['number', 'null'] },
              timeToFinalP50Ms: { type: ['number', 'null'] },
              timeToFinalP95Ms: { type: ['number', 'null'] },
              inFlight: { type: 'integer' },
              needsReview: { type: 'integer' },
            },
          },
        },
      },
    },
    async (request) => dashboard(ctx.db, request.query.minutes ?? 60),
  );
}
