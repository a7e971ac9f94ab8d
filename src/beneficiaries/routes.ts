/** Beneficiaries: save (resolved), list, rename and remove the caller's saved recipients and bank accounts. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { rateLimit } from '../http/rate-limit.js';
import { bearerSecurity, idParams, listOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from '../identity/index.js';
import {
  listBeneficiaries,
  MAX_BENEFICIARIES,
  removeBeneficiary,
  renameBeneficiary,
  saveBeneficiary,
} from './beneficiaries.js';
import { beneficiarySchema, changeErrors, listQuery, renameBody, saveBody, saveErrors } from './schemas.js';

const tags = ['beneficiaries'];

export async function beneficiaryRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/beneficiaries',
    {
      onRequest: access({ scope: 'beneficiaries:read' }),
      schema: {
        tags,
        summary: `My saved recipients and bank accounts, newest first (at most ${MAX_BENEFICIARIES})`,
        security: bearerSecurity,
        querystring: listQuery,
        response: { 200: listOf(beneficiarySchema) },
      },
    },
    async (request) => ({
      data: await listBeneficiaries(ctx.db, authOf(request).userId, request.query.kind),
    }),
  );

  typed(app).post(
    '/v1/beneficiaries',
    {
      // Saving reveals a name, as a recipient lookup does: the same limits, so it is no way around them.
      config: { rateLimit: rateLimit(ctx, 'lookup'), rateLimitAlso: rateLimit(ctx, 'lookupDaily') },
      onRequest: access({ scope: 'beneficiaries:write' }),
      schema: {
        tags,
        summary:
          'Save a person (email, phone or wallet id) or a bank account, with the name resolved now; saving one again answers the saved one (200)',
        security: bearerSecurity,
        body: saveBody,
        response: { 201: beneficiarySchema, 200: beneficiarySchema, ...saveErrors },
      },
    },
    async (request, reply) => {
      const saved = await saveBeneficiary(ctx, authOf(request).userId, request.body);
      return reply.code(saved.created ? 201 : 200).send(saved.beneficiary);
    },
  );

  typed(app).patch(
    '/v1/beneficiaries/:id',
    {
      onRequest: access({ scope: 'beneficiaries:write' }),
      schema: {
        tags,
        summary: 'Rename a saved beneficiary (null clears the nickname)',
        security: bearerSecurity,
        params: idParams,
        body: renameBody,
        response: { 200: beneficiarySchema, ...changeErrors },
      },
    },
    async (request) =>
      renameBeneficiary(ctx.db, authOf(request).userId, request.params.id, request.body.nickname),
  );

  typed(app).delete(
    '/v1/beneficiaries/:id',
    {
      onRequest: access({ scope: 'beneficiaries:write' }),
      schema: {
        tags,
        summary: 'Remove a saved beneficiary',
        security: bearerSecurity,
        params: idParams,
        response: { 204: { type: 'null', description: 'Removed' }, ...changeErrors },
      },
    },
    async (request, reply) => {
      await removeBeneficiary(ctx.db, authOf(request).userId, request.params.id);
      reply.status(204);
    },
  );
}
