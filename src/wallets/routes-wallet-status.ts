/** A wallet's status: operators freeze and unfreeze it, its owner closes it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { ErrorCode } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { type Actor, access, authOf, STAFF } from '../identity/index.js';
import { walletCloseBody, walletSchema, walletStatusReasonBody } from './schemas.js';
import { changeWalletStatus, closeWallet, OPERATOR_CHANGES, type OperatorChange } from './wallet-status.js';

const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

const authErrors: ErrorCode[] = [
  'unauthorized',
  'token_expired',
  'invalid_token',
  'forbidden',
  'insufficient_scope',
  'account_frozen',
];

export async function walletStatusRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerOperatorChanges(app, ctx);
  registerClose(app, ctx);
}

const DOCS: Record<OperatorChange, { summary: string; description: string }> = {
  freeze: {
    summary: 'Freeze one wallet: no money in or out until it is unfrozen (audited)',
    description: 'Only an active wallet; the reason goes to the audit log.',
  },
  unfreeze: {
    summary: 'Unfreeze a frozen wallet (audited)',
    description: 'Only a frozen wallet; a closed wallet stays closed.',
  },
};

/** POST /v1/admin/wallets/:id/freeze and /unfreeze. */
function registerOperatorChanges(app: FastifyInstance, ctx: AppContext): void {
  for (const change of Object.keys(OPERATOR_CHANGES) as OperatorChange[]) {
    typed(app).post(
      `/v1/admin/wallets/:id/${change}`,
      {
        onRequest: access({ roles: STAFF, scope: 'users:write' }),
        schema: {
          tags: ['admin'],
          ...DOCS[change],
          security: bearerSecurity,
          params: idParams,
          body: walletStatusReasonBody,
          response: {
            200: walletSchema,
            ...errorResponses(authErrors, [
              'validation_failed',
              'unknown_field',
              'not_found',
              change === 'freeze' ? 'wallet_not_active' : 'wallet_not_frozen',
            ]),
          },
        },
      },
      async (request) =>
        ctx.db.transaction((tx) =>
          changeWalletStatus(tx, actorOf(request), request.params.id, change, request.body.reason),
        ),
    );
  }
}

/** POST /v1/wallets/:id/close: the owner closes an empty wallet. */
function registerClose(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/wallets/:id/close',
    {
      onRequest: access({ scope: 'wallets:write' }),
      schema: {
        tags: ['wallets'],
        summary: 'Close one of your wallets; it must be active and empty (nothing posted, nothing held)',
        description:
          'A closed wallet takes no money in or out, stays in your list with status "closed", and its history and statement stay readable.',
        security: bearerSecurity,
        params: idParams,
        body: walletCloseBody,
        response: {
          200: walletSchema,
          ...errorResponses(authErrors, [
            'validation_failed',
            'unknown_field',
            'not_found',
            'wallet_not_empty',
            'wallet_frozen',
            'wallet_closed',
          ]),
        },
      },
    },
    async (request) =>
      ctx.db.transaction((tx) => closeWallet(tx, actorOf(request), request.params.id, request.body?.reason)),
  );
}
