import { useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  LoadError,
  PageHeader,
  Skeleton,
  TextField,
} from '../../components/ui';
import { api, errorMessage, normalizePage, qs } from '../../lib/api';
import { auditChanges } from '../../lib/audit-diff';
import { endOfDayIso, formatDateTime, startOfDayIso } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { navigate, useLocation } from '../../lib/router';
import type { AuditEntry, Page } from '../../lib/types';

function actorOf(e: AuditEntry): string {
  return e.actorEmail ?? e.actorId ?? 'system';
}

function targetOf(e: AuditEntry): string {
  return [e.targetType, e.targetEmail ?? e.targetId].filter(Boolean).join(' ') || '—';
}

const FILTERS = ['actorEmail', 'action', 'target', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/** The filters in the address bar, checked; an error names the field at fault. */
export function auditQuery(f: Filters): { query: Record<string, string>; error?: string } {
  const query: Record<string, string> = {};
  if (f.actorEmail.trim()) query.actorEmail = f.actorEmail.trim();
  const action = f.action.trim().toLowerCase();
  if (action) {
    if (!/^[a-z][a-z0-9_.]*$/.test(action))
      return { query, error: 'An action looks like user.freeze, or user. for all of them' };
    query.action = action;
  }
  if (f.target.trim()) query.target = f.target.trim();
  if (f.from) {
    const from = startOfDayIso(f.from);
    if (!from) return { query, error: 'The start date is not a date' };
    query.from = from;
  }
  if (f.to) {
    const to = endOfDayIso(f.to);
    if (!to) return { query, error: 'The end date is not a date' };
    query.to = to;
  }
  if (query.from && query.to && query.from >= query.to)
    return { query, error: 'The start date must be on or before the end date' };
  return { query };
}

function Changes({ e }: { e: AuditEntry }) {
  const changes = auditChanges(e.before ?? null, e.after ?? null);
  if (!changes.length) return <span class="muted">—</span>;
  return (
    <ul class="changes" data-testid="audit-changes">
      {changes.slice(0, 8).map((c) => (
        <li key={c.key}>
          <span class="mono">{c.key}</span>: <del>{c.before}</del> → <ins>{c.after}</ins>
        </li>
      ))}
      {changes.length > 8 && <li class="muted">and {changes.length - 8} more</li>}
    </ul>
  );
}

function FilterForm({ initial }: { initial: Filters }) {
  const [draft, setDraft] = useState<Filters>(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof Filters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (event: Event) => {
    event.preventDefault();
    const checked = auditQuery(draft);
    setError(checked.error ?? null);
    if (checked.error) return;
    navigate(`/admin/audit${qs({ ...draft })}`, { replace: true });
  };
  return (
    <form class="filter-grid" onSubmit={submit} noValidate data-testid="audit-filters">
      <TextField
        label="Who (email)"
        name="actorEmail"
        id="audit-actor"
        value={draft.actorEmail}
        onValue={set('actorEmail')}
      />
      <TextField
        label="Action"
        name="action"
        id="audit-action"
        value={draft.action}
        onValue={set('action')}
        placeholder="user.freeze, or user."
      />
      <TextField
        label="Target (id or email)"
        name="target"
        id="audit-target"
        value={draft.target}
        onValue={set('target')}
      />
      <TextField
        label="From"
        name="from"
        id="audit-from"
        type="date"
        value={draft.from}
        onValue={set('from')}
      />
      <TextField label="To" name="to" id="audit-to" type="date" value={draft.to} onValue={set('to')} />
      <div class="filter-buttons">
        <Button type="submit">Filter</Button>
      </div>
      {error && <Alert testId="audit-filter-error">{error}</Alert>}
    </form>
  );
}

export function AuditLogPage() {
  useTitle('Audit log · Console');
  const { query: params } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const { query } = auditQuery(filters);
  const key = JSON.stringify(query);
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const first = useAsync(
    async (signal) => {
      const page = normalizePage(
        await api.get<Partial<Page<AuditEntry>>>(`/v1/admin/audit-log${qs({ ...query, limit: 50 })}`, {
          signal,
        }),
      );
      setMore([]);
      setCursor(page.nextCursor);
      return page;
    },
    [key],
  );
  const rows = [...(first.data?.data ?? []), ...more];
  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = normalizePage(
        await api.get<Partial<Page<AuditEntry>>>(`/v1/admin/audit-log${qs({ ...query, limit: 50, cursor })}`),
      );
      setMore((m) => [...m, ...page.data]);
      setCursor(page.nextCursor);
    } catch (e) {
      setMoreError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="page wide">
      <PageHeader
        title="Audit log"
        subtitle="Every operator action, with who did it, why, and what it changed."
      />
      <Card>
        <FilterForm key={key} initial={filters} />
      </Card>
      <Card>
        {first.error ? (
          <LoadError error={first.error} onRetry={first.reload} />
        ) : first.loading && !first.data ? (
          <Skeleton lines={6} />
        ) : rows.length === 0 ? (
          <EmptyState
            title={Object.keys(query).length ? 'No actions match these filters' : 'No operator actions yet'}
          />
        ) : (
          <>
            <div class="table-wrap">
              <table class="table cards-on-phone" data-testid="audit-log">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Target</th>
                    <th scope="col">Before → after</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((e) => (
                    <tr key={e.id} data-action={e.action}>
                      <td data-label="When">{formatDateTime(e.createdAt)}</td>
                      <td data-label="Who" title={e.actorId ?? undefined}>
                        {actorOf(e)}
                      </td>
                      <td data-label="Action" class="mono">
                        {e.action}
                      </td>
                      <td data-label="Target" class="mono" title={e.targetId ?? undefined}>
                        {targetOf(e)}
                      </td>
                      <td data-label="Before → after">
                        <Changes e={e} />
                      </td>
                      <td data-label="Reason">{e.reason ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {moreError && <p class="field-error">{moreError}</p>}
            {cursor && (
              <div class="row row-center">
                <Button variant="secondary" onClick={loadMore} loading={busy}>
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
