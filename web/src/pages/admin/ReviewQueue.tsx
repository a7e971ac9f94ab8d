import { useState } from 'preact/hooks';
import { Alert, Card, EmptyState, LoadError, Money, PageHeader, Skeleton } from '../../components/ui';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link } from '../../lib/router';
import type { BillPayment } from '../../lib/types';
import { ResolveForm } from './Payments';

type QueueItem = BillPayment & { user?: { email?: string; fullName?: string } };

export function ReviewQueuePage() {
  useTitle('Review queue · Console');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<{ data: QueueItem[] }>('/v1/admin/review-queue', { signal }),
    [],
  );
  const [done, setDone] = useState<string | null>(null);
  return (
    <div class="page wide">
      <PageHeader
        title="Review queue"
        subtitle="Payments whose outcome the provider did not confirm. Resolve each one: delivered, or refund."
      />
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={4} />
      ) : !data?.data.length ? (
        <Card>
          <EmptyState title="Nothing to review">Every payment has a final outcome.</EmptyState>
        </Card>
      ) : (
        <div class="stack" data-testid="review-queue">
          {data.data.map((p) => (
            <Card key={p.id} testId={`review-item-${p.id}`}>
              <div class="review-head">
                <div>
                  <Link href={`/admin/payments/${p.id}`} class="link">
                    <strong>{p.billerName}</strong> · <span class="mono">{p.customerRef}</span>
                  </Link>
                  <div class="muted small">
                    {[
                      p.user?.email ?? p.customerName,
                      `waiting since ${formatDateTime(p.updatedAt ?? p.createdAt)}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </div>
                <Money amount={p.total} currency={p.currency} class="review-amount" />
              </div>
              <ResolveForm
                payment={p}
                onResolved={() => {
                  setDone(`Resolved the ${p.billerName} payment for ${p.customerRef}.`);
                  void reload();
                }}
              />
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
