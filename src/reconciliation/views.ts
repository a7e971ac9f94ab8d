/** What the API shows of runs and their exceptions. */
import type { Queryable } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { decodeCursorAs, encodeCursor, pageSize } from '../http/pagination.js';
import { isUuid } from '../ledger/index.js';
import type { DryRunResult } from './runs.js';
import {
  countResults,
  listExceptions,
  loadExternal,
  loadInternal,
  loadRun,
  type ResultDbRow,
  type RunRow,
} from './store.js';
import type { ExternalItem, InternalItem, ItemClass, ResultRow } from './types.js';

/** Which resolutions an exception of a class may take (requery needs one of our bill payments). */
export function actionsFor(cls: ItemClass, source: string, internalIds: readonly string[]): string[] {
  if (cls === 'matched') return [];
  const actions = ['accept', 'adjust'];
  if (cls === 'missing_internal' || cls === 'duplicate_external') actions.push('link');
  if (source.startsWith('provider:') && internalIds.length > 0) actions.push('requery');
  return actions;
}

export const runView = (r: RunRow) => ({
  id: r.id,
  source: r.source,
  origin: r.origin,
  status: r.status,
  dryRun: false,
  fileName: r.file_name,
  sha256: r.file_sha256,
  reportDate: r.report_date,
  periodFrom: r.period_from.toISOString(),
  periodTo: r.period_to.toISOString(),
  externalCount: r.external_count,
  internalCount: r.internal_count,
  progress: { written: r.results_written, total: r.results_total },
  counts: r.counts,
  attempts: r.attempts,
  failureReason: r.failure_reason,
  createdAt: r.created_at.toISOString(),
  completedAt: r.completed_at?.toISOString() ?? null,
});

const externalView = (e: ExternalItem) => ({
  seq: e.seq,
  reference: e.reference,
  amount: e.amount,
  currency: e.currency,
  status: e.status,
  rawStatus: e.rawStatus,
  date: e.date.toISOString(),
});

const internalView = (i: InternalItem) => ({
  id: i.id,
  kind: i.kind,
  reference: i.reference,
  amount: i.amount,
  currency: i.currency,
  status: i.status,
  rawStatus: i.rawStatus,
  date: i.date.toISOString(),
});

function exceptionView(
  r: ResultDbRow,
  source: string,
  externals: Map<number, ExternalItem>,
  internals: Map<string, InternalItem>,
) {
  return {
    id: r.id,
    position: r.position,
    class: r.class,
    external: r.external_seqs.flatMap((s) => {
      const e = externals.get(s);
      return e ? [externalView(e)] : [];
    }),
    internal: r.internal_ids.flatMap((id) => {
      const i = internals.get(id);
      return i ? [internalView(i)] : [];
    }),
    externalAmount: r.external_amount,
    internalAmount: r.internal_amount,
    resolution: r.resolution,
    resolutionReason: r.resolution_reason,
    resolutionDetail: r.resolution_detail,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    actions: r.resolution ? [] : actionsFor(r.class, source, r.internal_ids),
  };
}

/** Result rows with both sides' items, read for just those rows. */
export async function exceptionViews(db: Queryable, run: RunRow, rows: readonly ResultDbRow[]) {
  const seqs = rows.flatMap((r) => r.external_seqs);
  const ids = rows.flatMap((r) => r.internal_ids);
  const [externals, internals] = await Promise.all([
    seqs.length ? loadExternal(db, run.id, seqs) : [],
    ids.length ? loadInternal(db, run.id, ids) : [],
  ]);
  const bySeq = new Map(externals.map((e) => [e.seq, e]));
  const byId = new Map(internals.map((i) => [i.id, i]));
  return rows.map((r) => exceptionView(r, run.source, bySeq, byId));
}

export interface DetailQuery {
  cursor?: string;
  limit?: number;
  class?: ItemClass;
  open?: boolean;
}

/** A run with its counts (live while it runs) and a page of its exceptions. */
export async function getRunDetail(db: Queryable, id: string, q: DetailQuery = {}) {
  if (!isUuid(id)) throw notFound('Reconciliation run');
  const run = await loadRun(db, id);
  if (!run) throw notFound('Reconciliation run');
  const limit = pageSize(q.limit);
  const after = q.cursor === undefined ? 0 : Number(decodeCursorAs(q.cursor, ['seq'])[0]);
  const rows = await listExceptions(db, id, {
    afterPosition: after,
    limit: limit + 1,
    class: q.class,
    open: q.open,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    ...runView(run),
    counts: run.counts ?? (await countResults(db, id)),
    exceptions: await exceptionViews(db, run, page),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.position)]) : null,
  };
}

/** Runs, newest first, keyset paginated. */
export async function listRuns(db: Queryable, q: { cursor?: string; limit?: number } = {}) {
  const limit = pageSize(q.limit, 20);
  let at: Date | null = null;
  let lastId: string | null = null;
  if (q.cursor !== undefined) {
    const [t, i] = decodeCursorAs(q.cursor, ['timestamp', 'uuid']);
    at = new Date(t as string);
    lastId = i as string;
  }
  const { rows } = await db.query<RunRow>(
    `SELECT *, report_date::text AS report_date FROM reconciliation.runs
      WHERE ($1::timestamptz IS NULL OR (created_at, id) < ($1, $2::uuid))
      ORDER BY created_at DESC, id DESC LIMIT $3`,
    [at, lastId, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(runView),
    nextCursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
}

/** A dry run's answer: counts and its first exceptions, nothing stored (so no ids to resolve). */
export const dryRunView = (d: DryRunResult) => ({
  dryRun: true,
  status: 'completed',
  source: d.source,
  periodFrom: d.periodFrom.toISOString(),
  periodTo: d.periodTo.toISOString(),
  externalCount: d.externalCount,
  internalCount: d.internalCount,
  counts: d.counts,
  exceptions: d.exceptions.map((r: ResultRow) => ({
    position: r.position,
    class: r.class,
    externalSeqs: r.externalSeqs,
    internalIds: r.internalIds,
    externalAmount: r.externalAmount,
    internalAmount: r.internalAmount,
  })),
});
