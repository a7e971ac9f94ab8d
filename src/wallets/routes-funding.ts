/** A wallet's dedicated bank account number: read it, ask for one. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { bearerSecurity, idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from '../identity/index.js';
import { getFundingAccount, requestFundingAccount } from './funding-accounts.js';
import { fundingAccountSchema, fundingReadErrors, fundingRequestErrors } from './schemas-funding.js';

export async function fundingRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/wallets/:id/funding-account',
    {
      onRequest: access({ scope: 'deposits:read' }),
      schema: {
        tags: ['deposits'],
        summary: "The wallet's bank account number: send money to it by bank transfer to fund the wallet",
        description:
          'status `none` (never requested; `eligible` says whether POST may ask for one), `pending` (being assigned), `assigned`, `failed`.',
        security: bearerSecurity,
        params: idParams,
        response: { 200: fundingAccountSchema, ...fundingReadErrors },
      },
    },
    async (request) => getFundingAccount(ctx, authOf(request).userId, request.params.id),
  );

  typed(app).post(
    '/v1/wallets/:id/funding-account',
    {
      onRequest: access({ scope: 'deposits:write' }),
      schema: {
        tags: ['deposits'],
        summary: 'Ask for a bank account number for this wallet (idempotent: a repeat answers the same one)',
        description:
          'Only when the account tier allows it (BVN or NIN verified when tier 1 requires an ID) and for NGN wallets. 202 while it is being assigned, 200 once it is.',
        security: bearerSecurity,
        params: idParams,
        response: { 200: fundingAccountSchema, 202: fundingAccountSchema, ...fundingRequestErrors },
      },
    },
    async (request, reply) => {
      const view = await requestFundingAccount(ctx, authOf(request).userId, request.params.id);
      return reply.code(view.status === 'assigned' ? 200 : 202).send(view);
    },
  );
}
