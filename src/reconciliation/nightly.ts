/**
 * The nightly run (sandbox, RECONCILIATION_NIGHTLY=on): once the Africa/Lagos
 * day is over, each provider simulator's report of that day is pulled and
 * reconciled. The task wakes every few minutes and does nothing when a run of
 * that source and day exists already (whoever started it), so a restart or a
 * second worker never reconciles a day twice.
 */
import type { AppContext } from '../context.js';
import { lagosDay, lagosDayBounds } from '../limits/index.js';
import { pullProviderReport } from './pull.js';
import { lagosDayPeriod, startRun } from './runs.js';

export const NIGHTLY_CHECK_MS = 10 * 60_000;
export const RESUME_CHECK_MS = 30_000;

export async function runNightly(ctx: AppContext, now = new Date()): Promise<number> {
  if (!ctx.config.reconciliationNightly || !ctx.providers?.sandbox) return 0;
  const yesterday = lagosDay(new Date(lagosDayBounds(now).start.getTime() - 1));
  let started = 0;
  for (const sim of ctx.providers.sims) {
    const source = `provider:${sim.name}`;
    const { rows } = await ctx.db.query(
      'SELECT 1 FROM reconciliation.runs WHERE source = $1 AND report_date = $2::date LIMIT 1',
      [source, yesterday],
    );
    if (rows.length > 0) continue;
    try {
      const content = await pullProviderReport(ctx, source, yesterday);
      const result = await startRun(ctx, null, {
        source,
        origin: 'nightly',
        content,
        fileName: `${sim.name}-${yesterday}.json`,
        reportDate: yesterday,
        ...lagosDayPeriod(yesterday),
      });
      if ('run' in result && !result.replayed) started += 1;
    } catch (error) {
      // One provider's report failing leaves the others; the next check tries again.
      ctx.log.warn({ err: error, source, date: yesterday }, 'reconciliation: nightly run failed');
    }
  }
  return started;
}
