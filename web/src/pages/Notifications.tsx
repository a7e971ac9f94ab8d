import { useEffect, useState } from 'preact/hooks';
import { AmountField, checkAmount } from '../components/AmountField';
import { Alert, Button, Card, cx, EmptyState, LoadError, PageHeader, Skeleton } from '../components/ui';
import { api, errorMessage, qs } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { useAsync, useTitle } from '../lib/hooks';
import { refreshUnread, setUnread } from '../lib/notifications';
import type { AppNotification, NotificationPage, NotificationPreference } from '../lib/types';
import { useLiveEvent } from '../lib/wallets';
import { formatMoney, toJsonAmount, toMajorString } from '../money';

const PAGE_SIZE = 20;

const GROUP_LABELS: Record<string, string> = {
  payments: 'Bill payments',
  money_in: 'Money in',
  withdrawals: 'Withdrawals',
  disputes: 'Disputes',
  balance: 'Balance',
  security: 'Security',
};

const CHANNEL_LABELS: Record<string, string> = { email: 'Email', sms: 'SMS', in_app: 'In app' };

/** One notification: its subject; opened, its text (and it is marked read). */
function NotificationItem({
  item,
  open,
  onOpen,
}: {
  item: AppNotification;
  open: boolean;
  onOpen: () => void;
}) {
  return (
    <li>
      <button
        type="button"
        class={cx('saved', 'notif', !item.readAt && 'notif-unread')}
        aria-expanded={open ? 'true' : 'false'}
        onClick={onOpen}
        data-testid="notification"
        data-read={item.readAt ? 'true' : 'false'}
        data-template={item.template}
      >
        <div class="saved-main">
          <span class="saved-name">
            {item.subject}
            {!item.readAt && <span class="sr-only"> (unread)</span>}
          </span>
          <span class="muted">{formatDateTime(item.createdAt)}</span>
        </div>
        {open && (
          <p class="notif-text" data-testid="notification-text">
            {item.text}
          </p>
        )}
      </button>
    </li>
  );
}

