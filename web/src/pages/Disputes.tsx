import { useRef, useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  DefinitionList,
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
} from '../components/ui';
import { api, errorMessage, qs } from '../lib/api';
import { formatDate, formatDateTime } from '../lib/format';
import { useAsync, useTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import type { Dispute, DisputeDetail, DisputeReason, DisputeSubjectType, Page } from '../lib/types';
import { useLiveEvent } from '../lib/wallets';

export const REASON_LABELS: Record<DisputeReason, string> = {
  token_not_received: 'I did not receive my token',
  wrong_amount: 'I was charged the wrong amount',
  not_authorised: 'I did not make this transaction',
  service_not_rendered: 'I paid but did not get the service',
  other: 'Something else',
};

const SUBJECT_LABELS: Record<DisputeSubjectType, string> = {
  bill_payment: 'Bill payment',
  transfer: 'Transfer',
  deposit: 'Deposit',
  withdrawal: 'Withdrawal',
};

export const DISPUTE_STATUS_LABELS: Record<string, string> = {
  opened: 'Received',
  under_review: 'Under review',
  resolved_refunded: 'Refunded',
  resolved_rejected: 'Not upheld',
  resolved_delivered: 'Delivered',
  withdrawn: 'Withdrawn',
};

/**
 * "Report a problem" on a transaction: an inline form (it lives inside other
 * dialogs), answered at once with the complaint's tracking number.
 */
export function ReportProblem({
  subjectType,
  subjectId,
  defaultReason,
}: {
  subjectType: DisputeSubjectType;
  subjectId: string;
  defaultReason?: DisputeReason;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<string>(defaultReason ?? '');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; description?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [existing, setExisting] = useState<{ id: string; trackingNumber: string } | null>(null);
  const [done, setDone] = useState<Dispute | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  if (done)
    return (
      <Alert kind="success">
        <span data-testid="dispute-tracking">
          We received your complaint <strong class="mono">{done.trackingNumber}</strong>. We will resolve it
          by {formatDate(done.dueAt)}.
        </span>{' '}
        <Link href={`/disputes/${done.id}`}>Follow it</Link>
      </Alert>
    );
  if (!open)
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="report-problem">
        Report a problem
      </Button>
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!reason) next.reason = 'Choose what went wrong';
    if (description.trim().length < 3) next.description = 'Tell us what happened (at least 3 characters)';
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setBusy(true);
    setFailure(null);
    try {
      setDone(
        await api.post<Dispute>('/v1/disputes', {
          subjectType,
          subjectId,
          reason,
          description: description.trim(),
        }),
      );
    } catch (e) {
      const problem = (e as { code?: string; problem?: Record<string, unknown> }) ?? {};
      if (problem.code === 'dispute_already_open' && typeof problem.problem?.disputeId === 'string')
        setExisting({
          id: problem.problem.disputeId,
          trackingNumber: String(problem.problem.trackingNumber),
        });
      else setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="form" onSubmit={submit} noValidate data-testid="report-problem-form">
      <SelectField
        label="What went wrong?"
        name="reason"
        value={reason}
        onValue={setReason}
        placeholder="Choose one"
        required
        options={Object.entries(REASON_LABELS).map(([value, label]) => ({ value, label }))}
        error={errors.reason}
      />
      <TextField
        label="What happened?"
        name="description"
        value={description}
        onValue={setDescription}
        maxLength={2000}
        error={errors.description}
      />
      {existing && (
        <Alert kind="info">
          You already reported this: <Link href={`/disputes/${existing.id}`}>{existing.trackingNumber}</Link>
        </Alert>
      )}
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        <Button variant="ghost" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" loading={busy} data-testid="report-problem-submit">
          Send
        </Button>
      </div>
    </form>
  );
}

/** My disputes, newest first. */
export function DisputesPage() {
  useTitle('My disputes');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<Dispute>>(`/v1/disputes${qs({ limit: 50 })}`, { signal }),
    [],
  );
  useLiveEvent((name) => {
    if (name === 'dispute.updated') void reload();
  });
  return (
    <div class="page narrow">
      <PageHeader
        title="My disputes"
        subtitle="Problems you reported. Open a transaction in History to report a new one."
      />
      <Card>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={4} />
        ) : !data?.data.length ? (
          <EmptyState title="No disputes">
            If something goes wrong with a payment, report it from its details.
          </EmptyState>
        ) : (
          <ul class="list" data-testid="disputes-list">
            {data.data.map((d) => (
              <li key={d.id} class="list-item">
                <Link href={`/disputes/${d.id}`} class="row" data-testid={`dispute-${d.trackingNumber}`}>
                  <span class="mono">{d.trackingNumber}</span>
                  <span>{SUBJECT_LABELS[d.subjectType]}</span>
                  <Money amount={d.amount} currency={d.currency} />
                  <StatusBadge status={d.status} label={DISPUTE_STATUS_LABELS[d.status]} />
                  <span class="muted small">{formatDate(d.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function subjectLink(d: Dispute) {
  if (d.subjectType === 'bill_payment')
    return <Link href={`/bills/payments/${d.subjectId}`}>View the payment</Link>;
  return <span class="mono">{d.subjectId}</span>;
}

/** One dispute: its status, the date it is due, the messages, a reply box and withdraw. */
export function DisputeDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  useTitle('Dispute');
  const { data, error, reload, setData } = useAsync(
    (signal) => api.get<DisputeDetail>(`/v1/disputes/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useLiveEvent((name, event) => {
    if (name === 'dispute.updated' && event.disputeId === id) void reload();
  });
  if (error && !data)
    return (
      <div class="page narrow">
        <PageHeader title="Dispute" back={<Link href="/disputes">← My disputes</Link>} />
        <LoadError error={error} onRetry={reload} />
      </div>
    );
  if (!data) return <Spinner label="Loading dispute" />;
  const d = data;
  const open = d.status === 'opened' || d.status === 'under_review';

  const act = async (fn: () => Promise<DisputeDetail>) => {
    setBusy(true);
    setFailure(null);
    try {
      setData(await fn());
      setMessage('');
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const send = (event: Event) => {
    event.preventDefault();
    if (!message.trim()) return;
    void act(() => api.post<DisputeDetail>(`/v1/disputes/${id}/messages`, { body: message.trim() }));
  };

  return (
    <div class="page narrow">
      <PageHeader
        title={`Dispute ${d.trackingNumber}`}
        subtitle={REASON_LABELS[d.reason]}
        back={<Link href="/disputes">← My disputes</Link>}
      />
      <div class="stack" data-testid="dispute-detail" data-status={d.status}>
        <Card>
          <DefinitionList
            items={[
              ['Status', <StatusBadge status={d.status} label={DISPUTE_STATUS_LABELS[d.status]} />],
              ['Tracking number', <span class="mono">{d.trackingNumber}</span>],
              [
                'About',
                <>
                  {SUBJECT_LABELS[d.subjectType]} · {subjectLink(d)}
                </>,
              ],
              ['Amount', <Money amount={d.amount} currency={d.currency} />],
              ['Received', formatDateTime(d.acknowledgedAt)],
              [
                open ? 'Resolution due by' : 'Resolved',
                open ? formatDate(d.dueAt) : formatDateTime(d.resolvedAt),
              ],
              ...(d.resolutionReason ? ([['Outcome', d.resolutionReason]] as [string, string][]) : []),
            ]}
          />
          {open && d.overdue && (
            <Alert kind="warning">
              This is taking longer than it should. If you are not satisfied you may escalate it to the CBN,
              quoting {d.trackingNumber}.
            </Alert>
          )}
        </Card>
        <Card title="Messages">
          <ol class="timeline" data-testid="dispute-messages">
            {d.messages.map((m) => (
              <li key={m.id}>
                <StatusBadge
                  status={m.author}
                  label={m.author === 'customer' ? 'You' : m.author === 'operator' ? 'Vendra' : 'Update'}
                />
                <span class="muted small">{formatDateTime(m.createdAt)}</span>
                <span>{m.body}</span>
              </li>
            ))}
          </ol>
          {open && (
            <form class="form" onSubmit={send} noValidate>
              <TextField
                label="Add a message"
                name="message"
                value={message}
                onValue={setMessage}
                maxLength={2000}
              />
              {failure && <Alert>{failure}</Alert>}
              <div class="row row-end">
                <Button
                  variant="ghost"
                  disabled={busy}
                  onClick={() => void act(() => api.post<DisputeDetail>(`/v1/disputes/${id}/withdraw`, {}))}
                  data-testid="dispute-withdraw"
                >
                  Withdraw complaint
                </Button>
                <Button type="submit" loading={busy}>
                  Send
                </Button>
              </div>
            </form>
          )}
        </Card>
      </div>
    </div>
  );
}
