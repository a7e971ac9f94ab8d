/**
 * The engine at scale on PostgreSQL: a generated provider report of 10,000
 * lines against 9,850 bill payments inserted in bulk, every class represented;
 * the same file twice runs once; a run stopped midway resumes to the same
 * counts; a dry run writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../identity/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { processRun, resumeUnfinished, startRun } from './runs.js';
import { loadRun } from './store.js';
import type { Counts } from './types.js';

const DAY_START = Date.parse('2026-12-01T08:00:00Z');
const DAY_MS = 24 * 3600 * 1000;
const EXPECTED: Counts = {
  matched: 9_000,
  amount_mismatch: 300,
  status_mismatch: 300,
  missing_internal: 200,
  duplicate_external: 200,
  missing_external: 250,
};

interface Payment {
  ref: string;
  amount: number;
  status: 'succeeded' | 'reversed' | 'failed';
  at: Date;
}

/** Our side and their report, built so that each class has a known count. */
function generate(tag: string, dayStart = DAY_START) {
  const ours: Payment[] = [];
  const lines: string[] = ['reference,amount,currency,status,date'];
  const at = (i: number) => new Date(dayStart + i * 1000);
  const ref = (i: number) => `${tag}${String(i).padStart(6, '0')}`;
  let i = 0;
  const line = (r: string, amount: number, status: string, when: Date) =>
    lines.push(`${r},${amount},NGN,${status},${when.toISOString()}`);
  for (let k = 0; k < 9_000; k++, i++) {
    ours.push({ ref: ref(i), amount: 100_000 + i, status: 'succeeded', at: at(i) });
    line(ref(i), 100_000 + i, 'delivered', at(i));
  }
  for (let k = 0; k < 300; k++, i++) {
    ours.push({ ref: ref(i), amount: 200_000, status: 'succeeded', at: at(i) });
    line(ref(i), 200_500, 'delivered', at(i));
  }
  for (let k = 0; k < 300; k++, i++) {
    ours.push({ ref: ref(i), amount: 300_000, status: 'reversed', at: at(i) });
    line(ref(i), 300_000, 'delivered', at(i));
  }
  for (let k = 0; k < 200; k++, i++) line(ref(i), 400_000, 'delivered', at(i));
  for (let k = 0; k < 200; k++) line(ref(k), 100_000 + k, 'delivered', at(k)); // sent twice in the report
  for (let k = 0; k < 250; k++, i++) ours.push({ ref: ref(i), amount: 500_000, status: 'failed', at: at(i) });
  return { ours, report: Buffer.from(`${lines.join('\n')}\n`) };
}

