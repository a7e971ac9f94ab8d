/**
 * The sandbox bank (GATEWAY_MODE=sandbox only): "someone sent NGN X to this
 * account number". It asks the Paystack simulator over HTTP, which sends the
 * signed charge.success (channel dedicated_nuban) to the gateway webhook as
 * Paystack would; the wallet is credited by that webhook, not by this route.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { typed } from '../http/type-provider.js';
import { nairaToKobo, sandboxBankTransferPage } from './funding-sandbox-page.js';
import { sandboxBankTransferBody } from './schemas-funding.js';

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const pageQuery = {
  type: 'object',
  properties: {
    accountNumber: { type: 'string', pattern: '^[0-9]{10}$' },
    sent: { type: 'string', maxLength: 64 },
  },
  additionalProperties: false,
} as const;

export async function sandboxBankTransferRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/sandbox/bank-transfers',
    { schema: { hide: true, querystring: pageQuery } },
    async (request, reply) => {
      reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP);
      return sandboxBankTransferPage(request.query);
    },
  );
  await app.register(async (scope) => {
    // The page's form sends naira ("5000.00"); the JSON API sends kobo. Both meet the same schema.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 2048 },
      (_req, body, done) => {
        const fields: Record<string, unknown> = Object.fromEntries(new URLSearchParams(body as string));
        if (typeof fields.amount === 'string') fields.amount = nairaToKobo(fields.amount) ?? fields.amount;
        done(null, fields);
      },
    );
    typed(scope).post(
      '/sandbox/bank-transfers',
      // Hidden from the API description: a sandbox tool, not an API (and not for the fuzzer to credit wallets with).
      { schema: { hide: true, body: sandboxBankTransferBody } },
      async (request, reply) => {
        const gateway = ctx.paystack?.gateway;
        if (!gateway) throw new AppError('not_sandbox', 'The sandbox gateway is not running');
        const { accountNumber, amount, senderName, senderBank } = request.body;
        const res = await gateway.call<{ reference: string }>('POST', '/_sim/bank_transfers', {
          account_number: accountNumber,
          amount,
          currency: 'NGN',
          sender_name: senderName ?? 'ADAEZE OKAFOR',
          sender_bank: senderBank ?? 'GTBank',
        });
        const reference = res.data?.reference ?? '';
        if (request.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
          return reply.redirect(
            `/sandbox/bank-transfers?accountNumber=${accountNumber}&sent=${encodeURIComponent(reference)}`,
            303,
          );
        return reply.code(202).send({ reference, accountNumber, amount, currency: 'NGN', status: 'sent' });
      },
    );
  });
}
