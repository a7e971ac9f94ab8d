import { useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  LoadError,
  Money,
  PageHeader,
  SelectField,
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, download, errorMessage, qs } from '../../lib/api';
import { endOfDayIso, formatDateTime, startOfDayIso } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link, navigate, useLocation } from '../../lib/router';
import type { FoundTransaction, SearchPage as SearchResultPage } from '../../lib/types';
import { isMoneyError, parseMoney } from '../../money';

const TYPE_LABELS: Record<string, string> = {
  deposit: 'Deposit',
  transfer: 'Transfer',
  bill_payment: 'Bill payment',
  withdrawal: 'Withdrawal',
  dispute: 'Dispute',
};

const FIELDS = ['q', 'type', 'amount', 'from', 'to'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;

/** The form as API query parameters, or the first mistake in it. */
export function searchQuery(d: Draft): { query: Record<string, string>; error?: string } {
  const query: Record<string, string> = {};
  if (d.q.trim()) query.q = d.q.trim();
  if (d.type) query.type = d.type;
  if (d.amount.trim()) {
    const minor = parseMoney(d.amount, 2);
    if (isMoneyError(minor)) return { query, error: `Amount: ${minor.error}` };
    if (minor <= 0n) return { query, error: 'Amount: enter an amount greater than zero' };
    query.amount = String(minor);
  }
  if (d.from) query.from = startOfDayIso(d.from) ?? '';
  if (d.to) query.to = endOfDayIso(d.to) ?? '';
  if (query.from && query.to && query.from >= query.to)
    return { query, error: 'The start date must be on or before the end date' };
  return { query };
}

function linkOf(r: FoundTransaction): string | null {
  if (r.type === 'bill_payment') return `/admin/payments/${r.id}`;
  if (r.type === 'dispute') return `/admin/disputes/${r.id}`;
  return r.userId ? `/admin/customers/${r.userId}` : null;
}

export function Results({ query }: { query: Record<string, string> }) {
  const key = JSON.stringify(query);
  const [more, setMore] = useState<FoundTransaction[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const first = useAsync(
    async (signal) => {
      const page = await api.get<SearchResultPage>(`/v1/admin/search${qs({ ...query, limit: 50 })}`, {
        signal,
      });
      setMore([]);
      setCursor(page.nextCursor ?? null);
      return page;
    },
    [key],
  );
  const rows = [...(first.data?.data ?? []), ...more];
  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    try {
      const page = await api.get<SearchResultPage>(`/v1/admin/search${qs({ ...query, limit: 50, cursor })}`);
      setMore((m) => [...m, ...page.data]);
      setCursor(page.nextCursor ?? null);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const exportCsv = () => {
    setFailure(null);
    download(`/v1/admin/search/csv${qs(query)}`, 'vendra-search.csv').catch((e) =>
      setFailure(errorMessage(e)),
    );
  };
  if (first.error) return <LoadError error={first.error} onRetry={first.reload} />;
  if (first.loading && !first.data) return <Skeleton lines={5} />;
  return (
    <>
      <div class="row">
        <Button variant="secondary" onClick={exportCsv} data-testid="search-export">
          Export CSV
        </Button>
      </div>
      {failure && <Alert>{failure}</Alert>}
      {!rows.length ? (
        <EmptyState title="Nothing matches">
          Try a reference, an email or phone, a meter or an account number.
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table class="table cards-on-phone" data-testid="search-results">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Type</th>
                <th scope="col">Reference</th>
                <th scope="col" class="num">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const href = linkOf(r);
                return (
                  <tr key={`${r.type}-${r.id}`} data-type={r.type} data-testid="search-row">
                    <td data-label="When">{formatDateTime(r.at)}</td>
                    <td data-label="Type">{TYPE_LABELS[r.type] ?? r.type}</td>
                    <td data-label="Reference" class="mono">
                      {href ? (
                        <Link href={href} class="link">
                          {r.reference}
                        </Link>
                      ) : (
                        r.reference
                      )}
                    </td>
                    <td data-label="Amount" class="num">
                      <Money amount={r.amount} currency={r.currency} />
                    </td>
                    <td data-label="Status">
                      <StatusBadge status={r.status} />
                    </td>
                    <td data-label="Detail">{r.detail}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <div class="row row-center">
          <Button variant="secondary" onClick={loadMore} loading={busy}>
            Load more
          </Button>
        </div>
      )}
    </>
  );
}

/** One search across every kind of transaction, with CSV export. */
export function SearchPage() {
  useTitle('Search · Console');
  const { query: params } = useLocation();
  const current = Object.fromEntries(FIELDS.map((k) => [k, params.get(k) ?? ''])) as Draft;
  const [draft, setDraft] = useState<Draft>(current);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const checked = searchQuery(current);
  const asked = FIELDS.some((k) => current[k]);
  const submit = (event: Event) => {
    event.preventDefault();
    const next = searchQuery(draft);
    setError(next.error ?? null);
    if (next.error) return;
    navigate(`/admin/search${qs({ ...draft })}`, { replace: true });
  };
  return (
    <div class="page wide">
      <PageHeader
        title="Search"
        subtitle="Deposits, transfers, bill payments, withdrawals and disputes: by reference, person, account, meter, amount and date."
      />
      <Card>
        <form class="filter-grid" onSubmit={submit} noValidate data-testid="search-form">
          <TextField
            label="Reference, person, account or meter"
            name="q"
            id="search-q"
            value={draft.q}
            onValue={set('q')}
            placeholder="DSP-2026-000001, ada@example.com, 0803…, meter"
          />
          <SelectField
            label="Type"
            name="type"
            id="search-type"
            value={draft.type}
            onValue={set('type')}
            placeholder="Every type"
            options={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
          <TextField
            label="Amount (₦)"
            name="amount"
            id="search-amount"
            value={draft.amount}
            onValue={set('amount')}
            inputMode="decimal"
          />
          <TextField
            label="From"
            name="from"
            id="search-from"
            type="date"
            value={draft.from}
            onValue={set('from')}
          />
          <TextField label="To" name="to" id="search-to" type="date" value={draft.to} onValue={set('to')} />
          <div class="filter-buttons">
            <Button type="submit">Search</Button>
          </div>
        </form>
        {error && <Alert testId="search-error">{error}</Alert>}
      </Card>
      <Card>
        {asked && !checked.error ? (
          <Results query={checked.query} />
        ) : (
          <p class="muted">
            Search by anything you have: a reference, a name, an email or phone, a meter, an amount.
          </p>
        )}
      </Card>
    </div>
  );
}
