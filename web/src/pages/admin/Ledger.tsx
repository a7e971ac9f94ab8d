import { useState } from 'preact/hooks';
import { Icon } from '../../components/icons';
import { Alert, Button, Card, EmptyState, LoadError, Money, PageHeader, Skeleton } from '../../components/ui';
import { api, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import type { LedgerAudit, SystemAccount } from '../../lib/types';

export function LedgerPage() {
  useTitle('Ledger · Console');
  const accounts = useAsync(
    (signal) => api.get<{ data: SystemAccount[] }>('/v1/admin/ledger/system-accounts', { signal }),
    [],
  );
  const [audit, setAudit] = useState<LedgerAudit | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    setFailure(null);
    try {
      setAudit(await api.post<LedgerAudit>('/v1/admin/ledger/audit', {}));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div class="page wide">
      <PageHeader
        title="Ledger"
        subtitle="Check that every transaction balances and every account adds up."
      />
      <Card
        title="Ledger audit"
        actions={
          <Button onClick={run} loading={running} data-testid="run-audit">
            Run audit
          </Button>
        }
        testId="ledger-audit"
      >
        <div aria-live="polite">
          {failure && <Alert>{failure}</Alert>}
          {!audit && !failure && (
            <p class="muted">
              Runs the same checks as the nightly audit, now: that no money was created or lost, that every
              balance is the sum of its history, that no wallet is overdrawn and that no hold is stuck.
            </p>
          )}
          {audit && (
            <>
              <Alert
                kind={audit.ok ? 'success' : 'error'}
                title={audit.ok ? 'The ledger is consistent' : 'The audit found problems'}
                testId="audit-result"
              >
                Checked {formatDateTime(audit.at)}.
              </Alert>
              <ul class="checks">
                {audit.checks.map((c) => (
                  <li key={c.name} class={c.ok ? 'check-ok' : 'check-bad'}>
                    <Icon name={c.ok ? 'check' : 'x'} size={18} />
                    <div data-testid={`audit-check-${c.name}`}>
                      <strong>{c.title ?? c.name}</strong>
                      <div>{c.proves}</div>
                      <div class="muted small">
                        Checked: {c.detail} <span class="mono">({c.name})</span>
                      </div>
                      {c.violations.length > 0 && (
                        <details>
                          <summary>
                            {c.violations.length} violation{c.violations.length === 1 ? '' : 's'}
                          </summary>
                          <pre class="pre">{JSON.stringify(c.violations.slice(0, 50), null, 2)}</pre>
                        </details>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </Card>
      <Card title="System accounts">
        {accounts.error ? (
          <LoadError error={accounts.error} onRetry={accounts.reload} />
        ) : accounts.loading && !accounts.data ? (
          <Skeleton lines={4} />
        ) : !accounts.data?.data.length ? (
          <EmptyState title="No system accounts" />
        ) : (
          <div class="table-wrap">
            <table class="table" data-testid="system-accounts">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Type</th>
                  <th scope="col">Currency</th>
                  <th scope="col" class="num">
                    Balance
                  </th>
                </tr>
              </thead>
              <tbody>
                {accounts.data.data.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.name}</th>
                    <td>{a.type}</td>
                    <td>{a.currency}</td>
                    <td class="num">
                      <Money amount={a.balance} currency={a.currency} />
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
