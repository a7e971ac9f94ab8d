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
} from '../../components/ui';
import { api, errorMessage, qs } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { navigate, useLocation } from '../../lib/router';
import type { ResponseBody } from '../../lib/types';

type PayoutPage = ResponseBody<'/v1/admin/withdrawals', 'get'>;
type Payout = PayoutPage['data'][number];
type Verified = ResponseBody<'/v1/admin/withdrawals/{id}/verify', 'post'>;

const STATUSES = [
  'pending_review',
  'pending',
  'processing',
  'needs_review',
  'succeeded',
  'failed',
  'reversed',
].map((s) => ({ value: s, label: s.replace('_', ' ') }));

/** A payout the provider can still tell us something about: sent and not final, or a success it may reverse. */
const verifiable = (p: Payout) =>
  p.sentAt !== null && ['processing', 'needs_review', 'succeeded'].includes(p.status ?? '');

const masked = (accountNumber?: string) => (accountNumber ? `••••${accountNumber.slice(-4)}` : '—');

function PayoutsTable({
  rows,
  onVerify,
  busyId,
}: {
  rows: Payout[];
  onVerify: (p: Payout) => void;
  busyId: string | null;
}) {
  return (
    <div class="table-wrap">
      <table class="table" data-testid="admin-payouts">
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Reference</th>
            <th scope="col">To</th>
            <th scope="col" class="num">
              Total
            </th>
            <th scope="col">Status</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-testid="admin-payout-row" data-status={p.status}>
              <td>{p.createdAt ? formatDateTime(p.createdAt) : '—'}</td>
              <td class="mono">{p.reference}</td>
              <td>
                {p.accountName}{' '}
                <span class="muted">
                  {masked(p.accountNumber)} · {p.bankCode}
                </span>
              </td>
              <td class="num">
                <Money amount={p.total ?? 0} currency={p.currency ?? 'NGN'} />
              </td>
              <td>
                <StatusBadge status={p.status ?? 'pending'} />
                {p.failureReason && <div class="muted small">{p.failureReason}</div>}
              </td>
              <td>
                {verifiable(p) && (
                  <Button
                    variant="secondary"
                    size="sm"
                    loading={busyId === p.id}
                    onClick={() => onVerify(p)}
                    data-testid="admin-payout-verify"
                  >
                    Verify now
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The console's payouts: withdrawals to a bank by state, and "verify now" against the provider. */
export function AdminPayoutsPage() {
  useTitle('Payouts · Console');
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const [more, setMore] = useState<Payout[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [moreBusy, setMoreBusy] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [result, setResult] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const list = useAsync(
    async (signal) => {
      const page = await api.get<PayoutPage>(`/v1/admin/withdrawals${qs({ status, limit: 50 })}`, { signal });
      setMore([]);
      setCursor(page.nextCursor);
      return page;
    },
    [status],
  );

  const loadMore = async () => {
    if (!cursor) return;
    setMoreBusy(true);
    try {
      const page = await api.get<PayoutPage>(`/v1/admin/withdrawals${qs({ status, cursor, limit: 50 })}`);
      setMore((m) => [...m, ...page.data]);
      setCursor(page.nextCursor);
    } finally {
      setMoreBusy(false);
    }
  };

  const verify = async (p: Payout) => {
    setBusyId(p.id ?? null);
    setResult(null);
    try {
      const r = await api.post<Verified>(`/v1/admin/withdrawals/${p.id}/verify`, {});
      const moved = r.withdrawal?.status !== p.status;
      setResult({
        kind: moved ? 'success' : 'info',
        text: `${p.reference}: the provider says ${r.provider?.outcome?.replace('_', ' ')}${
          r.provider?.message ? ` (${r.provider.message})` : ''
        }; the payout is ${r.withdrawal?.status?.replace('_', ' ')}.`,
      });
      list.reload();
    } catch (e) {
      setResult({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusyId(null);
    }
  };

  const rows = [...(list.data?.data ?? []), ...more];
  return (
    <div class="page wide">
      <PageHeader
        title="Payouts"
        subtitle="Withdrawals to a bank by state. Verify asks the provider now and applies a final answer (audited)."
      />
      <Card>
        <div class="filter-grid">
          <SelectField
            label="Status"
            name="status"
            id="admin-payout-status"
            value={status}
            onValue={(v) => navigate(`/admin/payouts${qs({ status: v })}`, { replace: true })}
            placeholder="Any status"
            options={STATUSES}
          />
        </div>
      </Card>
      {result && (
        <Alert kind={result.kind} testId="admin-payout-result">
          {result.text}
        </Alert>
      )}
      <Card>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : list.loading && !list.data ? (
          <Skeleton lines={6} />
        ) : rows.length === 0 ? (
          <EmptyState title="No payouts">None in this state.</EmptyState>
        ) : (
          <>
            <PayoutsTable rows={rows} onVerify={verify} busyId={busyId} />
            {cursor && (
              <div class="row row-center">
                <Button variant="secondary" onClick={loadMore} loading={moreBusy}>
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
