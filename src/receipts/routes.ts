/** GET /v1/transactions/{id}/receipt.pdf and .png: the receipt of a history line, for its owner or staff. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { ALL_STAFF, access, authOf } from '../identity/index.js';
import { renderPdf } from './pdf.js';
import { renderPng } from './png.js';
import { type Receipt, receiptOf } from './receipt.js';

const tags = ['wallets'];
const readErrors = errorResponses([
  'unauthorized',
  'token_expired',
  'invalid_token',
  'not_found',
  'validation_failed',
]);

const FORMATS = {
  pdf: { type: 'application/pdf', render: (r: Receipt) => renderPdf(r) },
  png: { type: 'image/png', render: async (r: Receipt) => renderPng(r) },
} as const;

/** The caller's receipt: a customer's own only (anyone else's is 404); staff read any. */
function receiptFor(ctx: AppContext, request: FastifyRequest, transactionId: string) {
  const auth = authOf(request);
  const staff = ALL_STAFF.includes(auth.role);
  return receiptOf(ctx, transactionId, staff ? undefined : auth.userId);
}

function registerReceipt(app: FastifyInstance, ctx: AppContext, format: keyof typeof FORMATS): void {
  const { type, render } = FORMATS[format];
  typed(app).get(
    `/v1/transactions/:id/receipt.${format}`,
    {
      onRequest: access({ scope: 'wallets:read' }),
      schema: {
        tags,
        summary:
          format === 'pdf'
            ? 'The receipt of a history line (its transactionId) as a PDF'
            : 'The receipt of a history line (its transactionId) as a PNG image, for sharing',
        security: bearerSecurity,
        params: idParams,
        response: { 200: { type: 'string', description: type }, ...readErrors },
      },
    },
    async (request, reply: FastifyReply) => {
      // The path is built per format, so its params are typed here (idParams validated them: a UUID).
      const receipt = await receiptFor(ctx, request, (request.params as { id: string }).id);
      const body = await render(receipt);
      const name = `vendra-receipt-${receipt.reference.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64)}.${format}`;
      // A receipt is the person's own: never kept by a shared cache.
      return reply
        .type(type)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename="${name}"`)
        .send(body);
    },
  );
}

export async function receiptRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerReceipt(app, ctx, 'pdf');
  registerReceipt(app, ctx, 'png');
}
