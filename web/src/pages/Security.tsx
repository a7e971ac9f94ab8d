import { useState } from 'preact/hooks';
import { Alert, Button, Card, EmptyState, LoadError, PageHeader, Skeleton } from '../components/ui';
import { api, errorMessage } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { useAsync, useTitle } from '../lib/hooks';
import { navigate } from '../lib/router';
import { useSession } from '../lib/session';
import type { LoginSession } from '../lib/types';
import { useLiveEvent } from '../lib/wallets';
import { PinSettings } from './PinSettings';

/**
 * Security: where the person is logged in (device, address, last seen), with
 * "Log out" per session and "Log out everywhere else". Ending this device's
 * session is an ordinary logout.
 */
export function SecurityPage() {
  useTitle('Security');
  const { logout } = useSession();
  const sessions = useAsync(
    (signal) => api.get<{ data: LoginSession[] }>('/v1/me/sessions', { signal }).then((r) => r.data),
    [],
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A login elsewhere while the page is open shows up without a reload.
  useLiveEvent((name) => {
    if (name === 'identity.new_device_login') void sessions.reload();
  });

  const endSession = async (session: LoginSession) => {
    setBusy(session.id);
    setFailure(null);
    setNotice(null);
    try {
      if (session.current) {
        await logout();
        navigate('/login', { replace: true });
        return;
      }
      await api.delete(`/v1/me/sessions/${session.id}`);
      sessions.setData((list) => list?.filter((s) => s.id !== session.id));
      setNotice(`Logged out ${session.device}.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const endOthers = async () => {
    setBusy('others');
    setFailure(null);
    setNotice(null);
    try {
      const { revoked } = await api.post<{ revoked: number }>('/v1/me/sessions/revoke-others');
      sessions.setData((list) => list?.filter((s) => s.current));
      setNotice(revoked === 1 ? 'Logged out 1 other session.' : `Logged out ${revoked} other sessions.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const others = (sessions.data ?? []).filter((s) => !s.current).length;
  return (
    <div class="page narrow">
      <PageHeader
        title="Security"
        subtitle="Your transaction PIN, and where you are logged in. Log out anything you do not recognise."
      />
      {failure && <Alert kind="error">{failure}</Alert>}
      {notice && (
        <Alert kind="success">
          <span data-testid="security-notice">{notice}</span>
        </Alert>
      )}
      <PinSettings />
      <Card
        title="Your sessions"
        testId="sessions"
        actions={
          others > 0 && (
            <Button
              variant="secondary"
              size="sm"
              loading={busy === 'others'}
              disabled={busy !== null}
              onClick={endOthers}
              data-testid="revoke-others"
            >
              Log out everywhere else
            </Button>
          )
        }
      >
        {sessions.error ? (
          <LoadError error={sessions.error} onRetry={sessions.reload} />
        ) : !sessions.data ? (
          <Skeleton lines={3} />
        ) : sessions.data.length === 0 ? (
          <EmptyState title="No active sessions" />
        ) : (
          <ul class="saved-list" aria-label="Sessions">
            {sessions.data.map((s) => (
              <li key={s.id} class="saved" data-testid="session-row">
                <div class="saved-main">
                  <div class="row">
                    <strong data-testid="session-device">{s.device}</strong>
                    {s.current && (
                      <span class="badge badge-success" data-testid="this-device">
                        This device
                      </span>
                    )}
                  </div>
                  <div class="muted">
                    {s.ip ?? 'Unknown address'} · last seen {formatDateTime(s.lastSeenAt)}
                  </div>
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  loading={busy === s.id}
                  disabled={busy !== null}
                  onClick={() => endSession(s)}
                  data-testid="session-logout"
                  aria-label={`Log out ${s.device}${s.current ? ' (this device)' : ''}`}
                >
                  Log out
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
