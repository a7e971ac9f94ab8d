import { useRef, useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  Dialog,
  EmptyState,
  focusFirstError,
  LoadError,
  Money,
  PageHeader,
  SelectField,
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage, newIdempotencyKey, qs } from '../../lib/api';
import { formatDateTime, humanize } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link, navigate } from '../../lib/router';
import type { ResponseBody } from '../../lib/types';

type RunPage = ResponseBody<'/v1/admin/reconciliations', 'get'>;
type Run = RunPage['data'][number];
type RunDetail = ResponseBody<'/v1/admin/reconciliations/{id}', 'get'>;
type Exception = RunDetail['exceptions'][number];
type Counts = NonNullable<Run['counts']>;

const CLASSES = [
  'matched',
  'amount_mismatch',
  'status_mismatch',
  'missing_internal',
  'missing_external',
  'duplicate_external',
] as const;
const CLASS_LABEL: Record<string, string> = {
  matched: 'Matched',
  amount_mismatch: 'Amount differs',
  status_mismatch: 'Status differs',
  missing_internal: 'Not ours (theirs only)',
  missing_external: 'Not theirs (ours only)',
  duplicate_external: 'Duplicate in their report',
};
const SOURCES = [
  { value: 'provider:vtpass', label: 'Provider: vtpass' },
  { value: 'provider:vtpass-b', label: 'Provider: vtpass-b' },
  { value: 'gateway', label: 'Gateway (deposits)' },
  { value: 'bank', label: 'Bank (withdrawals)' },
];
const ACTION_LABEL: Record<string, string> = {
  requery: 'Requery provider',
  adjust: 'Adjust via suspense',
  link: 'Link to our item',
  accept: 'Accept',
};

function CountsRow({ counts }: { counts: Partial<Counts> | null | undefined }) {
  if (!counts) return <span class="muted">—</span>;
  return (
    <div class="row" data-testid="recon-counts">
      {CLASSES.map((c) => (
        <span key={c} class="badge" data-testid={`recon-count-${c}`} title={CLASS_LABEL[c]}>
          {CLASS_LABEL[c]}: {counts[c] ?? 0}
        </span>
      ))}
    </div>
  );
}

/** Upload a report (CSV or JSON) with its source, an optional column mapping and dry run. */
function UploadForm({ onDone }: { onDone: (message: string, runId?: string, counts?: Counts) => void }) {
  const [source, setSource] = useState('provider:vtpass');
  const [mapping, setMapping] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) return setFailure('Choose the report file (CSV or JSON)');
    if (mapping.trim()) {
      try {
        JSON.parse(mapping);
      } catch {
        return setFailure('The mapping must be JSON, e.g. {"reference": "Ref", "amountUnit": "major"}');
      }
    }
    const form = new FormData();
    form.set('source', source);
    if (mapping.trim()) form.set('mapping', mapping.trim());
    form.set('dryRun', String(dryRun));
    form.set('file', file);
    setBusy(true);
    setFailure(null);
    try {
      const run = await api.upload<Run & { replayed?: boolean; dryRun: boolean }>(
        '/v1/admin/reconciliations',
        form,
      );
      if (run.dryRun) onDone('Dry run: nothing was stored.', undefined, run.counts ?? undefined);
      else
        onDone(run.replayed ? 'This file was reconciled before: here is that run.' : 'Reconciled.', run.id);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="recon-upload">
      <SelectField label="Source" name="source" value={source} onValue={setSource} options={SOURCES} />
      <label class="field">
        <span class="label">Report file</span>
        <input
          type="file"
          name="file"
          accept=".csv,.json,text/csv,application/json"
          data-testid="recon-file"
          onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
        />
      </label>
      <TextField
        label="Column mapping (optional JSON)"
        name="mapping"
        hint='Default columns: reference,amount,currency,status,date, amount in kobo. E.g. {"reference":"Ref","amount":"Naira","amountUnit":"major"}'
        value={mapping}
        onValue={setMapping}
      />
      <label class="row">
        <input
          type="checkbox"
          checked={dryRun}
          onChange={(e) => setDryRun((e.currentTarget as HTMLInputElement).checked)}
        />
        Dry run (counts only, nothing stored)
      </label>
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        <Button type="submit" loading={busy} data-testid="recon-upload-submit">
          Reconcile
        </Button>
      </div>
    </form>
  );
}

