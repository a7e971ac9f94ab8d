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
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage, newIdempotencyKey, qs } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link } from '../../lib/router';
import type { InboundTransfer } from '../../lib/types';

const REASONS: Record<string, string> = {
  unknown_account: 'Unknown account number',
  over_limit: 'Over the tier maximum balance',
  not_creditable: 'Wallet could not take it',
};

type Action = 'credit' | 'return';

/** Credit a held transfer to a wallet, or record that it went back to the sender: audited, one key per attempt. */
function ActionDialog({
  transfer,
  action,
  onClose,
  onDone,
}: {
  transfer: InboundTransfer;
  action: Action;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [target, setTarget] = useState(action === 'credit' ? (transfer.walletId ?? '') : '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ target?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per dialog: a double click or a retry after a lost answer moves the money once.
  const key = useRef(newIdempotencyKey());
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (action === 'credit' && !/^[0-9a-f-]{36}$/i.test(target.trim())) next.target = 'Enter the wallet ID';
    if (action === 'return' && target.trim().length < 3) next.target = "Enter the bank's reference";
    if (reason.trim().length < 5)
      next.reason = 'Give a reason (at least 5 characters); it goes in the audit log';
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setBusy(true);
    setFailure(null);
    try {
      const body =
        action === 'credit'
          ? { walletId: target.trim(), reason: reason.trim() }
          : { bankReference: target.trim(), reason: reason.trim() };
      await api.post(`/v1/admin/inbound-transfers/${transfer.id}/${action}`, body, {
        idempotencyKey: key.current,
      });
      onDone(action === 'credit' ? 'Credited to the wallet.' : 'Marked returned to the sender.');
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
      title={action === 'credit' ? 'Credit to a wallet' : 'Mark returned to sender'}
      testId={`inbound-${action}-dialog`}
    >
      <form ref={form} class="form" onSubmit={submit} noValidate>
        <p>
          <Money amount={transfer.amount} currency={transfer.currency} /> from{' '}
          {transfer.sender.name ?? 'unknown'} ({transfer.sender.bank ?? 'unknown bank'}) to{' '}
          {transfer.accountNumber}.
        </p>
        <TextField
          label={action === 'credit' ? 'Wallet ID' : 'Bank reference of the return'}
          name="target"
          id={`inbound-target-${transfer.id}`}
          value={target}
          onValue={setTarget}
          error={errors.target}
        />
        <TextField
          label="Reason"
          name="reason"
          id={`inbound-reason-${transfer.id}`}
          value={reason}
          onValue={setReason}
          error={errors.reason}
        />
        {failure && <Alert>{failure}</Alert>}
        <div class="row row-end">
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-testid={`inbound-${action}-confirm`}>
            {action === 'credit' ? 'Credit' : 'Mark returned'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Inbound bank transfers held in suspense (not matched to a wallet, or not creditable), with what to do. */
export function InboundPage() {
  useTitle('Inbound transfers · Console');
  const [status, setStatus] = useState<'held' | ''>('held');
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<{ data: InboundTransfer[] }>(
        `/v1/admin/inbound-transfers${qs({ status: status || undefined })}`,
        {
          signal,
        },
      ),
    [status],
  );
  const [open, setOpen] = useState<{ transfer: InboundTransfer; action: Action } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div class="page wide">
      <PageHeader
        title="Inbound transfers"
        subtitle="Bank transfers held in suspense: to an account number we do not know, or that a wallet could not take."
        actions={
          <Button variant="secondary" size="sm" onClick={() => setStatus(status ? '' : 'held')}>
            {status ? 'Show all' : 'Show held only'}
          </Button>
        }
      />
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      <Card>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={5} />
        ) : !data?.data.length ? (
          <EmptyState title="Nothing held">Every inbound transfer reached its wallet.</EmptyState>
        ) : (
          <div class="table-wrap">
            <table class="table" data-testid="inbound-table">
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">Amount</th>
                  <th scope="col">To account</th>
                  <th scope="col">Sender</th>
                  <th scope="col">Why held</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {data.data.map((t) => (
                  <tr key={t.id} data-testid={`inbound-${t.reference}`}>
                    <td>{formatDateTime(t.createdAt)}</td>
                    <td>
                      <Money amount={t.amount} currency={t.currency} />
                    </td>
                    <td class="mono">{t.accountNumber}</td>
                    <td>
                      {t.sender.name ?? '—'}
                      <div class="muted">{t.sender.bank}</div>
                    </td>
                    <td>{t.holdReason ? (REASONS[t.holdReason] ?? t.holdReason) : '—'}</td>
                    <td>
                      <StatusBadge status={t.status} />
                      {t.returnReference && <div class="muted mono">{t.returnReference}</div>}
                      {t.resolvedWalletId && (
                        <div class="muted mono" title="Credited to">
                          {t.resolvedWalletId.slice(0, 8)}…
                        </div>
                      )}
                    </td>
                    <td>
                      {t.status === 'held' ? (
                        <div class="row">
                          <Button size="sm" onClick={() => setOpen({ transfer: t, action: 'credit' })}>
                            Credit to wallet
                          </Button>
                          <Button
                            size="sm"
                            variant="secondary"
                            onClick={() => setOpen({ transfer: t, action: 'return' })}
                          >
                            Mark returned
                          </Button>
                        </div>
                      ) : (
                        <Link href="/admin/audit" class="link">
                          Audit log
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {open && (
        <ActionDialog
          transfer={open.transfer}
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
