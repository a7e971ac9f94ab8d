import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
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
import { api, errorMessage, newIdempotencyKey, qs } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { describePosting } from '../../lib/postings';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link, navigate, useLocation } from '../../lib/router';
import type { AdminDispute, Dispute, Page } from '../../lib/types';
import { DISPUTE_STATUS_LABELS, REASON_LABELS } from '../Disputes';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  ...Object.entries(DISPUTE_STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

const OUTCOMES = [
  { value: 'refund', label: 'Refund to the wallet' },
  { value: 'reject', label: 'Reject, with a reason' },
  { value: 'delivered', label: 'Delivered: send the token again' },
];

/** The dispute queue: newest first, overdue ones highlighted; filter by status and overdue. */
export function AdminDisputesPage() {
  useTitle('Disputes · Console');
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const overdue = query.get('overdue') === 'true';
  const [extra, setExtra] = useState<Dispute[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const { data, error, loading, reload } = useAsync(
    async (signal) => {
      const page = await api.get<Page<Dispute>>(
        `/v1/admin/disputes${qs({ status: status || undefined, overdue: overdue ? 'true' : undefined, limit: 50 })}`,
        { signal },
      );
      setExtra([]);
      setCursor(page.nextCursor ?? null);
      return page;
    },
    [status, overdue],
  );
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    navigate(`/admin/disputes${next.toString() ? `?${next}` : ''}`, { replace: true });
  };
  const more = async () => {
    if (!cursor) return;
    const page = await api.get<Page<Dispute>>(
      `/v1/admin/disputes${qs({ status: status || undefined, overdue: overdue ? 'true' : undefined, limit: 50, cursor })}`,
    );
    setExtra((e) => [...e, ...page.data]);
    setCursor(page.nextCursor ?? null);
  };
  const rows = [...(data?.data ?? []), ...extra];
  return (
    <div class="page wide">
      <PageHeader
        title="Disputes"
        subtitle="Customers' complaints, each due within the SLA from when it was received. Overdue ones are highlighted."
        actions={
          <div class="row">
            <SelectField
              label="Status"
              name="status"
              value={status}
              onValue={(v) => set({ status: v })}
              options={STATUS_OPTIONS}
            />
            <Button
              variant={overdue ? 'primary' : 'secondary'}
              size="sm"
              onClick={() => set({ overdue: overdue ? '' : 'true' })}
              data-testid="filter-overdue"
            >
              {overdue ? 'Showing overdue' : 'Overdue only'}
            </Button>
          </div>
        }
      />
      <Card>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={5} />
        ) : !rows.length ? (
          <EmptyState title="No disputes">Nothing matches these filters.</EmptyState>
        ) : (
          <div class="table-wrap">
            <table class="table" data-testid="disputes-table">
              <thead>
                <tr>
                  <th scope="col">Tracking</th>
                  <th scope="col">Received</th>
                  <th scope="col">About</th>
                  <th scope="col">Reason</th>
                  <th scope="col" class="num">
                    Amount
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr
                    key={d.id}
                    data-testid={`dispute-row-${d.trackingNumber}`}
                    data-overdue={d.overdue ? 'true' : undefined}
                  >
                    <td>
                      <Link href={`/admin/disputes/${d.id}`} class="mono">
                        {d.trackingNumber}
                      </Link>
                    </td>
                    <td>{formatDateTime(d.createdAt)}</td>
                    <td>{d.subjectType.replace('_', ' ')}</td>
                    <td>{REASON_LABELS[d.reason]}</td>
                    <td class="num">
                      <Money amount={d.amount} currency={d.currency} />
                    </td>
                    <td>
                      <StatusBadge status={d.status} label={DISPUTE_STATUS_LABELS[d.status]} />
                    </td>
                    <td>
                      {d.overdue ? (
                        <StatusBadge status="failed" label={`Overdue since ${formatDate(d.dueAt)}`} />
                      ) : (
                        formatDate(d.dueAt)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cursor && (
          <div class="row">
            <Button variant="secondary" onClick={() => void more()}>
              Load more
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}

/** Refund, reject or deliver: one Idempotency-Key per dialog, so a double click or retry resolves once. */
function ResolveDialog({
  dispute,
  onClose,
  onDone,
}: {
  dispute: AdminDispute;
  onClose: () => void;
  onDone: (d: AdminDispute) => void;
}) {
  const [outcome, setOutcome] = useState(dispute.subject?.tokenAvailable ? 'delivered' : '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ outcome?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const form = useRef<HTMLFormElement>(null);
  const s = dispute.subject;
  const submit = async (event: Event) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!outcome) next.outcome = 'Choose an outcome';
    if (reason.trim().length < 3)
      next.reason = 'Give a reason (the customer sees it; it goes in the audit log)';
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setBusy(true);
    setFailure(null);
    try {
      onDone(
        await api.post<AdminDispute>(
          `/v1/admin/disputes/${dispute.id}/resolve`,
          { outcome, reason: reason.trim() },
          { idempotencyKey: key.current },
        ),
      );
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Resolve ${dispute.trackingNumber}`}
      testId="resolve-dispute-dialog"
    >
      <form ref={form} class="form" onSubmit={submit} noValidate>
        {s && (
          <p class="muted">
            {s.title}: <StatusBadge status={s.status} />{' '}
            {s.money === 'refundable' ? (
              <>
                a refund credits <Money amount={s.amount} currency={s.currency} /> from{' '}
                {s.refundFrom.map((r) => r.type.replace('_', ' ')).join(' and ')}.
              </>
            ) : s.money === 'in_flight' ? (
              'still in flight: it cannot be refunded yet.'
            ) : (
              'the money already came back: it cannot be refunded.'
            )}
          </p>
        )}
        <SelectField
          label="Outcome"
          name="outcome"
          value={outcome}
          onValue={setOutcome}
          placeholder="Choose one"
          required
          options={OUTCOMES.map((o) => ({
            ...o,
            disabled:
              (o.value === 'delivered' && !s?.tokenAvailable) ||
              (o.value === 'refund' && s?.money !== 'refundable'),
          }))}
          error={errors.outcome}
        />
        <TextField
          label="Reason"
          name="reason"
          value={reason}
          onValue={setReason}
          maxLength={500}
          error={errors.reason}
        />
        {failure && <Alert>{failure}</Alert>}
        <div class="row row-end">
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-testid="resolve-dispute-confirm">
            Resolve
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SubjectCards({ d }: { d: AdminDispute }) {
  const s = d.subject;
  if (!s) return <Alert kind="warning">The disputed transaction was not found.</Alert>;
  return (
    <>
      <Card title="Timeline">
        {s.timeline.length ? (
          <ol class="timeline" data-testid="dispute-subject-timeline">
            {s.timeline.map((t, i) => (
              <li key={`${t.status}-${t.at}-${i}`}>
                <StatusBadge status={t.status ?? ''} />
                <span class="muted small">{formatDateTime(t.at)}</span>
                {t.reason && <span class="small">{t.reason}</span>}
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">No events recorded.</p>
        )}
      </Card>
      <Card title="Provider calls">
        {s.providerCalls.length ? (
          <ul class="list" data-testid="dispute-provider-calls">
            {s.providerCalls.map((c, i) => (
              <li key={`${c.op}-${c.at}-${i}`} class="row">
                <span class="muted small">{formatDateTime(c.at)}</span>
                <span class="mono">{c.op}</span>
                <StatusBadge status={c.outcome ?? ''} />
                <span class="mono">{c.code ?? '—'}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">No provider calls.</p>
        )}
      </Card>
      <Card title="Ledger postings" class="span-2">
        {s.postings.length ? (
          <div class="table-wrap">
            <table class="table" data-testid="dispute-postings">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Movement</th>
                  <th scope="col" class="num">
                    Amount
                  </th>
                  <th scope="col">At</th>
                </tr>
              </thead>
              <tbody>
                {s.postings.map((x, i) => (
                  <tr key={`${x.transactionId}-${x.accountId}-${x.side}-${i}`}>
                    <td>{x.accountName}</td>
                    <td data-release={describePosting(x).release ? 'true' : undefined}>
                      {describePosting(x).label}
                    </td>
                    <td class="num">
                      <Money amount={describePosting(x).amount} currency={s.currency} />
                    </td>
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
    </>
  );
}

/** One dispute: the complaint, the messages, the subject's timeline, provider calls and postings; act on it. */
export function AdminDisputeDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  useTitle('Dispute · Console');
  const { data, error, reload, setData } = useAsync(
    (signal) => api.get<AdminDispute>(`/v1/admin/disputes/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  const [resolving, setResolving] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const back = <Link href="/admin/disputes">← Disputes</Link>;
  if (error && !data)
    return (
      <div class="page wide">
        <PageHeader title="Dispute" back={back} />
        <LoadError error={error} onRetry={reload} />
      </div>
    );
  if (!data) return <Spinner label="Loading dispute" />;
  const d = data;
  const open = d.status === 'opened' || d.status === 'under_review';
  const act = async (path: string, body: unknown, done: string) => {
    setBusy(true);
    setNote(null);
    try {
      setData(await api.post<AdminDispute>(`/v1/admin/disputes/${id}/${path}`, body));
      setNote({ kind: 'success', text: done });
      setMessage('');
    } catch (e) {
      setNote({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="page wide">
      <PageHeader
        title={`Dispute ${d.trackingNumber}`}
        subtitle={REASON_LABELS[d.reason]}
        back={back}
        actions={
          <div class="row">
            <StatusBadge status={d.status} label={DISPUTE_STATUS_LABELS[d.status]} />
            {d.status === 'opened' && (
              <Button
                size="sm"
                variant="secondary"
                loading={busy}
                onClick={() => void act('review', {}, 'Taken for review.')}
              >
                Take for review
              </Button>
            )}
            {d.subjectType === 'bill_payment' && (
              <Button
                size="sm"
                variant="secondary"
                loading={busy}
                onClick={() => void act('requery', {}, 'Asked the provider; its answer is applied.')}
                data-testid="dispute-requery"
              >
                Requery provider
              </Button>
            )}
            {open && (
              <Button size="sm" onClick={() => setResolving(true)} data-testid="resolve-dispute">
                Resolve
              </Button>
            )}
          </div>
        }
      />
      <div aria-live="polite">
        {note && <Alert kind={note.kind === 'success' ? 'success' : undefined}>{note.text}</Alert>}
      </div>
      {open && d.overdue && (
        <Alert kind="warning">Overdue: the resolution was due {formatDate(d.dueAt)}.</Alert>
      )}
      <div class="admin-grid" data-testid="admin-dispute-detail" data-status={d.status}>
        <Card title="Complaint">
          <DefinitionList
            items={[
              ['Customer', <Link href={`/admin/customers/${d.userId}`}>{d.userId.slice(0, 8)}…</Link>],
              ['About', d.subject?.title ?? d.subjectType],
              ...(d.subjectType === 'bill_payment'
                ? ([
                    [
                      'Payment',
                      <Link href={`/admin/payments/${d.subjectId}`}>{d.subjectId.slice(0, 8)}…</Link>,
                    ],
                  ] as [string, ComponentChildren][])
                : ([['Transaction', <span class="mono">{d.subjectId}</span>]] as [
                    string,
                    ComponentChildren,
                  ][])),
              ['Subject status', d.subject ? <StatusBadge status={d.subject.status} /> : '—'],
              ['Amount', <Money amount={d.amount} currency={d.currency} />],
              ['Received', formatDateTime(d.acknowledgedAt)],
              ['Due', formatDate(d.dueAt)],
              ...(d.refund
                ? ([['Refunded', <Money amount={d.refund.amount} currency={d.refund.currency} />]] as [
                    string,
                    ComponentChildren,
                  ][])
                : []),
              ...(d.resolutionReason ? ([['Outcome', d.resolutionReason]] as [string, string][]) : []),
            ]}
          />
        </Card>
        <Card title="Messages">
          <ol class="timeline" data-testid="admin-dispute-messages">
            {d.messages.map((m) => (
              <li key={m.id}>
                <StatusBadge status={m.author} />
                <span class="muted small">{formatDateTime(m.createdAt)}</span>
                <span>{m.body}</span>
              </li>
            ))}
          </ol>
          {open && (
            <form
              class="form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (message.trim())
                  void act('messages', { body: message.trim() }, 'Message sent to the customer.');
              }}
            >
              <TextField
                label="Write to the customer"
                name="message"
                value={message}
                onValue={setMessage}
                maxLength={2000}
              />
              <div class="row row-end">
                <Button type="submit" variant="secondary" loading={busy}>
                  Send
                </Button>
              </div>
            </form>
          )}
        </Card>
        <SubjectCards d={d} />
      </div>
      {resolving && (
        <ResolveDialog
          dispute={d}
          onClose={() => setResolving(false)}
          onDone={(next) => {
            setResolving(false);
            setData(next);
            setNote({ kind: 'success', text: `Resolved: ${DISPUTE_STATUS_LABELS[next.status]}.` });
          }}
        />
      )}
    </div>
  );
}
