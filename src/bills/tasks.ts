/** The bills module's background tasks: bills due fetched again, reminders, fixed prices synced. */
import type { AppContext } from '../context.js';
import { refreshStaleAccounts } from './due.js';
import { syncDueBillers } from './registry.js';
import { sendBillReminders } from './reminders.js';

/** Fixed-price variations are synced from the provider this often. */
export const VARIATION_SYNC_INTERVAL_MS = 6 * 3600_000;

export function billTasks(ctx: AppContext) {
  return [
    {
      // Linked accounts whose bills are older than BILL_CACHE_TTL_MS, fetched again.
      name: 'bills.refresh-due',
      intervalMs: Math.min(ctx.config.billCacheTtlMs, 60_000),
      run: () => refreshStaleAccounts(ctx),
    },
    {
      name: 'bills.reminders',
      intervalMs: 10 * 60_000,
      run: () => sendBillReminders(ctx),
    },
    {
      name: 'bills.sync-variations',
      intervalMs: 10 * 60_000,
      run: () => syncDueBillers(ctx, VARIATION_SYNC_INTERVAL_MS),
    },
  ];
}
