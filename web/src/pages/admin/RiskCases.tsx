import { useRef, useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  cx,
  DefinitionList,
  EmptyState,
  focusFirstError,
  LoadError,
  Money,
  PageHeader,
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage, normalizePage, qs } from '../../lib/api';
import { formatDateTime, humanize, shortId } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link, navigate, useLocation } from '../../lib/router';
import type { ResponseBody } from '../../lib/types';

type CasePage = ResponseBody<'/v1/admin/risk/cases', 'get'>;
export type RiskCase = ResponseBody<'/v1/admin/risk/cases/{id}', 'get'>;

const STATUSES = ['open', 'resolved'] as const;
const ACTION_TONE: Record<RiskCase['action'], string> = {
  flag: 'processing',
  hold: 'pending',
  block: 'failed',
};

function ActionBadge({ action }: { action: RiskCase['action'] }) {
  return <StatusBadge status={ACTION_TONE[action]} label={action} />;
}

function CasesTable({ cases }: { cases: RiskCase[] }) {
  return (
    <div class="table-wrap">
      <table class="table" data-testid="risk-cases-table">
        <thead>
          <tr>
            <th scope="col">Opened</th>
            <th scope="col">Customer</th>
            <th scope="col">Action</th>
            <th scope="col">Rules</th>
            <th scope="col">Debit</th>
            <th scope="col" class="num">
              Amount
            </th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id} data-case-id={c.id}>
              <td>
                <Link href={`/admin/risk/cases/${c.id}`} class="link">
                  {formatDateTime(c.createdAt)}
                </Link>
              </td>
              <td class="mono">{shortId(c.userId)}</td>
              <td>
                <ActionBadge action={c.action} />{' '}
                {c.held && <StatusBadge status="pending" label="money held" />}
              </td>
              <td class="mono small">{c.ruleKeys.join(', ')}</td>
              <td>{humanize(c.kind)}</td>
              <td class="num">
                <Money amount={c.amount} currency={c.currency} />
              </td>
              <td>{c.decision ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RiskCasesPage() {
  useTitle('Risk cases · Console');
  const { query } = useLocation();
  const status = query.get('status') === 'resolved' ? 'resolved' : 'open';
  const cursor = query.get('cursor') ?? undefined;
  const { data, error, loading, reload } = useAsync(
    async (signal) =>
      normalizePage(await api.get<CasePage>(`/v1/admin/risk/cases${qs({ status, cursor })}`, { signal })),
    [status, cursor],
  );
  return (
    <div class="page wide">
      <PageHeader
        title="Risk cases"
        subtitle="Debits a risk rule fired on, oldest first. Held money waits for a release or refuse decision."
        actions={
          <Link href="/admin/risk/rules" class="btn btn-secondary btn-md">
            Rules
          </Link>
        }
      />
      <nav class="chips" aria-label="Status">
        {STATUSES.map((s) => (
          <Link
            key={s}
            href={`/admin/risk${qs({ status: s === 'open' ? undefined : s })}`}
            class={cx('chip', s === status && 'active')}
            aria-current={s === status ? 'page' : undefined}
          >
            {s.charAt(0).toUpperCase() + s.slice(1)}
          </Link>
        ))}
      </nav>
      <Card>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={4} />
        ) : !data?.data.length ? (
          <EmptyState title={status === 'open' ? 'No open cases' : 'No resolved cases'}>
            {status === 'open' ? 'Every risk case has a decision.' : undefined}
          </EmptyState>
        ) : (
          <>
            <CasesTable cases={data.data} />
            {data.nextCursor && (
              <div class="row row-center">
                <Button
                  variant="secondary"
                  onClick={() => navigate(`/admin/risk${qs({ status, cursor: data.nextCursor })}`)}
                >
                  Later cases
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </div>
  );
}

type Decision = 'release' | 'refuse' | 'dismiss' | 'confirm';
const DECISION_LABELS: Record<Decision, string> = {
  release: 'Release the money',
  refuse: 'Refuse (money back)',
  dismiss: 'Dismiss',
  confirm: 'Confirm the concern',
};

/** One open case: its decisions with a reason for the audit log. */
function ResolveForm({ riskCase, onDone }: { riskCase: RiskCase; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<Decision | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const decisions: Decision[] = riskCase.held ? ['refuse', 'release'] : ['dismiss', 'confirm'];
  const decide = async (decision: Decision) => {
    if (reason.trim().length < 3) {
      setError('Give a reason (at least 3 characters); it goes in the audit log');
      return focusFirstError(form.current);
    }
    setError(undefined);
    setFailure(null);
    setBusy(decision);
    try {
      await api.post(`/v1/admin/risk/cases/${riskCase.id}/resolve`, { decision, reason: reason.trim() });
      onDone(`Case resolved: ${DECISION_LABELS[decision].toLowerCase()}.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <form
      ref={form}
      class="form"
      noValidate
      data-testid="risk-resolve-form"
      onSubmit={(e) => e.preventDefault()}
    >
      <TextField
        label="Decision reason"
        name="decisionReason"
        id="risk-decision-reason"
        value={reason}
        onValue={setReason}
        maxLength={500}
        hint={
          riskCase.held ? 'Release lets the held debit go through; refuse gives the money back' : undefined
        }
        error={error}
      />
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        {decisions.map((d, i) => (
          <Button
            key={d}
            variant={i === 0 ? 'secondary' : 'primary'}
            onClick={() => void decide(d)}
            loading={busy === d}
            disabled={busy !== null}
            data-testid={`risk-${d}`}
          >
            {DECISION_LABELS[d]}
          </Button>
        ))}
      </div>
    </form>
  );
}

function FreezeForm({ riskCase, onDone }: { riskCase: RiskCase; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setError('Give a reason (at least 3 characters); it goes in the audit log');
      return focusFirstError(form.current);
    }
    setError(undefined);
    setBusy(true);
    try {
      await api.post(`/v1/admin/risk/cases/${riskCase.id}/freeze`, { reason: reason.trim() });
      onDone('The customer is frozen: no logins, no money in or out.');
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={form} class="form" noValidate data-testid="risk-freeze-form" onSubmit={submit}>
      <TextField
        label="Freeze reason"
        name="freezeReason"
        id="risk-freeze-reason"
        value={reason}
        onValue={setReason}
        maxLength={500}
        error={error}
      />
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        <Button type="submit" variant="danger" loading={busy} data-testid="risk-freeze">
          Freeze the customer
        </Button>
      </div>
    </form>
  );
}

function ActivityTable({ lines }: { lines: RiskCase['recentActivity'] }) {
  if (!lines.length) return <EmptyState title="No debits yet" />;
  return (
    <div class="table-wrap">
      <table class="table" data-testid="risk-activity">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Debit</th>
            <th scope="col">Counterparty</th>
            <th scope="col" class="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.reference}>
              <td>{formatDateTime(l.createdAt)}</td>
              <td>{humanize(l.kind)}</td>
              <td class="mono small">
                {l.counterparty} {l.newCounterparty && <StatusBadge status="pending" label="new" />}
              </td>
              <td class="num">
                <Money amount={l.amount} currency={l.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RiskCasePage({ params }: { params: Record<string, string> }) {
  useTitle('Risk case · Console');
  const id = params.id ?? '';
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<RiskCase>(`/v1/admin/risk/cases/${id}`, { signal }),
    [id],
  );
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string) => {
    setDone(message);
    void reload();
  };
  return (
    <div class="page wide">
      <PageHeader
        title="Risk case"
        back={
          <Link href="/admin/risk" class="link">
            ← Risk cases
          </Link>
        }
      />
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={6} />
      ) : data ? (
        <div class="stack" data-testid="risk-case">
          <Card title="What happened">
            <DefinitionList
              items={[
                [
                  'Status',
                  <StatusBadge status={data.status === 'open' ? 'open' : 'closed'} label={data.status} />,
                ],
                ['Action', <ActionBadge action={data.action} />],
                ['Money held', data.held ? 'Yes, until a decision' : 'No'],
                [
                  'Customer',
                  <Link href={`/admin/customers/${data.userId}`} class="link mono">
                    {shortId(data.userId)}
                  </Link>,
                ],
                ['Debit', `${humanize(data.kind)} to ${data.counterparty}`],
                ['Amount', <Money amount={data.amount} currency={data.currency} />],
                ['References', <span class="mono">{data.references.join(', ')}</span>],
                ['Opened', formatDateTime(data.createdAt)],
                ...(data.decision
                  ? ([
                      ['Decision', data.decision],
                      ['Reason', data.reason ?? '—'],
                      ['Resolved', formatDateTime(data.resolvedAt)],
                    ] as [string, string][])
                  : []),
                ...(data.frozenAt
                  ? ([['Frozen', `${formatDateTime(data.frozenAt)}: ${data.freezeReason ?? ''}`]] as [
                      string,
                      string,
                    ][])
                  : []),
              ]}
            />
            <ul class="stack" data-testid="risk-fired">
              {data.fired.map((f) => (
                <li key={f.key}>
                  <span class="mono">{f.key}</span> <ActionBadge action={f.action} /> {f.why}
                </li>
              ))}
            </ul>
          </Card>
          {data.status === 'open' && (
            <Card title="Decide">
              <ResolveForm riskCase={data} onDone={finish} />
            </Card>
          )}
          {!data.frozenAt && (
            <Card title="Freeze the customer">
              <FreezeForm riskCase={data} onDone={finish} />
            </Card>
          )}
          <Card title="Recent debits">
            <ActivityTable lines={data.recentActivity} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