/** Sandbox: pull a provider simulator's report for a day, with discrepancies injected on request. */
function PullForm({ onDone }: { onDone: (message: string, runId?: string) => void }) {
  const [source, setSource] = useState('provider:vtpass');
  const [date, setDate] = useState(new Date(Date.now() + 3600_000).toISOString().slice(0, 10));
  const [inject, setInject] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const discrepancies = inject ? inject.split(',') : [];
      const run = await api.post<Run & { replayed?: boolean }>('/v1/admin/reconciliations/pull', {
        source,
        date,
        ...(discrepancies.length ? { discrepancies } : {}),
      });
      onDone(run.replayed ? 'That report was reconciled before: here is that run.' : 'Reconciled.', run.id);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="recon-pull">
      <SelectField
        label="Provider"
        name="pull-source"
        value={source}
        onValue={setSource}
        options={SOURCES.filter((s) => s.value.startsWith('provider:'))}
      />
      <TextField label="Day (Africa/Lagos)" name="date" type="date" value={date} onValue={setDate} />
      <SelectField
        label="Inject discrepancies (sandbox)"
        name="inject"
        value={inject}
        onValue={setInject}
        options={[
          { value: '', label: 'None' },
          { value: 'amount_mismatch,missing_internal,status_mismatch', label: 'Amount, missing, status' },
          { value: 'missing_external,duplicate_external', label: 'Missing from theirs, duplicate' },
        ]}
      />
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        <Button type="submit" variant="secondary" loading={busy} data-testid="recon-pull-submit">
          Pull and reconcile
        </Button>
      </div>
    </form>
  );
}

