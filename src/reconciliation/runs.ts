/**
 * Reconciliation runs. A run is created with its report's lines in one
 * transaction, keyed by its source and the file's sha256 (the same file
 * again answers the first run). Processing takes a lease, snapshots our side once (the snapshot
 * and the move to in_progress commit together), computes every result row
 * (a pure function of the snapshot and the rules the run copied), then writes
 * them in chunks, each chunk committed with the run's progress. A process that
 * dies mid-run leaves the lease to expire; the next attempt (the worker's
 * resume task) recomputes the same rows and writes from where the last chunk
 * stopped, so a resumed run ends with the same counts. A dry run does all of
 * it in memory and writes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/index.js';
import { transitionRow } from '../db/state-machine.js';
import { AppError } from '../errors/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { lagosDayBounds } from '../limits/index.js';
import { reconcile, ruleApplies } from './match.js';
import { type ColumnMapping, parseReport } from './parse.js';
import { runStates } from './run-states.js';
import { listMatchRules } from './rules.js';
import { readInternal } from './sources.js';
import {
  countResults,
  insertExternal,
  insertInternal,
  insertResults,
  loadExternal,
  loadInternal,
  loadRun,
  type RunRow,
  runByHash,
} from './store.js';
import { type Counts, emptyCounts, type ExternalItem, type MatchRule, type ResultRow } from './types.js';

const NAMESPACE = 'a3f0c6e2-5b8d-4e1f-9c7a-2d4b6f8e0a13';
export const CHUNK_ROWS = 1_000;
export const LEASE_MS = 60_000;
export const MAX_ATTEMPTS = 5;
const MAX_PERIOD_MS = 31 * 24 * 3600 * 1000;
/** Our items just outside the period are read too, so a line at 23:59 finds its pair sent at 00:00. */
const MIN_PAD_MS = 3600 * 1000;

export interface StartInput {
  source: string;
  origin: RunRow['origin'];
  content: Buffer;
  fileName?: string;
  mapping?: ColumnMapping;
  from?: Date;
  to?: Date;
  reportDate?: string;
  dryRun?: boolean;
}

export interface ProcessOptions {
  /** Test hook: stop (throw) after this many chunks, as a process killed midway would. */
  stopAfterChunks?: number;
  chunkRows?: number;
}

