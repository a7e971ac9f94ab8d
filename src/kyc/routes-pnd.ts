/** Staff: post-no-debit on a person or on one of their wallets. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/index.js';
import { errorResponses } from '../http/errors.js';
import { idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { type Actor, access, authOf, bearerOrApiKeySecurity, STAFF } from '../identity/index.js';
import { setPostNoDebit, setWalletPostNoDebit } from './pnd.js';
import { authErrors, pndBody, pndSchema, walletPndSchema } from './schemas.js';

/** What both use cases answer; the wallet's adds its walletId. */
type PndAnswer = { userId: string; pnd: boolean; pndReason: string | null; walletId?: string };
type SetPnd = (tx: Tx, actor: Actor, id: string, on: boolean, reason: string) => Promise<PndAnswer>;

/** The two targets of post-no-debit: each its own URL, scope, answer and use case. */
const TARGETS: ReadonlyArray<{
  url: string;
  scope: string;
  summary: string;
  description: string;
  response: typeof pndSchema | typeof walletPndSchema;
  set: SetPnd;
}> = [
  {
    url: '/v1/admin/users/:id/pnd',
    scope: 'users:write',
    summary: 'Set or lift post-no-debit on a user: money may come in, none may go out (audited)',
    description: 'Operators may act on customers only; an admin on anyone but themselves.',
    response: pndSchema,
    set: setPostNoDebit,
  },
  {
    url: '/v1/admin/wallets/:id/pnd',
    scope: 'wallets:write',
    summary: 'Set or lift post-no-debit on one wallet: it may receive, nothing may leave it (audited)',
    description: 'The person may still use their other wallets. Operators may act on customers only.',
    response: walletPndSchema,
    set: setWalletPostNoDebit,
  },
];

/** POST /v1/admin/users/:id/pnd and /v1/admin/wallets/:id/pnd: set or lift post-no-debit. */
export async function pndRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const target of TARGETS) {
    typed(app).post(
      target.url,
      {
        onRequest: access({ roles: STAFF, scope: target.scope }),
        schema: {
          tags: ['admin', 'kyc'],
          summary: target.summary,
          description: target.description,
          security: bearerOrApiKeySecurity,
          params: idParams,
          body: pndBody,
          response: {
            200: target.response,
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
          target.set(
            tx,
            { auth: authOf(request), requestId: request.id },
            request.params.id,
            request.body.on,
            request.body.reason,
          ),
        ),
    );
  }
}
