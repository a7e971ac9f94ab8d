import { useRef, useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  cx,
  DefinitionList,
  Dialog,
  EmptyState,
  focusFirstError,
  LoadError,
  Money,
  PageHeader,
  SelectField,
  Skeleton,
  Spinner,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage, qs } from '../../lib/api';
import { endOfDayIso, formatDateTime, groupToken, startOfDayIso } from '../../lib/format';
import { describePosting } from '../../lib/postings';
import { AdjustmentForm } from './AdjustmentForm';
import { useAsync, useIdempotencyKey, useTitle } from '../../lib/hooks';
import { Link, navigate, useLocation } from '../../lib/router';
import type { AdminBillPayment, BillPayment, Page } from '../../lib/types';
import { formatMoney } from '../../money';

const STATUSES = ['pending', 'processing', 'succeeded', 'failed', 'reversed', 'needs_review'].map((s) => ({
  value: s,
  label: s.replace('_', ' '),
}));

type Row = BillPayment & { user?: { email?: string } };

export function PaymentsTable({ rows, testId }: { rows: Row[]; testId?: string }) {
  return (
    <div class="table-wrap">
      <table class="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Biller</th>
            <th scope="col">Customer ref</th>
            <th scope="col">Customer</th>
            <th scope="col" class="num">
              Total
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-testid="admin-payment-row" data-status={p.status}>
              <td>
                <Link href={`/admin/payments/${p.id}`} class="link">
                  {formatDateTime(p.createdAt)}
                </Link>
              </td>
              <td>{p.billerName}</td>
              <td class="mono">{p.customerRef}</td>
              <td>{p.user?.email ?? p.customerName ?? '—'}</td>
              <td class="num">
                <Money amount={p.total} currency={p.currency} />
              </td>
              <td>
                <StatusBadge status={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AdminPaymentsPage() {
  useTitle('Payments · Console');
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const status = query.get('status') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const [qDraft, setQDraft] = useState(q);
  const [statusDraft, setStatusDraft] = useState(status);
  const [fromDraft, setFromDraft] = useState(from);
  const [toDraft, setToDraft] = useState(to);
  const [more, setMore] = useState<Row[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [moreBusy, setMoreBusy] = useState(false);
  const filters = { q, status, from: startOfDayIso(from), to: endOfDayIso(to) };
  const list = useAsync(
    async (signal) => {
      const page = await api.get<Page<Row>>(`/v1/admin/bill-payments${qs({ ...filters, limit: 50 })}`, {
        signal,
      });
      setMore([]);
      setCursor(page.nextCursor);
      return page;
    },
    [q, status, from, to],
  );

  const search = (event: Event) => {
    event.preventDefault();
    const params = qs({ q: qDraft.trim(), status: statusDraft, from: fromDraft, to: toDraft });
    navigate(`/admin/payments${params}`, { replace: true });
  };

  const loadMore = async () => {
    if (!cursor) return;
    setMoreBusy(true);
    try {
      const page = await api.get<Page<Row>>(
        `/v1/admin/bill-payments${qs({ ...filters, cursor, limit: 50 })}`,
      );
      setMore((m) => [...m, ...page.data]);
      setCursor(page.nextCursor);
    } finally {
      setMoreBusy(false);
    }
  };

  const rows = [...(list.data?.data ?? []), ...more];
  return (
    <div class="page wide">
      <PageHeader
        title="Payments"
        subtitle="Search bill payments by reference, customer email or meter number."
      />
      <Card>
        <form class="filter-grid" onSubmit={search} data-testid="admin-payment-search">
          <TextField
            label="Search"
            name="q"
            id="admin-q"
            value={qDraft}
            onValue={setQDraft}
            placeholder="Reference, email or meter"
          />
          <SelectField
            label="Status"
            name="status"
            id="admin-status"
            value={statusDraft}
            onValue={setStatusDraft}
            placeholder="Any status"
            options={STATUSES}
          />
          <TextField
            label="From"
            name="from"
            id="admin-from"
            type="date"
            value={fromDraft}
            onValue={setFromDraft}
          />
          <TextField label="To" name="to" id="admin-to" type="date" value={toDraft} onValue={setToDraft} />
          <div class="filter-buttons">
            <Button type="submit">Search</Button>
          </div>
        </form>
      </Card>
      <Card>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : list.loading && !list.data ? (
          <Skeleton lines={6} />
        ) : rows.length === 0 ? (
          <EmptyState title="No payments match">Try a different search or a wider date range.</EmptyState>
        ) : (
          <>
            <PaymentsTable rows={rows} testId="admin-payments" />
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

/** Resolve a payment stuck in needs_review: delivered (with the token) or refund; a reason is required. */
export function ResolveForm({ payment, onResolved }: { payment: BillPayment; onResolved: () => void }) {
  const [action, setAction] = useState<'delivered' | 'refund' | ''>('');
  const [token, setToken] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const tokenClean = token.replace(/[\s-]/g, '');
  const body = {
    action,
    reason: reason.trim(),
    ...(action === 'delivered' && tokenClean ? { token: tokenClean } : {}),
  };
  const { key, settle } = useIdempotencyKey(JSON.stringify(body));
  const needsToken = payment.category === 'electricity';

  const review = (event: Event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!action) next.action = 'Choose how to resolve this payment';
    if (action === 'delivered' && needsToken && !/^\d{16,24}$/.test(tokenClean))
      next.token = 'Enter the token the provider issued (16 to 24 digits)';
    if (reason.trim().length < 5)
      next.reason = 'Give a reason (at least 5 characters); it goes in the audit log';
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setConfirming(true);
  };

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.post(`/v1/admin/bill-payments/${payment.id}/resolve`, body, { idempotencyKey: key });
      settle();
      setConfirming(false);
      onResolved();
    } catch (e) {
      settle(e);
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="form" onSubmit={review} noValidate data-testid="resolve-form">
      <fieldset class="fieldset">
        <legend class="field-label">Outcome</legend>
        <div class="radio-list radio-row">
          <label class={cx('radio', action === 'delivered' && 'selected')}>
            <input
              type="radio"
              name={`action-${payment.id}`}
              value="delivered"
              checked={action === 'delivered'}
              onChange={() => setAction('delivered')}
              aria-describedby={errors.action ? `action-error-${payment.id}` : undefined}
            />
            <span>
              <span class="radio-title">Delivered</span>
              <span class="muted small">The provider confirmed the vend</span>
            </span>
          </label>
          <label class={cx('radio', action === 'refund' && 'selected')}>
            <input
              type="radio"
              name={`action-${payment.id}`}
              value="refund"
              checked={action === 'refund'}
              onChange={() => setAction('refund')}
            />
            <span>
              <span class="radio-title">Refund</span>
              <span class="muted small">
                Return {formatMoney(payment.total, payment.currency)} to the wallet
              </span>
            </span>
          </label>
        </div>
        {errors.action && (
          <p class="field-error" id={`action-error-${payment.id}`}>
            {errors.action}
          </p>
        )}
      </fieldset>
      {action === 'delivered' && (
        <TextField
          label="Token"
          name="token"
          id={`token-${payment.id}`}
          value={token}
          onValue={setToken}
          inputMode="numeric"
          required={needsToken ? undefined : false}
          error={errors.token}
          autoComplete="off"
        />
      )}
      <TextField
        label="Reason"
        name="reason"
        id={`reason-${payment.id}`}
        value={reason}
        onValue={setReason}
        error={errors.reason}
        hint="Recorded in the audit log with your name."
      />
      <Button type="submit" data-testid="resolve-submit">
        Resolve…
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Confirm resolution"
        testId="resolve-confirm"
      >
        <p>
          {action === 'refund'
            ? `Refund ${formatMoney(payment.total, payment.currency)} to the customer's wallet? The payment is closed as not delivered.`
            : `Mark this payment delivered${tokenClean ? ` with token ${groupToken(tokenClean)}` : ''}? The customer keeps the charge.`}
        </p>
        <p class="muted small">Reason: {reason.trim()}</p>
        {failure && <Alert testId="form-error">{failure}</Alert>}
        <div class="row row-end">
          <Button variant="ghost" onClick={() => setConfirming(false)} disabled={busy}>
            Cancel
          </Button>
          <Button
            variant={action === 'refund' ? 'danger' : 'primary'}
            onClick={submit}
            loading={busy}
            data-testid="resolve-confirm-button"
          >
            {action === 'refund' ? 'Refund' : 'Mark delivered'}
          </Button>
        </div>
      </Dialog>
    </form>
  );
}

export function AdminPaymentDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  useTitle('Payment · Console');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<AdminBillPayment>(`/v1/admin/bill-payments/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  const [resolved, setResolved] = useState(false);
  const back = <Link href="/admin/payments">← Payments</Link>;
  if (error && !data)
    return (
      <div class="page wide">
        <PageHeader title="Payment" back={back} />
        <LoadError error={error} onRetry={reload} />
      </div>
    );
  if (!data || (loading && !data)) return <Spinner label="Loading payment" />;
  const p = data;
  return (
    <div class="page wide">
      <PageHeader
        title={`${p.billerName} · ${formatMoney(p.total, p.currency)}`}
        subtitle={<span class="mono">{p.id}</span>}
        back={back}
        actions={<StatusBadge status={p.status} />}
      />
      {resolved && <Alert kind="success">Resolution recorded.</Alert>}
      <div class="admin-grid" data-testid="admin-payment-detail" data-status={p.status}>
        <Card title="Payment">
          <DefinitionList
            items={[
              ['Status', <StatusBadge status={p.status} />],
              [
                'Customer',
                p.user ? (
                  <Link href={`/admin/customers/${p.user.id}`}>{`${p.user.fullName} (${p.user.email})`}</Link>
                ) : (
                  '—'
                ),
              ],
              ['Biller', `${p.billerName} (${p.billerId})`],
              ['Product', p.productCode],
              ['Customer ref', <span class="mono">{p.customerRef}</span>],
              ['Name on account', p.customerName ?? '—'],
              ['Amount', <Money amount={p.amount} currency={p.currency} />],
              ['Fee', <Money amount={p.fee} currency={p.currency} />],
              ['Total', <Money amount={p.total} currency={p.currency} />],
              ['Token', p.token ? <span class="mono">{groupToken(p.token)}</span> : '—'],
              ['Failure reason', p.failureReason ?? '—'],
              ['Created', formatDateTime(p.createdAt)],
              ['Updated', formatDateTime(p.updatedAt)],
            ]}
          />
        </Card>
        {p.status === 'needs_review' && (
          <Card title="Resolve" testId="resolve-card">
            <p class="muted">
              The provider's answer was lost or unclear. Check with the provider, then record the outcome.
            </p>
            <ResolveForm
              payment={p}
              onResolved={() => {
                setResolved(true);
                void reload();
              }}
            />
          </Card>
        )}
        <Card title="Timeline">
          {p.timeline?.length ? (
            <ol class="timeline" data-testid="admin-timeline">
              {p.timeline.map((t) => (
                <li key={`${t.status}-${t.at}`}>
                  <StatusBadge status={t.status} />
                  <span class="muted small">{formatDateTime(t.at)}</span>
                  {t.reason && <span class="small">{t.reason}</span>}
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">No events recorded.</p>
          )}
        </Card>
        <Card title="Provider calls" class="span-2">
          {p.providerCalls?.length ? (
            <div class="table-wrap">
              <table class="table" data-testid="provider-calls">
                <thead>
                  <tr>
                    <th scope="col">At</th>
                    <th scope="col">Operation</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Code</th>
                    <th scope="col" class="num">
                      Latency
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.providerCalls.map((c) => (
                    <tr key={`${c.op}-${c.at}`}>
                      <td>{formatDateTime(c.at)}</td>
                      <td class="mono">{c.op}</td>
                      <td>
                        <StatusBadge status={c.outcome} />
                      </td>
                      <td class="mono">{c.code ?? '—'}</td>
                      <td class="num">{c.latencyMs} ms</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="muted">No provider calls yet.</p>
          )}
        </Card>
        <Card title="Ledger postings" class="span-2">
          {p.postings?.length ? (
            <div class="table-wrap">
              <table class="table" data-testid="ledger-postings">
                <thead>
                  <tr>
                    <th scope="col">Transaction</th>
                    <th scope="col">Account</th>
                    <th scope="col">Movement</th>
                    <th scope="col" class="num">
                      Amount
                    </th>
                    <th scope="col">Pending</th>
                    <th scope="col">At</th>
                  </tr>
                </thead>
                <tbody>
                  {p.postings.map((x, i) => (
                    <tr key={`${x.transactionId}-${x.accountId}-${x.side}-${i}`}>
                      <td class="mono">{x.transactionId}</td>
                      <td>{x.accountName}</td>
                      <td data-release={describePosting(x).release ? 'true' : undefined}>
                        {describePosting(x).label}
                      </td>
                      <td class="num">
                        <Money amount={describePosting(x).amount} currency={p.currency} />
                      </td>
                      <td>{x.pending ? 'Yes' : 'No'}</td>
                      <td>{formatDateTime(x.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="muted">No postings.</p>
          )}
        </Card>
        {/* A goodwill refund or a correction tied to this payment (the resolve step above handles stuck ones). */}
        <AdjustmentForm
          walletId={p.walletId}
          currency={p.currency}
          relatedId={p.id}
          onDone={() => void reload()}
        />
      </div>
    </div>
  );
}