/** An Africa/Lagos day (UTC+1 all year) as a period. */
export function lagosDayPeriod(date: string): { from: Date; to: Date } {
  const from = new Date(`${date}T00:00:00+01:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(from.getTime()))
    throw new AppError('validation_failed', 'date must be a real day, YYYY-MM-DD');
  return { from, to: new Date(from.getTime() + 24 * 3600 * 1000) };
}

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

function periodOf(items: readonly ExternalItem[], input: StartInput): { from: Date; to: Date } {
  let from = input.from;
  let to = input.to;
  if (!from || !to) {
    if (items.length === 0)
      throw new AppError('invalid_report', 'the report has no lines (give from and to)');
    const times = items.map((i) => i.date.getTime());
    from ??= lagosDayBounds(new Date(Math.min(...times))).start;
    to ??= lagosDayBounds(new Date(Math.max(...times))).end;
  }
  if (to <= from) throw new AppError('invalid_report', 'the period ends before it starts');
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS)
    throw new AppError('invalid_report', 'a report covers at most 31 days: split it');
  return { from, to };
}

/** How far outside the period our items are read: the widest date window of the rules, at least an hour. */
const padOf = (rules: readonly MatchRule[]) =>
  Math.max(
    MIN_PAD_MS,
    ...rules.flatMap((r) => r.criteria.map((c) => (c.field === 'date' ? c.windowSeconds * 1000 : 0))),
  );

async function rulesFor(db: Queryable, source: string): Promise<MatchRule[]> {
  return (await listMatchRules(db))
    .filter((r) => ruleApplies(r, source))
    .map(({ id, name, priority, strategy, sources, criteria, enabled }) => ({
      id,
      name,
      priority,
      strategy,
      sources,
      criteria,
      enabled,
    }));
}

export interface DryRunResult {
  dryRun: true;
  source: string;
  periodFrom: Date;
  periodTo: Date;
  externalCount: number;
  internalCount: number;
  counts: Counts;
  exceptions: ResultRow[];
}

/** Parses and reconciles; a dry run writes nothing and answers its counts and first exceptions. */
export async function startRun(
  ctx: AppContext,
  actor: Actor | null,
  input: StartInput,
  options: ProcessOptions = {},
): Promise<{ run: RunRow; replayed: boolean } | DryRunResult> {
  const items = parseReport(input.content, input.mapping);
  const period = periodOf(items, input);
  const rules = await rulesFor(ctx.db, input.source);
  if (input.dryRun) return dryRun(ctx, input.source, items, rules, period);
  const hash = sha256(input.content);
  const earlier = await runByHash(ctx.db, input.source, hash);
  if (earlier) return { run: earlier, replayed: true };
  const id = randomUUID();
  const created = await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO reconciliation.runs (id, source, origin, status, file_sha256, file_name, report_date,
          period_from, period_to, rules, external_count, created_by)
       VALUES ($1, $2, $3, 'started', $4, $5, $6::date, $7, $8, $9::jsonb, $10, $11)
       ON CONFLICT (source, file_sha256) DO NOTHING RETURNING id`,
      [
        id,
        input.source,
        input.origin,
        hash,
        input.fileName?.slice(0, 200) ?? null,
        input.reportDate ?? null,
        period.from,
        period.to,
        JSON.stringify(rules),
        items.length,
        actor?.auth.userId ?? null,
      ],
    );
    if (rows.length === 0) return false; // the same file, concurrently: the other upload's run answers
    await insertExternal(tx, id, items);
    if (actor)
      await recordAudit(tx, {
        actorId: actor.auth.userId,
        action: 'reconciliation.run_start',
        targetType: 'reconciliation_run',
        targetId: id,
        before: null,
        after: { source: input.source, origin: input.origin, lines: items.length, sha256: hash },
        requestId: actor.requestId,
      });
    return true;
  });
  if (!created) return { run: (await runByHash(ctx.db, input.source, hash)) as RunRow, replayed: true };
  return { run: await processRun(ctx, id, options), replayed: false };
}

async function dryRun(
  ctx: AppContext,
  source: string,
  items: ExternalItem[],
  rules: MatchRule[],
  period: { from: Date; to: Date },
): Promise<DryRunResult> {
  const internals = await readInternal(ctx.db, source, period, padOf(rules));
  const rows = reconcile(items, internals, rules, source);
  const counts = emptyCounts();
  for (const r of rows) counts[r.class] += 1;
  return {
    dryRun: true,
    source,
    periodFrom: period.from,
    periodTo: period.to,
    externalCount: items.length,
    internalCount: internals.filter((i) => i.inPeriod).length,
    counts,
    exceptions: rows.filter((r) => r.class !== 'matched').slice(0, 100),
  };
}

/** Takes the run's lease unless another process holds it or the run is over; answers the row or undefined. */
async function claim(ctx: AppContext, id: string): Promise<RunRow | undefined> {
  const { rows } = await ctx.db.query<RunRow>(
    `UPDATE reconciliation.runs SET lease_until = now() + $2 * interval '1 millisecond',
        attempts = attempts + 1, updated_at = now()
      WHERE id = $1 AND status IN ('started', 'in_progress') AND attempts < $3
        AND (lease_until IS NULL OR lease_until < now())
      RETURNING *, report_date::text AS report_date`,
    [id, LEASE_MS, MAX_ATTEMPTS],
  );
  return rows[0];
}

/** Our side, read once: the snapshot and the move to in_progress commit together. */
async function snapshot(ctx: AppContext, run: RunRow): Promise<void> {
  const period = { from: run.period_from, to: run.period_to };
  const internals = await readInternal(ctx.db, run.source, period, padOf(run.rules));
  const externals = await loadExternal(ctx.db, run.id);
  const total = reconcile(externals, internals, run.rules, run.source).length;
  await ctx.db.transaction(async (tx) => {
    await insertInternal(tx, run.id, internals);
    await transitionRow(tx, runStates, {
      table: 'reconciliation.runs',
      id: run.id,
      from: 'started',
      to: 'in_progress',
      set: {
        internal_count: (v) => `${v(internals.filter((i) => i.inPeriod).length)}::int`,
        results_total: (v) => `${v(total)}::int`,
        updated_at: 'now()',
      },
    });
  });
}

