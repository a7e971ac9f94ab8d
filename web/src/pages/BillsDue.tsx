/**
 * Bills due on the linked accounts, by due date, with the totals; refresh from the providers;
 * "Pay all" pays the chosen bills in one request (every hold or none), then each payment goes on
 * by itself. The confirmation is its own step, with the PIN pad.
 */
import { useState } from 'preact/hooks';
import { PinStep, usePin } from '../components/PinPad';
import { Alert, Button, Card, EmptyState, LoadError, Money, PageHeader, StatusBadge } from '../components/ui';
import { api, errorMessage } from '../lib/api';
import { formatDate, formatDateTime } from '../lib/format';
import { useAsync, useTitle } from '../lib/hooks';
import { newPayAllDraft, type PayAllDraft, submitPayAll } from '../lib/pay-due';
import { isPinRefusal } from '../lib/pin';
import { Link } from '../lib/router';
import type { BillsDue, DueBill, PayAllResult } from '../lib/types';
import { useWallets } from '../lib/wallets';

const PAYING = ['pending', 'processing', 'succeeded', 'needs_review'];
const payable = (b: DueBill) => !b.paymentStatus || !PAYING.includes(b.paymentStatus);

function BillRow({ bill, checked, onToggle }: { bill: DueBill; checked: boolean; onToggle: () => void }) {
  return (
    <li class="list-row" data-testid="due-bill">
      <label class="checkbox-row">
        <input
          type="checkbox"
          checked={checked}
          disabled={!payable(bill)}
          onChange={onToggle}
          data-testid="due-bill-check"
        />
        <span>
          <strong>{bill.nickname}</strong>
          <span class="muted">
            {' '}
            · {bill.billerName} · {bill.customerRef}
          </span>
          <div class="muted">
            Due {formatDate(bill.dueDate)}
            {bill.period ? ` · period ${bill.period}` : ''} · ref {bill.billReference}
          </div>
        </span>
      </label>
      <div class="row-actions">
        <Money amount={bill.amountDue} currency={bill.currency} testId="due-bill-amount" />
        {bill.paymentId && (
          <Link href={`/bills/payments/${bill.paymentId}`}>
            <StatusBadge status={bill.paymentStatus ?? 'pending'} />
          </Link>
        )}
      </div>
    </li>
  );
}

function Confirm({
  draft,
  bills,
  onDone,
  onCancel,
}: {
  draft: PayAllDraft;
  bills: DueBill[];
  onDone: (r: PayAllResult) => void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const entry = usePin();
  const chosen = bills.filter((b) => draft.billReferences.includes(b.billReference));
  const total = chosen.reduce((n, b) => n + b.amountDue, 0);
  async function pay() {
    setBusy(true);
    setFailure(null);
    try {
      // The same draft (same idempotency key) on a retry; the PIN pad supplies the PIN header.
      onDone(await submitPayAll(draft, async () => ({ 'x-transaction-pin': entry.pin })));
    } catch (e) {
      entry.refused(e);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title="Pay these bills?">
      <p>
        {chosen.length} bill{chosen.length === 1 ? '' : 's'}, <Money amount={total} currency="NGN" /> plus
        fees, from your wallet. If one cannot be paid, none is.
      </p>
      <PinStep value={entry.pin} onValue={entry.setPin} failure={failure} disabled={busy} />
      {failure !== null && !isPinRefusal(failure) && (
        <Alert kind="error" testId="pay-all-error">
          {errorMessage(failure)}
        </Alert>
      )}
      <div class="row-actions">
        <Button onClick={pay} loading={busy} disabled={!entry.complete} data-testid="pay-all-confirm">
          Pay now
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Back
        </Button>
      </div>
    </Card>
  );
}

export function BillsDuePage() {
  useTitle('Bills due');
  const { wallets } = useWallets();
  const due = useAsync((signal) => api.get<BillsDue>('/v1/bills/due', { signal }), []);
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState<PayAllDraft | undefined>();
  const [result, setResult] = useState<PayAllResult | undefined>();
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const bills = due.data?.data ?? [];
  const chosen = bills.filter((b) => payable(b) && !unchecked.has(b.billReference));
  const wallet = wallets?.find((w) => w.currency === 'NGN');

  async function refresh() {
    setRefreshing(true);
    setError(undefined);
    try {
      await api.post('/v1/bills/due/refresh');
      await due.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRefreshing(false);
    }
  }
  const toggle = (ref: string) =>
    setUnchecked((prev) => {
      const next = new Set(prev);
      if (next.has(ref)) next.delete(ref);
      else next.add(ref);
      return next;
    });

  return (
    <div class="page narrow">
      <PageHeader
        title="Bills due"
        subtitle="Every bill on your linked accounts, soonest first."
        actions={
          <>
            <Link href="/bills/accounts">Linked accounts</Link>{' '}
            <Button
              variant="secondary"
              size="sm"
              onClick={refresh}
              loading={refreshing}
              data-testid="refresh-due"
            >
              Refresh
            </Button>
          </>
        }
      />
      {error && <Alert kind="error">{error}</Alert>}
      {result && (
        <Alert kind="success" testId="pay-all-ok" title="Payments accepted">
          <ul>
            {result.data.map((r) => (
              <li key={r.billReference} data-testid="pay-all-payment">
                <Link href={`/bills/payments/${r.payment.id}`}>{r.billReference}</Link>:{' '}
                <StatusBadge status={r.payment.status} />
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {due.error ? (
        <LoadError error={due.error} onRetry={due.reload} />
      ) : bills.length === 0 && !due.loading ? (
        <EmptyState title="Nothing due">
          <Link href="/bills/accounts">Link a meter or utility account</Link> to see its bills here.
        </EmptyState>
      ) : (
        <Card title="Due">
          <ul class="list" data-testid="due-bills">
            {bills.map((b) => (
              <BillRow
                key={`${b.linkedAccountId}|${b.billReference}`}
                bill={b}
                checked={payable(b) && !unchecked.has(b.billReference)}
                onToggle={() => toggle(b.billReference)}
              />
            ))}
          </ul>
          <div class="totals" data-testid="due-totals">
            Total due:{' '}
            {(due.data?.totals ?? []).map((t) => (
              <Money key={t.currency} amount={t.amountDue} currency={t.currency} testId="due-total" />
            ))}
            {bills[0] && <span class="muted"> · checked {formatDateTime(bills[0].fetchedAt)}</span>}
          </div>
          {draft ? (
            <Confirm
              draft={draft}
              bills={bills}
              onCancel={() => setDraft(undefined)}
              onDone={(r) => {
                setResult(r);
                setDraft(undefined);
                void due.reload();
              }}
            />
          ) : (
            <Button
              disabled={chosen.length === 0 || !wallet}
              onClick={() =>
                wallet &&
                setDraft(
                  newPayAllDraft(
                    wallet.id,
                    chosen.map((b) => b.billReference),
                  ),
                )
              }
              data-testid="pay-all"
            >
              Pay all ({chosen.length})
            </Button>
          )}
        </Card>
      )}
    </div>
  );
}
