/** Staff: post-no-debit on a person. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, bearerOrApiKeySecurity, STAFF } from '../identity/index.js';
import { setPostNoDebit, setWalletPostNoDebit } from './pnd.js';
import { authErrors, pndBody, pndSchema, walletPndSchema } from './schemas.js';

/** POST /v1/admin/users/:id/pnd and /v1/admin/wallets/:id/pnd: set or lift post-no-debit. */
export async function pndRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerWalletPnd(app, ctx);
  typed(app).post(
    '/v1/admin/users/:id/pnd',
    {
      onRequest: access({ roles: STAFF, scope: 'users:write' }),
      schema: {
        tags: ['admin', 'kyc'],
        summary: 'Set or lift post-no-debit on a user: money may come in, none may go out (audited)',
        description: 'Operators may act on customers only; an admin on anyone but themselves.',
        security: bearerOrApiKeySecurity,
        params: idParams,
        body: pndBody,
        response: {
          200: pndSchema,
          ...errorResponses(authErrors, {
            400: ['validation_failed', 'unknown_field'],
            404: ['not_found'],
            409: ['cannot_target_self'],
          }),
        },
      },
    },
    async (request) =>
      ctx.db.transaction((tx) =>
        setPostNoDebit(
          tx,
          { auth: authOf(request), requestId: request.id },
          request.params.id,
          request.body.on,
          request.body.reason,
        ),
      ),
  );
}

/** POST /v1/admin/wallets/:id/pnd: post-no-debit on one wallet. */
function registerWalletPnd(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/wallets/:id/pnd',
    {
      onRequest: access({ roles: STAFF, scope: 'wallets:write' }),
      schema: {
        tags: ['admin', 'kyc'],
        summary: 'Set or lift post-no-debit on one wallet: it may receive, nothing may leave it (audited)',
        description: 'The person may still use their other wallets. Operators may act on customers only.',
        security: bearerOrApiKeySecurity,
        params: idParams,
        body: pndBody,
        response: {
          200: walletPndSchema,
          ...errorResponses(authErrors, {
            400: ['validation_failed', 'unknown_field'],
            404: ['not_found'],
            409: ['cannot_target_self'],
          }),
        },
      },
    },
    async (request) =>
      ctx.db.transaction((tx) =>
        setWalletPostNoDebit(
          tx,
          { auth: authOf(request), requestId: request.id },
          request.params.id,
          request.body.on,
          request.body.reason,
        ),
      ),
  );
}
