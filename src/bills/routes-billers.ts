/** The customer's bill catalogue and customer validation (meter, phone, smartcard). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { listOf, bearerSecurity } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access } from '../identity/index.js';
import { billerView, CATEGORIES, getBiller, listBillers } from './catalogue.js';
import { createValidationCache, validateCustomer } from './customer-validation.js';
import { billerIdParams, billerSchema, customerRefSchema } from './schemas-billers.js';

export async function billerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const tags = ['bills'];
  const cache = createValidationCache(ctx.config.redisUrl);
  app.addHook('onClose', async () => cache.close());

  typed(app).get(
    '/v1/billers',
    {
      schema: {
        tags,
        summary: 'The bill catalogue: electricity (prepaid and postpaid per DisCo), airtime, data, cable TV',
        querystring: {
          type: 'object',
          properties: { category: { type: 'string', enum: CATEGORIES } },
          additionalProperties: false,
        },
        response: { 200: listOf(billerSchema) },
      },
    },
    async (request) => ({
      data: (await listBillers(ctx.db, { category: request.query.category })).map(billerView),
    }),
  );

  typed(app).get(
    '/v1/billers/:id',
    {
      schema: {
        tags,
        summary: 'One biller with its products, amount limits and fee',
        params: billerIdParams,
        response: { 200: billerSchema, ...errorResponses({ 404: ['biller_not_found'] }) },
      },
    },
    async (request) => {
      const biller = await getBiller(ctx.db, request.params.id);
      if (!biller?.enabled) throw new AppError('biller_not_found', `No biller ${request.params.id}`);
      return billerView(biller);
    },
  );

  typed(app).post(
    '/v1/billers/:id/validate',
    {
      config: { rateLimit: rateLimit(ctx, 'validate') },
      onRequest: access({ scope: 'bills:write' }),
      schema: {
        tags,
        summary:
          'Who is this meter / phone / smartcard? Name, address, meter type, minimum amount, arrears, can vend',
        security: bearerSecurity,
        params: billerIdParams,
        body: {
          type: 'object',
          properties: { productCode: { type: 'string', maxLength: 64 }, customerRef: customerRefSchema },
          required: ['productCode', 'customerRef'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              customerName: { type: 'string' },
              address: { type: ['string', 'null'] },
              meterType: { type: ['string', 'null'] },
              minimumAmount: { type: ['integer', 'null'] },
              arrears: { type: ['integer', 'null'] },
              canVend: { type: 'boolean' },
            },
          },
          ...errorResponses({
            400: ['invalid_customer_ref', 'validation_failed'],
            404: ['biller_not_found'],
            422: ['customer_not_found', 'product_not_found', 'product_disabled', 'biller_disabled'],
            503: ['providers_unavailable', 'validation_unavailable'],
          }),
        },
      },
    },
    async (request) => ({
      ...(await validateCustomer(
        ctx,
        cache,
        request.params.id,
        request.body.productCode,
        request.body.customerRef,
      )),
    }),
  );
}
