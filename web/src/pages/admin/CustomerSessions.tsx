import { useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  Dialog,
  LoadError,
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage, qs } from '../../lib/api';
import { formatDateTime, humanize } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import type { StaffSession } from '../../lib/types';

const ENDED: Record<string, string> = {
  logout: 'Logged out',
  remote: 'Ended from another device',
  password: 'Password changed',
  frozen: 'Account frozen',
  reuse: 'Refresh token replayed',
  admin: 'Ended by staff',
};

/** Ends one session after confirming, with an optional reason for the audit log. */
function EndSession({
  userId,
  session,
  onEnded,
}: {
  userId: string;
  session: StaffSession;
  onEnded: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const r = reason.trim();
      await api.delete(
        `/v1/admin/users/${encodeURIComponent(userId)}/sessions/${encodeURIComponent(session.id)}${qs({ reason: r.length >= 3 ? r : undefined })}`,
      );
      setOpen(false);
      onEnded();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setOpen(true)} data-testid="session-end">
        End
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`End ${session.device}?`}
        testId="session-end-dialog"
      >
        <form class="form" onSubmit={submit} noValidate>
          <p>It is logged out at once, everywhere. The person can log in again.</p>
          <TextField
            label="Reason (optional)"
            name="reason"
            id={`session-reason-${session.id}`}
            value={reason}
            onValue={setReason}
          />
          {failure && <Alert>{failure}</Alert>}
          <div class="row row-end">
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={busy} data-testid="session-end-confirm">
              End session
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/** The person's login sessions, active and ended; operators and admins may end an active one. */
export function CustomerSessions({
  userId,
  readOnly,
  onChanged,
}: {
  userId: string;
  readOnly: boolean;
  onChanged: (message: string) => void;
}) {
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<{ data: StaffSession[] }>(`/v1/admin/users/${encodeURIComponent(userId)}/sessions`, { signal }),
    [userId],
  );
  return (
    <Card title="Sessions" class="span-2" testId="customer-sessions">
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={3} />
      ) : !data?.data.length ? (
        <p class="muted">Never logged in.</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Address</th>
                <th scope="col">Started</th>
                <th scope="col">Last seen</th>
                <th scope="col">State</th>
                {!readOnly && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {data.data.map((s) => (
                <tr key={s.id} data-testid="session-row">
                  <td title={s.userAgent ?? undefined}>{s.device}</td>
                  <td class="mono">{s.ip ?? '—'}</td>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>{formatDateTime(s.lastSeenAt)}</td>
                  <td>
                    {s.active ? (
                      <StatusBadge status="active" />
                    ) : s.revokedAt ? (
                      <span>
                        {ENDED[s.revokedReason ?? ''] ?? humanize(s.revokedReason ?? 'ended')}
                        <div class="muted">{formatDateTime(s.revokedAt)}</div>
                      </span>
                    ) : (
                      <span class="muted">Expired</span>
                    )}
                  </td>
                  {!readOnly && (
                    <td>
                      {s.active && (
                        <EndSession
                          userId={userId}
                          session={s}
                          onEnded={() => {
                            void reload();
                            onChanged(`${s.device} session ended.`);
                          }}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
