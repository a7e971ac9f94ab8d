import { Card, EmptyState, LoadError, Skeleton } from '../../components/ui';
import { api, qs } from '../../lib/api';
import { auditChanges } from '../../lib/audit-diff';
import { formatDateTime } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import type { AuditEntry, Page } from '../../lib/types';
import { Results } from './Search';

/** Every transaction of the person, all types in one timeline (the console search, by their id). */
export function CustomerActivity({ userId }: { userId: string }) {
  return (
    <Card title="Activity" class="span-2" testId="customer-activity">
      <Results query={{ q: userId }} />
    </Card>
  );
}

/** What staff did to the person and their wallets: freezes, post-no-debit, roles, adjustments, with reasons. */
export function CustomerStaffHistory({
  userId,
  walletIds,
  version,
}: {
  userId: string;
  walletIds: string[];
  /** Changes whenever the page's person or wallets change, so that a new action shows at once. */
  version: string;
}) {
  const { data, error, loading, reload } = useAsync(
    async (signal) => {
      const pages = await Promise.all(
        [userId, ...walletIds].map((target) =>
          api.get<Page<AuditEntry>>(`/v1/admin/audit-log${qs({ target, limit: 50 })}`, { signal }),
        ),
      );
      return pages.flatMap((p) => p.data).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    },
    [userId, walletIds.join(','), version],
  );
  return (
    <Card title="Freezes, roles and adjustments" class="span-2" testId="customer-history">
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={3} />
      ) : !data?.length ? (
        <EmptyState title="No staff actions on this person yet" />
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">Change</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {data.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>{formatDateTime(e.createdAt)}</td>
                  <td class="mono">{e.action}</td>
                  <td>{e.actorEmail ?? 'system'}</td>
                  <td>
                    {auditChanges(e.before ?? null, e.after ?? null)
                      .map((c) => `${c.key}: ${c.before} → ${c.after}`)
                      .join('; ') || '—'}
                  </td>
                  <td>{e.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
