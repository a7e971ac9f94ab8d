import { useState } from 'preact/hooks';
import { Button, Card, EmptyState, LoadError, PageHeader, Skeleton } from '../../components/ui';
import { api, errorMessage, normalizePage, qs } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import type { AuditEntry, Page } from '../../lib/types';

function actorOf(e: AuditEntry): string {
  return e.actorEmail ?? e.actorId ?? 'system';
}

function targetOf(e: AuditEntry): string {
  return [e.targetType, e.targetEmail ?? e.targetId].filter(Boolean).join(' ') || '—';
}

export function AuditLogPage() {
  useTitle('Audit log · Console');
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const first = useAsync(async (signal) => {
    const page = normalizePage(
      await api.get<Partial<Page<AuditEntry>>>('/v1/admin/audit-log?limit=50', { signal }),
    );
    setMore([]);
    setCursor(page.nextCursor);
    return page;
  }, []);
  const rows = [...(first.data?.data ?? []), ...more];
  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = normalizePage(
        await api.get<Partial<Page<AuditEntry>>>(`/v1/admin/audit-log${qs({ limit: 50, cursor })}`),
      );
      setMore((m) => [...m, ...page.data]);
      setCursor(page.nextCursor);
    } catch (e) {
      setMoreError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="page wide">
      <PageHeader title="Audit log" subtitle="Every operator action, with who did it and why." />
      <Card>
        {first.error ? (
          <LoadError error={first.error} onRetry={first.reload} />
        ) : first.loading && !first.data ? (
          <Skeleton lines={6} />
        ) : rows.length === 0 ? (
          <EmptyState title="No operator actions yet" />
        ) : (
          <>
            <div class="table-wrap">
              <table class="table" data-testid="audit-log">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Target</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTime(e.createdAt)}</td>
                      <td title={e.actorId ?? undefined}>{actorOf(e)}</td>
                      <td class="mono">{e.action}</td>
                      <td class="mono" title={e.targetId ?? undefined}>
                        {targetOf(e)}
                      </td>
                      <td>{e.reason ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {moreError && <p class="field-error">{moreError}</p>}
            {cursor && (
              <div class="row row-center">
                <Button variant="secondary" onClick={loadMore} loading={busy}>
                  Load more
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
