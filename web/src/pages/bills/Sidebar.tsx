import { Icon } from '../../components/icons';
import { Button, Card, LoadError, Money, Skeleton, StatusBadge } from '../../components/ui';
import { useState } from 'preact/hooks';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import { Link } from '../../lib/router';
import type { BillPayment, LinkedAccount, Page, SavedCustomer } from '../../lib/types';
import { formatMoney } from '../../money';

// Beside the steps: the customers paid before ("Pay again") and the latest payments.

const HIDDEN_KEY = 'vendra.bills.hidden';

/** Meters and numbers a person hid from "Pay again" on this device (they stay in the history). */
function loadHidden(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function saveHidden(keys: string[]) {
  try {
    localStorage.setItem(HIDDEN_KEY, JSON.stringify(keys.slice(-200)));
  } catch {
    // Storage refused: hidden for this visit only.
  }
}

/** One meter or number: a biller and a reference (the product aside: a meter is one meter). */
const keyOf = (x: { billerId: string; customerRef: string }) => `${x.billerId}|${x.customerRef}`;

interface Entry {
  key: string;
  name: string;
  billerName: string;
  customerRef: string;
  /** Paid before: "Pay again" with the last amount. */
  saved: SavedCustomer | null;
  /** Linked: named, and removable. */
  linked: LinkedAccount | null;
}

/** Linked accounts first (by their names), then meters paid before that are not linked, each once. */
function entriesOf(saved: SavedCustomer[], linked: LinkedAccount[], hidden: string[]): Entry[] {
  const savedByKey = new Map<string, SavedCustomer>();
  for (const s of saved) if (!savedByKey.has(keyOf(s))) savedByKey.set(keyOf(s), s);
  const out: Entry[] = [];
  const seen = new Set<string>();
  for (const l of linked) {
    const key = keyOf(l);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      key,
      name: l.nickname || l.customerName,
      billerName: l.billerName,
      customerRef: l.customerRef,
      saved: savedByKey.get(key) ?? null,
      linked: l,
    });
  }
  for (const [key, s] of savedByKey) {
    if (seen.has(key) || hidden.includes(key)) continue;
    seen.add(key);
    out.push({
      key,
      name: s.customerName ?? s.customerRef,
      billerName: s.billerName,
      customerRef: s.customerRef,
      saved: s,
      linked: null,
    });
  }
  return out;
}

function EntryActions({
  entry,
  onPayAgain,
  onPrefill,
  onChanged,
  onHide,
}: {
  entry: Entry;
  onPayAgain: (saved: SavedCustomer) => void;
  onPrefill: (linked: LinkedAccount) => void;
  onChanged: (message: string) => void;
  onHide: (key: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const label = `${entry.billerName} ${entry.customerRef}`;
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      onChanged(done);
    } catch (e) {
      onChanged(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const { saved, linked } = entry;
  return (
    <div class="saved-actions">
      {saved ? (
        <Button
          size="sm"
          onClick={() => onPayAgain(saved)}
          data-testid={`pay-again-${entry.customerRef}`}
          aria-label={`Pay again: ${label}`}
        >
          Pay again
        </Button>
      ) : (
        linked && (
          <Button
            size="sm"
            onClick={() => onPrefill(linked)}
            data-testid={`pay-linked-${entry.customerRef}`}
            aria-label={`Pay: ${label}`}
          >
            Pay
          </Button>
        )
      )}
      {linked ? (
        <Button
          size="sm"
          variant="ghost"
          loading={busy}
          onClick={() => act(() => api.delete(`/v1/linked-accounts/${linked.id}`), `${entry.name} removed.`)}
          data-testid={`remove-saved-${entry.customerRef}`}
          aria-label={`Remove ${label}`}
        >
          Remove
        </Button>
      ) : (
        <>
          <Button
            size="sm"
            variant="secondary"
            loading={busy}
            onClick={() =>
              act(
                () =>
                  api.post('/v1/linked-accounts', {
                    billerId: saved?.billerId,
                    productCode: saved?.productCode,
                    customerRef: entry.customerRef,
                  }),
                `${entry.name} saved. Rename it under Linked accounts.`,
              )
            }
            data-testid={`link-saved-${entry.customerRef}`}
            aria-label={`Save ${label}`}
          >
            Save
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onHide(entry.key)}
            data-testid={`hide-saved-${entry.customerRef}`}
            aria-label={`Hide ${label}`}
          >
            Hide
          </Button>
        </>
      )}
    </div>
  );
}

/**
 * "Pay again": linked accounts (named, removable) and the meters and numbers
 * paid before (each once; saved as a linked account, or hidden here).
 */
export function SavedMeters({
  onPayAgain,
  onPrefill,
}: {
  onPayAgain: (saved: SavedCustomer) => void;
  onPrefill: (linked: LinkedAccount) => void;
}) {
  const saved = useAsync(
    (signal) => api.get<{ data: SavedCustomer[] }>('/v1/saved-customers', { signal }),
    [],
  );
  const linked = useAsync(
    (signal) => api.get<{ data: LinkedAccount[] }>('/v1/linked-accounts', { signal }),
    [],
  );
  const [hidden, setHidden] = useState(loadHidden);
  const [notice, setNotice] = useState<string | null>(null);
  const error = saved.error ?? linked.error;
  if (error)
    return <LoadError error={error} onRetry={() => Promise.all([saved.reload(), linked.reload()])} />;
  if ((saved.loading && !saved.data) || (linked.loading && !linked.data)) return <Skeleton lines={2} />;
  const entries = entriesOf(saved.data?.data ?? [], linked.data?.data ?? [], hidden);
  if (!entries.length && !notice) return null;
  const hide = (key: string) => {
    const next = [...hidden, key];
    setHidden(next);
    saveHidden(next);
    setNotice('Hidden from this list. Your history still has it.');
  };
  return (
    <Card title="Pay again" testId="saved-customers">
      <div aria-live="polite">
        {notice && (
          <p class="muted small" data-testid="saved-notice">
            {notice}
          </p>
        )}
      </div>
      <ul class="saved-list">
        {entries.map((e) => (
          <li key={e.key} class="saved" data-testid="saved-entry" data-linked={e.linked ? 'true' : 'false'}>
            <div class="saved-main">
              <span class="saved-name">{e.name}</span>
              <span class="muted small">
                {e.billerName} · {e.customerRef}
              </span>
              {e.saved && (
                <span class="muted small">
                  Last paid {formatMoney(e.saved.lastAmount, 'NGN')} on {formatDateTime(e.saved.lastPaidAt)}
                </span>
              )}
            </div>
            <EntryActions
              entry={e}
              onPayAgain={onPayAgain}
              onPrefill={onPrefill}
              onHide={hide}
              onChanged={(message) => {
                setNotice(message);
                void saved.reload();
                void linked.reload();
              }}
            />
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