describe.skipIf(!hasPg())('reconciliation at scale on PostgreSQL', () => {
  let t: TestApp;
  const actor = (): Actor => ({
    auth: { userId: randomUUID(), role: 'admin' } as Actor['auth'],
    requestId: 'test',
  });

  async function insertPayments(ours: readonly Payment[]) {
    await t.ctx.db.query(
      `INSERT INTO bills.payments (id, user_id, wallet_id, biller_id, product_code, customer_ref, amount, fee,
          currency, status, provider, provider_ref, hold_id, sent_at, created_at, updated_at, finalized_at)
       SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'ikeja-electric', 'prepaid',
              '1111111111111', a, 0, 'NGN', s, 'vtpass', r, gen_random_uuid(), d, d, d, d
         FROM unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[]) AS x(r, a, s, d)`,
      [
        ours.map((p) => p.ref),
        ours.map((p) => p.amount),
        ours.map((p) => p.status),
        ours.map((p) => p.at.toISOString()),
      ],
    );
  }
  const count = async (sql: string) => Number((await t.ctx.db.query<{ n: string }>(sql)).rows[0]?.n);

  beforeAll(async () => {
    t = await createTestApp('pg');
    await insertPayments(generate('A').ours);
    await insertPayments(generate('B', DAY_START + 2 * DAY_MS).ours);
    await insertPayments(generate('C', DAY_START + 4 * DAY_MS).ours);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('10,000 lines, every class, in under 30 s; the same file again answers the first run', async () => {
    const { report } = generate('A');
    const started = Date.now();
    const first = await startRun(t.ctx, actor(), {
      source: 'provider:vtpass',
      origin: 'upload',
      content: report,
    });
    const elapsedMs = Date.now() - started;
    expect('run' in first && first.run.status).toBe('completed');
    if (!('run' in first)) throw new Error('not a run');
    expect(first.run.counts).toEqual(EXPECTED);
    expect(elapsedMs).toBeLessThan(30_000);
    console.log(`reconciliation: 10,000 lines in ${elapsedMs} ms`);
    const again = await startRun(t.ctx, actor(), {
      source: 'provider:vtpass',
      origin: 'upload',
      content: report,
    });
    expect('run' in again && again.replayed && again.run.id).toBe(first.run.id);
    expect(await count('SELECT count(*) AS n FROM reconciliation.runs')).toBe(1);
  }, 60_000);

  it('a run stopped after 3 chunks resumes where it stopped and ends with the same counts', async () => {
    const { report } = generate('B', DAY_START + 2 * DAY_MS);
    const input = { source: 'provider:vtpass', origin: 'upload' as const, content: report };
    await expect(startRun(t.ctx, actor(), input, { stopAfterChunks: 3 })).rejects.toThrow(/stopped after 3/);
    const { rows } = await t.ctx.db.query<{ id: string; status: string; results_written: number }>(
      "SELECT id, status, results_written FROM reconciliation.runs WHERE file_name IS NULL AND status <> 'completed'",
    );
    expect(rows).toHaveLength(1);
    const stopped = rows[0] as (typeof rows)[0];
    expect(stopped.status).toBe('in_progress');
    expect(stopped.results_written).toBe(3_000);
    // The same file again answers the unfinished run: nothing is read twice.
    const again = await startRun(t.ctx, actor(), input);
    expect('run' in again && again.replayed && again.run.id).toBe(stopped.id);
    // While its lease holds, nobody else takes it; once it runs out (the process is gone), it resumes.
    expect((await processRun(t.ctx, stopped.id)).results_written).toBe(3_000);
    await t.ctx.db.query(
      "UPDATE reconciliation.runs SET lease_until = now() - interval '1 second' WHERE id = $1",
      [stopped.id],
    );
    // The worker's resume task finds it and goes on from chunk 4.
    expect(await resumeUnfinished(t.ctx)).toBe(1);
    const resumed = (await loadRun(t.ctx.db, stopped.id)) as NonNullable<Awaited<ReturnType<typeof loadRun>>>;
    expect(resumed.status).toBe('completed');
    expect(resumed.counts).toEqual(EXPECTED);
    expect(resumed.attempts).toBe(2);
    expect(
      await count(`SELECT count(*) AS n FROM reconciliation.results WHERE run_id = '${stopped.id}'`),
    ).toBe(Object.values(EXPECTED).reduce((a, b) => a + b, 0));
  }, 60_000);

  it('a dry run reports the same counts and writes nothing', async () => {
    const { report } = generate('C', DAY_START + 4 * DAY_MS);
    const tables = ['runs', 'external_items', 'internal_items', 'results'];
    const before = await Promise.all(
      tables.map((x) => count(`SELECT count(*) AS n FROM reconciliation.${x}`)),
    );
    const audit = await count('SELECT count(*) AS n FROM identity.audit_log');
    const dry = await startRun(t.ctx, actor(), {
      source: 'provider:vtpass',
      origin: 'upload',
      content: report,
      dryRun: true,
    });
    expect('dryRun' in dry && dry.counts).toEqual(EXPECTED);
    const after = await Promise.all(
      tables.map((x) => count(`SELECT count(*) AS n FROM reconciliation.${x}`)),
    );
    expect(after).toEqual(before);
    expect(await count('SELECT count(*) AS n FROM identity.audit_log')).toBe(audit);
    // Then the real run of the same file is not answered by the dry one.
    const real = await startRun(t.ctx, actor(), {
      source: 'provider:vtpass',
      origin: 'upload',
      content: report,
    });
    expect('run' in real && !real.replayed && real.run.counts).toEqual(EXPECTED);
  }, 60_000);
});
