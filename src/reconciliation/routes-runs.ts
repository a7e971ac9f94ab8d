/** Operators: reconciliation runs (upload or pull a report, list, detail with exceptions, resolve one). */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { bearerSecurity, idempotencyHeader, pageOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { idempotent } from '../idempotency/index.js';
import { type Actor, access, authOf, STAFF } from '../identity/index.js';
import { resolveException } from './exceptions.js';
import { MAX_REPORT_BYTES } from './parse.js';
import { pullProviderReport } from './pull.js';
import { readUpload } from './upload.js';
import { type DryRunResult, lagosDayPeriod, startRun } from './runs.js';
import type { RunRow } from './store.js';
import {
  detailQuery,
  exceptionSchema,
  listQuery,
  pullBody,
  readErrors,
  resolveBody,
  resolveErrors,
  runDetailSchema,
  runOrDrySchema,
  runParams,
  runSchema,
  uploadErrors,
} from './schemas.js';
import { dryRunView, getRunDetail, listRuns, runView } from './views.js';

const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

const answer = (result: { run: RunRow; replayed: boolean } | DryRunResult) =>
  'dryRun' in result
    ? { status: 200 as const, body: dryRunView(result) }
    : {
        status: result.replayed ? (200 as const) : (201 as const),
        body: { ...runView(result.run), replayed: result.replayed },
      };

export async function runRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Only these routes read multipart bodies (this plugin's scope); the rest of the API stays JSON.
  await app.register(multipart, {
    limits: { fileSize: MAX_REPORT_BYTES, files: 1, fields: 8, fieldSize: 64 * 1024, parts: 9 },
  });
  registerUpload(app, ctx);
  registerPull(app, ctx);
  registerReads(app, ctx);
  registerResolve(app, ctx);
}

function registerUpload(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/reconciliations',
    {
      onRequest: access({ roles: STAFF, scope: 'reconciliation:write' }),
      bodyLimit: MAX_REPORT_BYTES + 1024 * 1024,
      schema: {
        tags: ['admin', 'reconciliation'],
        summary:
          'Reconcile an uploaded report (multipart/form-data; the same file again answers the first run)',
        description:
          'Fields: `file` (CSV with a header row, or JSON: an array of lines or {"data": [...]}; at most 20 MB and ' +
          '100,000 lines), `source` (`provider:<id>`, `gateway`, `bank`), optional `mapping` (JSON: column names ' +
          'for reference, amount, currency, status, date; amountUnit minor|major; defaultCurrency; statusMap), ' +
          '`from` and `to` (the period; default the Africa/Lagos days of the lines), `dryRun` (true: counts ' +
          'only, nothing stored). The default columns are reference,amount,currency,status,date with the amount ' +
          'in minor units. 201 a new run, 200 a replay (the same file) or a dry run.',
        consumes: ['multipart/form-data'],
        security: bearerSecurity,
        response: { 200: runOrDrySchema, 201: runSchema, ...uploadErrors },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError(
          'unsupported_media_type',
          'Send the report as multipart/form-data with a file field',
        );
      const input = await readUpload(request);
      const { status, body } = answer(await startRun(ctx, actorOf(request), { ...input, origin: 'upload' }));
      return reply.code(status).send(body);
    },
  );
}

function registerPull(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/reconciliations/pull',
    {
      onRequest: access({ roles: STAFF, scope: 'reconciliation:write' }),
      schema: {
        tags: ['admin', 'reconciliation'],
        summary:
          "Reconcile a provider's report for a day, fetched from the provider (sandbox simulators only)",
        security: bearerSecurity,
        body: pullBody,
        response: { 200: runOrDrySchema, 201: runSchema, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const { source, date, discrepancies, dryRun } = request.body;
      const content = await pullProviderReport(ctx, source, date, discrepancies ?? []);
      const result = await startRun(ctx, actorOf(request), {
        source,
        origin: 'pull',
        content,
        fileName: `${source.replace(':', '-')}-${date}.json`,
        reportDate: date,
        ...lagosDayPeriod(date),
        dryRun,
      });
      const { status, body } = answer(result);
      return reply.code(status).send(body);
    },
  );
}

function registerReads(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/reconciliations',
    {
      onRequest: access({ roles: STAFF, scope: 'reconciliation:read' }),
      schema: {
        tags: ['admin', 'reconciliation'],
        summary: 'Reconciliation runs, newest first, with their counts',
        security: bearerSecurity,
        querystring: listQuery,
        response: { 200: pageOf(runSchema), ...readErrors },
      },
    },
    async (request) => listRuns(ctx.db, request.query),
  );
  typed(app).get(
    '/v1/admin/reconciliations/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'reconciliation:read' }),
      schema: {
        tags: ['admin', 'reconciliation'],
        summary: 'A run: status, counts per class and a page of its exceptions (by class; open or resolved)',
        security: bearerSecurity,
        params: runParams,
        querystring: detailQuery,
        response: { 200: runDetailSchema, ...readErrors },
      },
    },
    async (request) => getRunDetail(ctx.db, request.params.id, request.query),
  );
}

function registerResolve(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/reconciliations/:id/exceptions/:exceptionId/resolve',
    {
      onRequest: access({ roles: STAFF, scope: 'reconciliation:write' }),
      schema: {
        tags: ['admin', 'reconciliation'],
        summary:
          'Resolve an exception: requery the provider, adjust through suspense, link, or accept (audited)',
        description:
          'requery: our bill payment is checked with the provider now (provider sources). adjust: `amount` and ' +
          "`direction` move money between the source's clearing account (provider float, gateway clearing, " +
          'payout clearing) and suspense by a new ledger transaction. link: `internalId`, one of our items of ' +
          'this run that no line matched. accept: nothing moves. Each once, with a reason.',
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: { ...runParams, required: ['id', 'exceptionId'] },
        body: resolveBody,
        response: { 200: exceptionSchema, ...resolveErrors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        resolveException(
          ctx,
          actorOf(request),
          {
            runId: request.params.id,
            exceptionId: request.params.exceptionId as string,
            action: request.body.action,
            reason: request.body.reason,
            amount: request.body.amount === undefined ? undefined : BigInt(request.body.amount),
            direction: request.body.direction,
            internalId: request.body.internalId,
          },
          claim,
        ),
      ).then(() => reply),
  );
}
