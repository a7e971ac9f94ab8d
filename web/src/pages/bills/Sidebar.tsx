import { Icon } from '../../components/icons';
import { Button, Card, LoadError, Money, Skeleton, StatusBadge } from '../../components/ui';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import { Link } from '../../lib/router';
import type { BillPayment, Page, SavedCustomer } from '../../lib/types';
import { formatMoney } from '../../money';

// Beside the steps: the customers paid before ("Pay again") and the latest payments.

export function SavedMeters({ onPayAgain }: { onPayAgain: (saved: SavedCustomer) => void }) {
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<{ data: SavedCustomer[] }>('/v1/saved-customers', { signal }),
    [],
  );
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton lines={2} />;
  if (!data?.data.length) return null;
  return (
    <Card title="Pay again" testId="saved-customers">
      <ul class="saved-list">
        {data.data.map((s) => (
          <li key={`${s.billerId}-${s.productCode}-${s.customerRef}`} class="saved">
            <div class="saved-main">
              <span class="saved-name">{s.customerName ?? s.customerRef}</span>
              <span class="muted small">
                {s.billerName} · {s.customerRef}
              </span>
              <span class="muted small">
                Last paid {formatMoney(s.lastAmount, 'NGN')} on {formatDateTime(s.lastPaidAt)}
              </span>
            </div>
            <Button
              size="sm"
              onClick={() => onPayAgain(s)}
              data-testid={`pay-again-${s.customerRef}`}
              aria-label={`Pay again: ${s.billerName} ${s.customerRef}`}
            >
              Pay again
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function RecentPayments() {
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<BillPayment>>('/v1/bill-payments?limit=5', { signal }),
    [],
  );
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton lines={2} />;
  if (!data?.data.length) return null;
  return (
    <Card title="Recent bill payments" testId="recent-bill-payments">
      <ul class="lines">
        {data.data.map((p) => (
          <li key={p.id}>
            <Link href={`/bills/payments/${p.id}`} class="line">
              <span class="line-icon" aria-hidden="true">
                <Icon name="bolt" size={18} />
              </span>
              <span class="line-main">
                <span class="line-title">{p.billerName}</span>
                <span class="line-meta">
                  {p.customerRef} · {formatDateTime(p.createdAt)}
                </span>
              </span>
              <span class="line-side">
                <Money amount={p.total} currency={p.currency} />
                <StatusBadge status={p.status} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