/**
 * Processes a run to its end (or as far as the test hook lets it), answering
 * its row as it then stands. Another process holding the lease, or a run
 * already over, is answered as it is.
 */
export async function processRun(ctx: AppContext, id: string, options: ProcessOptions = {}): Promise<RunRow> {
  const claimed = await claim(ctx, id);
  if (!claimed) return (await loadRun(ctx.db, id)) as RunRow;
  try {
    if (claimed.status === 'started') await snapshot(ctx, claimed);
    await writeResults(ctx, (await loadRun(ctx.db, id)) as RunRow, options);
  } catch (error) {
    if (error instanceof AppError) await failRun(ctx, id, error.message);
    else throw error; // the lease runs out and the run is resumed
  }
  return (await loadRun(ctx.db, id)) as RunRow;
}

async function writeResults(ctx: AppContext, run: RunRow, options: ProcessOptions): Promise<void> {
  const [externals, internals] = await Promise.all([
    loadExternal(ctx.db, run.id),
    loadInternal(ctx.db, run.id),
  ]);
  const rows = reconcile(externals, internals, run.rules, run.source);
  if (rows.length !== run.results_total)
    throw new Error(`reconciliation ${run.id}: ${rows.length} rows computed, ${run.results_total} expected`);
  const size = options.chunkRows ?? CHUNK_ROWS;
  const idOf = (position: number) => uuidv5(`${run.id}:${position}`, NAMESPACE);
  let written = run.results_written;
  let chunks = 0;
  while (written < rows.length) {
    if (options.stopAfterChunks !== undefined && chunks >= options.stopAfterChunks)
      throw new Error(`reconciliation ${run.id}: stopped after ${chunks} chunks (test hook)`);
    const part = rows.slice(written, written + size);
    const from = written;
    await ctx.db.transaction(async (tx) => {
      await insertResults(tx, run.id, part, idOf);
      // Progress and lease move with the chunk; the guard refuses a chunk another attempt wrote.
      const { rowCount } = await tx.query(
        `UPDATE reconciliation.runs SET results_written = $2, updated_at = now(),
            lease_until = now() + $4 * interval '1 millisecond'
          WHERE id = $1 AND results_written = $3 AND status = 'in_progress'`,
        [run.id, from + part.length, from, LEASE_MS],
      );
      if (rowCount !== 1) throw new Error(`reconciliation ${run.id}: progress moved under us`);
    });
    written += part.length;
    chunks += 1;
  }
  await ctx.db.transaction(async (tx) => {
    const counts = await countResults(tx, run.id);
    await transitionRow(tx, runStates, {
      table: 'reconciliation.runs',
      id: run.id,
      from: 'in_progress',
      to: 'completed',
      set: {
        counts: (v) => `${v(JSON.stringify(counts))}::jsonb`,
        completed_at: 'now()',
        lease_until: 'NULL',
        updated_at: 'now()',
      },
    });
  });
}

/** A run that cannot finish (too many items, attempts used up): failed, with why. */
export async function failRun(ctx: AppContext, id: string, reason: string): Promise<void> {
  await ctx.db.transaction((tx) =>
    transitionRow(tx, runStates, {
      table: 'reconciliation.runs',
      id,
      to: 'failed',
      set: {
        failure_reason: (v) => `${v(reason.slice(0, 500))}::text`,
        lease_until: 'NULL',
        updated_at: 'now()',
      },
    }),
  );
}

/** The worker's task: runs left unfinished (their lease ran out) are resumed, a few at a time. */
export async function resumeUnfinished(ctx: AppContext, limit = 5): Promise<number> {
  const { rows } = await ctx.db.query<{ id: string; attempts: number }>(
    `SELECT id, attempts FROM reconciliation.runs
      WHERE status IN ('started', 'in_progress') AND (lease_until IS NULL OR lease_until < now())
      ORDER BY created_at LIMIT $1`,
    [limit],
  );
  for (const r of rows) {
    if (r.attempts >= MAX_ATTEMPTS) await failRun(ctx, r.id, `gave up after ${r.attempts} attempts`);
    else await processRun(ctx, r.id);
  }
  return rows.length;
}
