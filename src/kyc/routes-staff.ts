/** Staff: a person's KYC on their page (tier, verified numbers, tier-3 requests and decisions, limits use). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { notFound } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, bearerOrApiKeySecurity, getUser, STAFF } from '../identity/index.js';
import { authErrors, staffKycSchema } from './schemas.js';
import { staffKycView } from './staff-view.js';

export async function staffKycRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/users/:id/kyc',
    {
      onRequest: access({ roles: STAFF, scope: 'users:read' }),
      schema: {
        tags: ['admin', 'kyc'],
        summary:
          "A person's KYC: tier, BVN/NIN verified (last four only), tier-3 requests with documents and decisions, limits use per wallet currency",
        description: 'Support staff may read.',
        security: bearerOrApiKeySecurity,
        params: idParams,
        response: {
          200: staffKycSchema,
          ...errorResponses(authErrors, { 400: ['validation_failed'], 404: ['not_found'] }),
        },
      },
    },
    async (request, reply) => {
      if (!(await getUser(ctx.db, request.params.id))) throw notFound('User');
      reply.header('cache-control', 'no-store');
      return staffKycView(ctx, request.params.id);
    },
  );
}