/** The list: newest first, "Load more" for older ones, "Mark all read". */
function NotificationList() {
  const first = useAsync(
    (signal) => api.get<NotificationPage>(`/v1/notifications${qs({ limit: PAGE_SIZE })}`, { signal }),
    [],
  );
  const [items, setItems] = useState<AppNotification[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [busy, setBusy] = useState<'more' | 'all' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!first.data) return;
    setItems(first.data.data);
    setCursor(first.data.nextCursor);
    setUnread(first.data.unread);
  }, [first.data]);
  // A new one while the page is open: show it at the top.
  useLiveEvent((name) => {
    if (name === 'notification.created') void first.reload();
  });

  const run = async (kind: 'more' | 'all', action: () => Promise<void>) => {
    setBusy(kind);
    setFailure(null);
    try {
      await action();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const loadMore = () =>
    run('more', async () => {
      const page = await api.get<NotificationPage>(`/v1/notifications${qs({ limit: PAGE_SIZE, cursor })}`);
      setItems((list) => [...list, ...page.data.filter((n) => !list.some((m) => m.id === n.id))]);
      setCursor(page.nextCursor);
      setUnread(page.unread);
    });
  const markAll = () =>
    run('all', async () => {
      const answer = await api.post<{ unread: number }>('/v1/notifications/read-all');
      const now = new Date().toISOString();
      setItems((list) => list.map((n) => (n.readAt ? n : { ...n, readAt: now })));
      setUnread(answer.unread);
    });
  const open = async (item: AppNotification) => {
    setOpened((id) => (id === item.id ? null : item.id));
    if (item.readAt) return;
    try {
      const updated = await api.post<AppNotification>(`/v1/notifications/${item.id}/read`);
      setItems((list) => list.map((n) => (n.id === updated.id ? updated : n)));
      void refreshUnread();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  const anyUnread = items.some((n) => !n.readAt);
  return (
    <Card
      title="Inbox"
      testId="notifications"
      actions={
        anyUnread && (
          <Button
            variant="secondary"
            size="sm"
            loading={busy === 'all'}
            disabled={busy !== null}
            onClick={markAll}
            data-testid="mark-all-read"
          >
            Mark all read
          </Button>
        )
      }
    >
      {failure && <Alert kind="error">{failure}</Alert>}
      {first.error ? (
        <LoadError error={first.error} onRetry={first.reload} />
      ) : !first.data ? (
        <Skeleton lines={3} />
      ) : items.length === 0 ? (
        <EmptyState title="No notifications yet">
          Payments, money in and security alerts show up here.
        </EmptyState>
      ) : (
        <>
          <ul class="saved-list" aria-label="Notifications">
            {items.map((n) => (
              <NotificationItem key={n.id} item={n} open={opened === n.id} onOpen={() => open(n)} />
            ))}
          </ul>
          {cursor && (
            <div class="row row-center">
              <Button
                variant="secondary"
                onClick={loadMore}
                loading={busy === 'more'}
                disabled={busy !== null}
                data-testid="load-more"
              >
                Load more
              </Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}

/** Groups x channels toggles; security ones are always sent, so shown on and disabled. */
function Preferences() {
  const prefs = useAsync(
    (signal) =>
      api
        .get<{ data: NotificationPreference[] }>('/v1/me/notification-preferences', { signal })
        .then((r) => r.data),
    [],
  );
  const [saving, setSaving] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const toggle = async (p: NotificationPreference, enabled: boolean) => {
    const key = `${p.group}:${p.channel}`;
    setSaving(key);
    setFailure(null);
    try {
      const answer = await api.put<{ data: NotificationPreference[] }>('/v1/me/notification-preferences', {
        preferences: [{ group: p.group, channel: p.channel, enabled }],
      });
      prefs.setData(answer.data);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setSaving(null);
    }
  };
  const list = prefs.data ?? [];
  const groups = [...new Set(list.map((p) => p.group))];
  const channels = [...new Set(list.map((p) => p.channel))];
  return (
    <Card title="How we tell you" testId="notification-preferences">
      {failure && <Alert kind="error">{failure}</Alert>}
      {prefs.error ? (
        <LoadError error={prefs.error} onRetry={prefs.reload} />
      ) : !prefs.data ? (
        <Skeleton lines={4} />
      ) : (
        <>
          <table class="prefs">
            <thead>
              <tr>
                <th scope="col">Messages</th>
                {channels.map((c) => (
                  <th key={c} scope="col">
                    {CHANNEL_LABELS[c] ?? c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g}>
                  <th scope="row">{GROUP_LABELS[g] ?? g}</th>
                  {channels.map((c) => {
                    const p = list.find((x) => x.group === g && x.channel === c);
                    if (!p) return <td key={c} />;
                    return (
                      <td key={c}>
                        <input
                          type="checkbox"
                          checked={p.enabled}
                          disabled={p.locked || saving !== null}
                          aria-label={`${GROUP_LABELS[g] ?? g} by ${CHANNEL_LABELS[c] ?? c}`}
                          data-testid={`pref-${g}-${c}`}
                          onChange={(e) => toggle(p, (e.currentTarget as HTMLInputElement).checked)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {list.some((p) => p.locked) && (
            <p class="muted" data-testid="locked-note">
              Security messages (logins, password and contact changes) are always sent, so they cannot be
              turned off.
            </p>
          )}
        </>
      )}
    </Card>
  );
}

interface LowBalance {
  currency: 'NGN';
  threshold: number | null;
}

/** The low-balance alert: one message when the available balance goes below the amount set. */
function LowBalanceAlert() {
  const current = useAsync(
    (signal) =>
      api
        .get<{ lowBalance: LowBalance }>('/v1/me/notification-preferences', { signal })
        .then((r) => r.lowBalance),
    [],
  );
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [state, setState] = useState<'idle' | 'busy' | 'saved'>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const alert = current.data;
  const shown = text ?? (alert?.threshold ? toMajorString(alert.threshold, 2) : '');
  const save = async (threshold: bigint | null) => {
    setState('busy');
    setFailure(null);
    try {
      const answer = await api.put<{ lowBalance: LowBalance }>('/v1/me/notification-preferences', {
        lowBalance: { threshold: threshold === null ? null : toJsonAmount(threshold) },
      });
      current.setData(answer.lowBalance);
      setText(null);
      setState('saved');
    } catch (e) {
      setFailure(errorMessage(e));
      setState('idle');
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const checked = checkAmount(shown, 'NGN');
    if (typeof checked === 'string') {
      setError(checked);
      return;
    }
    setError(undefined);
    void save(checked);
  };
  return (
    <Card title="Low balance alert" testId="low-balance-alert">
      {current.error ? (
        <LoadError error={current.error} onRetry={current.reload} />
      ) : !alert ? (
        <Skeleton lines={2} />
      ) : (
        <form class="form" onSubmit={submit} noValidate>
          <p class="muted" data-testid="low-balance-status">
            {alert.threshold === null
              ? 'Off. Set an amount to be told once when your balance goes below it.'
              : `We tell you once when your balance goes below ${formatMoney(alert.threshold, 'NGN')}, and again after it has gone back above.`}
          </p>
          <AmountField
            label="Tell me when my balance is below"
            name="lowBalanceThreshold"
            currency="NGN"
            value={shown}
            onValue={(v) => {
              setText(v);
              setState('idle');
            }}
            error={error}
          />
          {failure && <Alert kind="error">{failure}</Alert>}
          {state === 'saved' && (
            <Alert kind="success" testId="low-balance-saved">
              Saved.
            </Alert>
          )}
          <div class="row">
            <Button type="submit" loading={state === 'busy'} data-testid="low-balance-save">
              Save
            </Button>
            {alert.threshold !== null && (
              <Button
                variant="secondary"
                disabled={state === 'busy'}
                onClick={() => save(null)}
                data-testid="low-balance-off"
              >
                Turn off
              </Button>
            )}
          </div>
        </form>
      )}
    </Card>
  );
}

export function NotificationsPage() {
  useTitle('Notifications');
  return (
    <div class="page narrow">
      <PageHeader title="Notifications" subtitle="What happened in your account, newest first." />
      <NotificationList />
      <Preferences />
      <LowBalanceAlert />
    </div>
  );
}
