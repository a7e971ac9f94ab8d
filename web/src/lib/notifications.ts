import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { live } from './events';

/**
 * The unread count the bell shows, shared by the bell and the Notifications page: the page
 * sets it from each answer it gets (marking read changes it), the bell refetches it when it
 * mounts and after a reconnect (events may have been missed), and each live
 * `notification.created` adds one without asking the server.
 */
let unread: number | null = null;
const listeners = new Set<(count: number | null) => void>();

export function setUnread(count: number | null) {
  unread = count;
  for (const l of listeners) l(count);
}

export async function refreshUnread(): Promise<void> {
  try {
    const answer = await api.get<{ unread: number }>('/v1/notifications/unread-count');
    setUnread(answer.unread);
  } catch {
    // The bell is a hint: a failed count leaves the last one shown.
  }
}

/** The current unread count (null until known), kept live. */
export function useUnreadCount(): number | null {
  const [count, setCount] = useState(unread);
  useEffect(() => {
    listeners.add(setCount);
    void refreshUnread();
    const off = live.subscribe((name, data) => {
      if (name === 'notification.created') setUnread((unread ?? 0) + 1);
      else if (data.resync === true) void refreshUnread();
    });
    return () => {
      listeners.delete(setCount);
      off();
    };
  }, []);
  return count;
}
