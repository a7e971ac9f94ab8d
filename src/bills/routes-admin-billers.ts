/** Operators: the biller registry (add, edit, enable, disable; products and prices; sync from the provider). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { listOf, bearerSecurity, moneySchema } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, STAFF } from '../identity/index.js';
import { changeBiller } from './admin-billers.js';
import { adminBillerView, CATEGORIES, type Category, listBillers, type Product } from './catalogue.js';
import { createBiller, priceHistory, putProduct, syncVariations } from './registry.js';
import {
  adminBiller,
  billerIdParams,
  feeBody,
  priceChangeSchema,
  productBody,
  providersBody,
} from './schemas-billers.js';

const tags = ['admin'];
const reasonBody = { type: 'string', minLength: 3, maxLength: 500 } as const;
const bound = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;
const big = (v: number | undefined) => (v === undefined ? undefined : BigInt(v));

interface ProductRequest {
  code: string;
  name: string;
  kind: string;
  fixedAmount?: number | null;
  enabled?: boolean;
}
const productOf = (p: ProductRequest) => ({
  code: p.code,
  name: p.name,
  kind: p.kind as Product['kind'],
  fixedAmount: p.fixedAmount === undefined || p.fixedAmount === null ? null : BigInt(p.fixedAmount),
  enabled: p.enabled ?? true,
});

export async function adminBillerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/billers',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:read' }),
      schema: {
        tags,
        summary: 'All billers, enabled or not',
        security: bearerSecurity,
        response: { 200: listOf(adminBiller) },
      },
    },
    async () => ({
      data: (await listBillers(ctx.db, { includeDisabled: true })).map(adminBillerView),
    }),
  );
  registerCreate(app, ctx);
  registerPatch(app, ctx);
  registerProductPut(app, ctx);
  registerSync(app, ctx);
  registerPriceHistory(app, ctx);
}

/** POST /v1/admin/billers: a new biller with its products. */
function registerCreate(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/billers',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:write' }),
      schema: {
        tags,
        summary:
          'Add a biller: category, provider adapters and service id, bounds, fee, expected commission and products',
        security: bearerSecurity,
        body: {
          type: 'object',
          properties: {
            id: billerIdParams.properties.id,
            name: { type: 'string', minLength: 2, maxLength: 200 },
            category: { type: 'string', enum: CATEGORIES },
            serviceId: { type: 'string', pattern: '^[a-z0-9-]{2,64}$' },
            providers: providersBody,
            customerRefLabel: { type: 'string', minLength: 2, maxLength: 64 },
            minAmount: bound,
            maxAmount: bound,
            fee: feeBody,
            commissionBps: { type: 'integer', minimum: 0, maximum: 5000 },
            enabled: { type: 'boolean' },
            products: { type: 'array', items: productBody, minItems: 1, maxItems: 200 },
            reason: reasonBody,
          },
          required: [
            'id',
            'name',
            'category',
            'serviceId',
            'customerRefLabel',
            'minAmount',
            'maxAmount',
            'products',
            'reason',
          ],
          additionalProperties: false,
        },
        response: {
          201: adminBiller,
          ...errorResponses({ 400: ['validation_failed', 'invalid_bounds'], 409: ['biller_exists'] }),
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const fee = b.fee ?? { type: 'flat' as const };
      const created = await createBiller(
        ctx.db,
        authOf(request).userId,
        {
          id: b.id,
          name: b.name,
          category: b.category as Category,
          serviceId: b.serviceId,
          providers: b.providers ?? ['vtpass', 'vtpass-b'],
          customerRefLabel: b.customerRefLabel,
          minAmount: BigInt(b.minAmount),
          maxAmount: BigInt(b.maxAmount),
          fee: {
            type: fee.type,
            flat: big(fee.flat) ?? 0n,
            percentBps: fee.percentBps ?? 0,
            cap: big(fee.cap) ?? 0n,
          },
          commissionBps: b.commissionBps ?? 0,
          enabled: b.enabled ?? true,
          products: b.products.map(productOf),
        },
        b.reason,
      );
      reply.status(201);
      return adminBillerView(created);
    },
  );
}

