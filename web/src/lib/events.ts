import { request } from './api';

/**
 * Live events over Server-Sent Events. EventSource cannot send headers, so we
 * first get a short-lived stream token with the access token, then open
 * /v1/events/stream?token=…; on error we close it and reconnect with a fresh
 * token after a backoff (a stale token would make the browser retry forever).
 */

export const EVENT_NAMES = [
  'wallet.balance_updated',
  'transfer.received',
  'deposit.succeeded',
  'withdrawal.updated',
  'bill_payment.updated',
  'dispute.updated',
  'identity.new_device_login',
  'notification.created',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];
export type LiveHandler = (name: EventName, data: Record<string, unknown>) => void;
export type LiveState = 'idle' | 'connecting' | 'open' | 'reconnecting';

/** POST /v1/events/stream-token -> {token, expiresIn}; a bare text token is accepted too. */
async function streamToken(): Promise<string> {
  const response = await request<Response>('POST', '/v1/events/stream-token', { body: {}, raw: true });
  const text = (await response.text()).trim();
  let token: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') || text.startsWith('{')) {
    token = (JSON.parse(text) as { token?: unknown }).token;
  }
  if (typeof token !== 'string' || token === '') throw new Error('no stream token in the answer');
  return token;
}

export class LiveEvents {
  private source: EventSource | null = null;
  private handlers = new Set<LiveHandler>();
  private stateHandlers = new Set<(state: LiveState) => void>();
  private stopped = true;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  state: LiveState = 'idle';

  subscribe(handler: LiveHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  onState(handler: (state: LiveState) => void): () => void {
    this.stateHandlers.add(handler);
    return () => this.stateHandlers.delete(handler);
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.source?.close();
    this.source = null;
    this.setState('idle');
  }

  private setState(state: LiveState) {
    this.state = state;
    for (const h of this.stateHandlers) h(state);
  }

  private async connect() {
    if (this.stopped) return;
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let token: string;
    try {
      token = await streamToken();
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) return;
    const source = new EventSource(`/v1/events/stream?token=${encodeURIComponent(token)}`);
    this.source = source;
    source.onopen = () => {
      const reconnected = this.attempt > 0;
      this.attempt = 0;
      this.setState('open');
      // Events may have been missed while we were away: tell listeners to refetch.
      if (reconnected) this.emit('wallet.balance_updated', { resync: true });
    };
    source.onerror = () => {
      source.close();
      if (this.source === source) this.source = null;
      this.scheduleReconnect();
    };
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (event) => {
        let data: Record<string, unknown> = {};
        try {
          data = JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>;
        } catch {
          return;
        }
        this.emit(name, data);
      });
    }
  }

  private emit(name: EventName, data: Record<string, unknown>) {
    for (const h of this.handlers) {
      try {
        h(name, data);
      } catch (error) {
        console.warn('live event handler failed', error);
      }
    }
  }

  private scheduleReconnect() {
    if (this.stopped) return;
    this.setState('reconnecting');
    const delay = Math.min(30_000, 1000 * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
  }
}

export const live = new LiveEvents();
