/** The reconciliation tables: runs, both sides' items and the result rows (bulk writes with unnest). */
import type { Queryable, Tx } from '../db/index.js';
import type {
  Counts,
  ExternalItem,
  InternalItem,
  InternalKind,
  ItemClass,
  ItemStatus,
  MatchRule,
  ResultRow,
} from './types.js';
import { CLASSES, emptyCounts } from './types.js';

/** Rows per INSERT: large enough to be quick, small enough for any parameter limit. */
const BULK_ROWS = 5_000;

export type RunStatus = 'started' | 'in_progress' | 'completed' | 'failed';

export interface RunRow {
  id: string;
  source: string;
  origin: 'upload' | 'pull' | 'nightly';
  status: RunStatus;
  file_sha256: string;
  file_name: string | null;
  report_date: string | null;
  period_from: Date;
  period_to: Date;
  rules: MatchRule[];
  external_count: number;
  internal_count: number | null;
  results_total: number | null;
  results_written: number;
  counts: Counts | null;
  attempts: number;
  lease_until: Date | null;
  failure_reason: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

export async function loadRun(db: Queryable, id: string, lock = false): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(
    `SELECT *, report_date::text AS report_date FROM reconciliation.runs WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function runByHash(db: Queryable, source: string, sha256: string): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(
    'SELECT *, report_date::text AS report_date FROM reconciliation.runs WHERE source = $1 AND file_sha256 = $2',
    [source, sha256],
  );
  return rows[0];
}

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export async function insertExternal(tx: Tx, runId: string, items: readonly ExternalItem[]): Promise<void> {
  for (const part of chunks(items, BULK_ROWS)) {
    await tx.query(
      `INSERT INTO reconciliation.external_items
         (run_id, seq, reference, amount, currency, status, raw_status, occurred_at)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[],
                                $8::timestamptz[])`,
      [
        runId,
        part.map((e) => e.seq),
        part.map((e) => e.reference),
        part.map((e) => e.amount.toString()),
        part.map((e) => e.currency),
        part.map((e) => e.status),
        part.map((e) => e.rawStatus),
        part.map((e) => e.date.toISOString()),
      ],
    );
  }
}

export async function insertInternal(tx: Tx, runId: string, items: readonly InternalItem[]): Promise<void> {
  for (const part of chunks(items, BULK_ROWS)) {
    await tx.query(
      `INSERT INTO reconciliation.internal_items
         (run_id, item_id, kind, reference, amount, currency, status, raw_status, occurred_at, in_period)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[],
                                $8::text[], $9::timestamptz[], $10::boolean[])`,
      [
        runId,
        part.map((i) => i.id),
        part.map((i) => i.kind),
        part.map((i) => i.reference),
        part.map((i) => i.amount.toString()),
        part.map((i) => i.currency),
        part.map((i) => i.status),
        part.map((i) => i.rawStatus),
        part.map((i) => i.date.toISOString()),
        part.map((i) => i.inPeriod),
      ],
    );
  }
}

interface ItemRow {
  seq?: number;
  item_id?: string;
  kind?: InternalKind;
  reference: string;
  amount: bigint;
  currency: string;
  status: ItemStatus;
  raw_status: string;
  occurred_at: Date;
  in_period?: boolean;
}

const externalOf = (r: ItemRow): ExternalItem => ({
  seq: r.seq as number,
  reference: r.reference,
  amount: BigInt(r.amount),
  currency: r.currency.trim(),
  status: r.status,
  rawStatus: r.raw_status,
  date: r.occurred_at,
});

const internalOf = (r: ItemRow): InternalItem => ({
  id: r.item_id as string,
  kind: r.kind as InternalKind,
  reference: r.reference,
  amount: BigInt(r.amount),
  currency: r.currency.trim(),
  status: r.status,
  rawStatus: r.raw_status,
  date: r.occurred_at,
  inPeriod: r.in_period as boolean,
});

export async function loadExternal(db: Queryable, runId: string, seqs?: readonly number[]) {
  const { rows } = await db.query<ItemRow>(
    `SELECT * FROM reconciliation.external_items
      WHERE run_id = $1 AND ($2::int[] IS NULL OR seq = ANY($2)) ORDER BY seq`,
    [runId, seqs ?? null],
  );
  return rows.map(externalOf);
}

export async function loadInternal(db: Queryable, runId: string, ids?: readonly string[]) {
  const { rows } = await db.query<ItemRow>(
    `SELECT * FROM reconciliation.internal_items
      WHERE run_id = $1 AND ($2::uuid[] IS NULL OR item_id = ANY($2)) ORDER BY occurred_at, item_id`,
    [runId, ids ?? null],
  );
  return rows.map(internalOf);
}

const arrayLiteral = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

export async function insertResults(
  tx: Tx,
  runId: string,
  rows: readonly ResultRow[],
  idOf: (position: number) => string,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO reconciliation.results
       (id, run_id, position, class, external_seqs, internal_ids, rule_id, external_amount, internal_amount)
     SELECT r.id, $1, r.position, r.class, r.seqs::int[], r.ids::uuid[], r.rule_id, r.eamt, r.iamt
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::bigint[],
                   $9::bigint[]) AS r(id, position, class, seqs, ids, rule_id, eamt, iamt)
     ON CONFLICT (id) DO NOTHING`,
    [
      runId,
      rows.map((r) => idOf(r.position)),
      rows.map((r) => r.position),
      rows.map((r) => r.class),
      rows.map((r) => arrayLiteral(r.externalSeqs)),
      rows.map((r) => arrayLiteral(r.internalIds)),
      rows.map((r) => r.ruleId),
      rows.map((r) => r.externalAmount?.toString() ?? null),
      rows.map((r) => r.internalAmount?.toString() ?? null),
    ],
  );
}

export async function countResults(db: Queryable, runId: string): Promise<Counts> {
  const { rows } = await db.query<{ class: ItemClass; n: number }>(
    'SELECT class, count(*)::int AS n FROM reconciliation.results WHERE run_id = $1 GROUP BY class',
    [runId],
  );
  const counts = emptyCounts();
  for (const r of rows) if (CLASSES.includes(r.class)) counts[r.class] = r.n;
  return counts;
}

export interface ResultDbRow {
  id: string;
  run_id: string;
  position: number;
  class: ItemClass;
  external_seqs: number[];
  internal_ids: string[];
  rule_id: string | null;
  external_amount: bigint | null;
  internal_amount: bigint | null;
  resolution: string | null;
  resolution_reason: string | null;
  resolution_detail: Record<string, unknown> | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

export async function listExceptions(
  db: Queryable,
  runId: string,
  f: { afterPosition: number; limit: number; class?: ItemClass; open?: boolean },
): Promise<ResultDbRow[]> {
  const { rows } = await db.query<ResultDbRow>(
    `SELECT * FROM reconciliation.results
      WHERE run_id = $1 AND class <> 'matched' AND position > $2
        AND ($3::text IS NULL OR class = $3) AND ($4::boolean IS NULL OR (resolution IS NULL) = $4)
      ORDER BY position LIMIT $5`,
    [runId, f.afterPosition, f.class ?? null, f.open ?? null, f.limit],
  );
  return rows;
}