/** PATCH /v1/admin/billers/:id: edit, enable or disable a biller. */
function registerPatch(app: FastifyInstance, ctx: AppContext): void {
  typed(app).patch(
    '/v1/admin/billers/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:write' }),
      schema: {
        tags,
        summary:
          'Edit a biller: enable or disable it; its name, service id, bounds, fee (flat or percent with a cap), expected commission and providers',
        security: bearerSecurity,
        params: billerIdParams,
        body: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            name: { type: 'string', minLength: 2, maxLength: 200 },
            serviceId: { type: 'string', pattern: '^[a-z0-9-]{2,64}$' },
            customerRefLabel: { type: 'string', minLength: 2, maxLength: 64 },
            minAmount: bound,
            maxAmount: bound,
            fee: feeBody,
            commissionBps: { type: 'integer', minimum: 0, maximum: 5000 },
            // A flat commission per vend (makes the biller's commission flat; commissionBps makes it percent).
            commissionFlat: { type: 'integer', minimum: 0, maximum: 100_000_00 },
            providers: providersBody,
            reason: reasonBody,
          },
          required: ['reason'],
          additionalProperties: false,
        },
        response: {
          200: adminBiller,
          ...errorResponses({ 400: ['validation_failed', 'invalid_bounds'], 404: ['not_found'] }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      const after = await changeBiller(
        ctx.db,
        authOf(request).userId,
        request.params.id,
        {
          enabled: b.enabled,
          name: b.name,
          serviceId: b.serviceId,
          customerRefLabel: b.customerRefLabel,
          minAmount: big(b.minAmount),
          maxAmount: big(b.maxAmount),
          commissionBps: b.commissionBps,
          commissionFlat: big(b.commissionFlat),
          providers: b.providers,
          fee: b.fee && {
            type: b.fee.type,
            flat: big(b.fee.flat),
            percentBps: b.fee.percentBps,
            cap: big(b.fee.cap),
          },
        },
        b.reason,
      );
      return adminBillerView(after);
    },
  );
}

/** PUT /v1/admin/billers/:id/products/:code: add or edit a product (a new fixed price is recorded). */
function registerProductPut(app: FastifyInstance, ctx: AppContext): void {
  typed(app).put(
    '/v1/admin/billers/:id/products/:code',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:write' }),
      schema: {
        tags,
        summary: 'Add or edit a product or variation: name, kind, fixed price, enabled',
        security: bearerSecurity,
        params: {
          type: 'object',
          properties: { id: billerIdParams.properties.id, code: productBody.properties.code },
          required: ['id', 'code'],
          additionalProperties: false,
        },
        body: {
          type: 'object',
          properties: {
            name: productBody.properties.name,
            kind: productBody.properties.kind,
            fixedAmount: productBody.properties.fixedAmount,
            enabled: { type: 'boolean' },
            reason: reasonBody,
          },
          required: ['name', 'kind', 'reason'],
          additionalProperties: false,
        },
        response: { 200: adminBiller, ...errorResponses({ 404: ['not_found'] }) },
      },
    },
    async (request) => {
      const { reason, ...product } = request.body;
      const after = await putProduct(
        ctx.db,
        authOf(request).userId,
        request.params.id,
        productOf({ ...product, code: request.params.code }),
        reason,
      );
      return adminBillerView(after);
    },
  );
}

/** POST /v1/admin/billers/:id/sync: read the fixed prices from the provider now. */
function registerSync(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/billers/:id/sync',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:write' }),
      schema: {
        tags,
        summary: "Sync the biller's fixed-price variations from its provider now; price changes are recorded",
        security: bearerSecurity,
        params: billerIdParams,
        response: {
          200: {
            type: 'object',
            properties: {
              billerId: { type: 'string' },
              variations: { type: 'integer' },
              changes: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    code: { type: 'string' },
                    name: { type: 'string' },
                    oldAmount: { type: ['integer', 'null'] },
                    newAmount: moneySchema,
                    added: { type: 'boolean' },
                  },
                },
              },
            },
          },
          ...errorResponses({ 404: ['not_found'], 503: ['providers_unavailable'] }),
        },
      },
    },
    async (request) => syncVariations(ctx, request.params.id, authOf(request).userId),
  );
}

/** GET /v1/admin/billers/:id/price-history: every fixed price the biller's variations had. */
function registerPriceHistory(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/billers/:id/price-history',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:read' }),
      schema: {
        tags,
        summary: "The biller's variation price changes, newest first (synced or set by an operator)",
        security: bearerSecurity,
        params: billerIdParams,
        querystring: {
          type: 'object',
          properties: { productCode: { type: 'string', maxLength: 64 } },
          additionalProperties: false,
        },
        response: { 200: listOf(priceChangeSchema) },
      },
    },
    async (request) => ({
      data: await priceHistory(ctx.db, request.params.id, request.query.productCode),
    }),
  );
}