/** Reconciliation runs: upload or pull a report, and every run with its counts. */
export function ReconciliationPage() {
  useTitle('Reconciliation · Console');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<RunPage>('/v1/admin/reconciliations', { signal }),
    [],
  );
  const [message, setMessage] = useState<string | null>(null);
  const [dry, setDry] = useState<Counts | null>(null);
  const done = (m: string, runId?: string, counts?: Counts) => {
    setMessage(m);
    setDry(counts ?? null);
    if (runId) navigate(`/admin/reconciliation/${runId}`);
    else void reload();
  };
  return (
    <div class="page wide">
      <PageHeader
        title="Reconciliation"
        subtitle="A provider's, the gateway's or the bank's report against our records: every line and every item of ours in one class."
      />
      <div aria-live="polite">
        {message && <Alert kind="success">{message}</Alert>}
        {dry && <CountsRow counts={dry} />}
      </div>
      <div class="grid-2">
        <Card title="Upload a report">
          <UploadForm onDone={done} />
        </Card>
        <Card title="Pull a provider's report">
          <PullForm onDone={done} />
        </Card>
      </div>
      <Card title="Runs">
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={4} />
        ) : !data?.data.length ? (
          <EmptyState title="No runs yet">Upload a report or pull one to start.</EmptyState>
        ) : (
          <div class="table-wrap">
            <table class="table" data-testid="recon-runs">
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Source</th>
                  <th scope="col">Report</th>
                  <th scope="col">Status</th>
                  <th scope="col">Lines</th>
                  <th scope="col">Exceptions</th>
                </tr>
              </thead>
              <tbody>
                {data.data.map((r) => (
                  <tr key={r.id} data-testid={`recon-run-${r.id}`}>
                    <td>
                      <Link href={`/admin/reconciliation/${r.id}`} class="link">
                        {formatDateTime(r.createdAt)}
                      </Link>
                    </td>
                    <td>{r.source}</td>
                    <td>
                      {r.fileName ?? r.reportDate ?? '—'}
                      <div class="muted">{humanize(r.origin ?? '')}</div>
                    </td>
                    <td>
                      <StatusBadge status={r.status ?? 'started'} />
                    </td>
                    <td>{r.externalCount}</td>
                    <td>
                      {r.counts
                        ? Object.entries(r.counts)
                            .filter(([c]) => c !== 'matched')
                            .reduce((n, [, v]) => n + (v ?? 0), 0)
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

/** One resolution with its reason (and amount or item for adjust and link): audited, one key per attempt. */
function ResolveDialog({
  runId,
  exception,
  action,
  onClose,
  onDone,
}: {
  runId: string;
  exception: Exception;
  action: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const difference =
    exception.externalAmount != null && exception.internalAmount != null
      ? Math.abs(exception.externalAmount - exception.internalAmount)
      : (exception.externalAmount ?? exception.internalAmount ?? 0);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState(String(difference || ''));
  const [direction, setDirection] = useState('to_suspense');
  const [internalId, setInternalId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const form = useRef<HTMLFormElement>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (reason.trim().length < 5)
      next.reason = 'Give a reason (at least 5 characters); it goes in the audit log';
    if (action === 'adjust' && !/^[1-9]\d*$/.test(amount.trim()))
      next.amount = 'Amount in kobo, a whole number';
    if (action === 'link' && !/^[0-9a-f-]{36}$/i.test(internalId.trim()))
      next.internalId = "Enter our item's ID";
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setBusy(true);
    setFailure(null);
    try {
      await api.post(
        `/v1/admin/reconciliations/${runId}/exceptions/${exception.id}/resolve`,
        {
          action,
          reason: reason.trim(),
          ...(action === 'adjust' ? { amount: Number(amount.trim()), direction } : {}),
          ...(action === 'link' ? { internalId: internalId.trim() } : {}),
        },
        { idempotencyKey: key.current },
      );
      onDone(`${ACTION_LABEL[action]}: done.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} title={ACTION_LABEL[action] ?? action} testId="recon-resolve-dialog">
      <form ref={form} class="form" onSubmit={submit} noValidate>
        <p>{CLASS_LABEL[exception.class ?? ''] ?? exception.class}</p>
        {action === 'adjust' && (
          <>
            <TextField
              label="Amount (kobo)"
              name="amount"
              value={amount}
              onValue={setAmount}
              error={errors.amount}
            />
            <SelectField
              label="Direction"
              name="direction"
              value={direction}
              onValue={setDirection}
              options={[
                { value: 'to_suspense', label: 'Clearing account -> suspense' },
                { value: 'from_suspense', label: 'Suspense -> clearing account' },
              ]}
            />
          </>
        )}
        {action === 'link' && (
          <TextField
            label="Our item's ID (one listed as not theirs)"
            name="internalId"
            value={internalId}
            onValue={setInternalId}
            error={errors.internalId}
          />
        )}
        <TextField label="Reason" name="reason" value={reason} onValue={setReason} error={errors.reason} />
        {failure && <Alert>{failure}</Alert>}
        <div class="row row-end">
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-testid="recon-resolve-confirm">
            Confirm
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ItemCell({ items }: { items: Exception['external'] | Exception['internal'] }) {
  if (!items?.length) return <span class="muted">—</span>;
  return (
    <>
      {items.map((i) => (
        <div key={i.reference}>
          <span class="mono">{i.reference}</span>{' '}
          <Money amount={i.amount ?? 0} currency={i.currency ?? 'NGN'} />{' '}
          <span class="muted">{i.rawStatus}</span>
        </div>
      ))}
    </>
  );
}

/** A run: counts per class and its exceptions, each with the resolutions it may take. */
export function ReconciliationRunPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  useTitle('Reconciliation run · Console');
  const [cls, setCls] = useState('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<RunDetail>(`/v1/admin/reconciliations/${id}${qs({ class: cls || undefined, cursor })}`, {
        signal,
      }),
    [id, cls, cursor],
  );
  const [open, setOpen] = useState<{ exception: Exception; action: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div class="page wide">
      <PageHeader
        title="Reconciliation run"
        subtitle={data ? `${data.source} · ${data.fileName ?? data.reportDate ?? ''}` : undefined}
        back={{ href: '/admin/reconciliation', label: 'Reconciliation' }}
      />
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={6} />
      ) : data ? (
        <>
          <Card>
            <p>
              <StatusBadge status={data.status ?? 'started'} /> {data.externalCount} lines,{' '}
              {data.internalCount ?? '—'} of ours · {formatDateTime(data.periodFrom)} –{' '}
              {formatDateTime(data.periodTo)}
            </p>
            <CountsRow counts={data.counts} />
          </Card>
          <Card
            title="Exceptions"
            actions={
              <SelectField
                label="Class"
                name="class"
                value={cls}
                onValue={(v) => {
                  setCls(v);
                  setCursor(undefined);
                }}
                options={[
                  { value: '', label: 'All' },
                  ...CLASSES.slice(1).map((c) => ({ value: c, label: CLASS_LABEL[c] ?? c })),
                ]}
              />
            }
          >
            {!data.exceptions?.length ? (
              <EmptyState title="No exceptions">Every line matched one of ours.</EmptyState>
            ) : (
              <div class="table-wrap">
                <table class="table" data-testid="recon-exceptions">
                  <thead>
                    <tr>
                      <th scope="col">Class</th>
                      <th scope="col">Their line</th>
                      <th scope="col">Ours</th>
                      <th scope="col">Resolution</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.exceptions.map((e) => (
                      <tr key={e.id} data-testid={`recon-exception-${e.class}`}>
                        <td>{CLASS_LABEL[e.class ?? ''] ?? e.class}</td>
                        <td>
                          <ItemCell items={e.external} />
                        </td>
                        <td>
                          <ItemCell items={e.internal} />
                          {e.internal?.map((i) => (
                            <div key={i.id} class="muted mono">
                              {i.id}
                            </div>
                          ))}
                        </td>
                        <td>
                          {e.resolution ? (
                            <>
                              <StatusBadge status={e.resolution} />
                              <div class="muted">{e.resolutionReason}</div>
                            </>
                          ) : (
                            <div class="row">
                              {(e.actions ?? []).map((a) => (
                                <Button
                                  key={a}
                                  size="sm"
                                  variant={a === 'accept' ? 'secondary' : 'primary'}
                                  data-testid={`recon-action-${a}`}
                                  onClick={() => setOpen({ exception: e, action: a })}
                                >
                                  {ACTION_LABEL[a] ?? a}
                                </Button>
                              ))}
                            </div>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {data.nextCursor && (
              <div class="row row-end">
                <Button variant="secondary" size="sm" onClick={() => setCursor(data.nextCursor ?? undefined)}>
                  Next page
                </Button>
              </div>
            )}
          </Card>
        </>
      ) : null}
      {open && (
        <ResolveDialog
          runId={id}
          exception={open.exception}
          action={open.action}
          onClose={() => setOpen(null)}
          onDone={(m) => {
            setOpen(null);
            setMessage(m);
            void reload();
          }}
        />
      )}
    </div>
  );
}
