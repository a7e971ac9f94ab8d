import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatMoney } from '../money';
import { api, errorMessage } from './api';
import { type EventName, type LiveState, live } from './events';
import type { Wallet } from './types';

/**
 * The signed-in customer's wallets, kept current by live events: balances
 * change in place when `wallet.balance_updated` arrives. Right after sign-up the
 * default wallet is created asynchronously, so we poll briefly until it shows.
 */

export interface Toast {
  id: number;
  kind: 'success' | 'info' | 'error';
  text: string;
}

interface WalletsValue {
  wallets: Wallet[] | undefined;
  error: string | undefined;
  /** True while waiting for the default wallet that sign-up creates. */
  provisioning: boolean;
  reload(): Promise<void>;
  /** The wallet ids whose balance changed in the last moments (for a highlight). */
  changed: ReadonlySet<string>;
  liveState: LiveState;
  toasts: Toast[];
  toast(kind: Toast['kind'], text: string): void;
  dismiss(id: number): void;
}

/** An amount from an event: a JSON integer, or a decimal string of minor units (as bigints are sent). */
function minorOf(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  return undefined;
}

const WalletsContext = createContext<WalletsValue | null>(null);

export function WalletsProvider({ children }: { children: ComponentChildren }) {
  const [wallets, setWallets] = useState<Wallet[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [provisioning, setProvisioning] = useState(false);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [liveState, setLiveState] = useState<LiveState>(live.state);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const toastId = useRef(0);

  const toast = useCallback((kind: Toast['kind'], text: string) => {
    const id = ++toastId.current;
    setToasts((list) => [...list.slice(-3), { id, kind, text }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 6000);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  const flash = useCallback((walletId: string) => {
    setChanged((s) => new Set([...s, walletId]));
    setTimeout(
      () =>
        setChanged((s) => {
          const next = new Set(s);
          next.delete(walletId);
          return next;
        }),
      2500,
    );
  }, []);

  const reload = useCallback(async () => {
    try {
      const { data } = await api.get<{ data: Wallet[] }>('/v1/wallets');
      setWallets(data);
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  // First load, then poll (up to ~15 s) while the default wallet is being created.
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = Date.now();
    const tick = async () => {
      try {
        const { data } = await api.get<{ data: Wallet[] }>('/v1/wallets');
        if (cancelled) return;
        setWallets(data);
        setError(undefined);
        if (data.length === 0 && Date.now() - started < 15_000) {
          setProvisioning(true);
          timer = setTimeout(tick, 500);
        } else setProvisioning(false);
      } catch (e) {
        if (cancelled) return;
        setError(errorMessage(e));
        setProvisioning(false);
      }
    };
    void tick();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    const offState = live.onState(setLiveState);
    const off = live.subscribe((name: EventName, data) => {
      if (name === 'wallet.balance_updated') {
        if (data.resync) {
          void reload();
          return;
        }
        const walletId = String(data.walletId ?? '');
        setWallets((list) => {
          if (!list?.some((w) => w.id === walletId)) {
            void reload();
            return list;
          }
          return list.map((w) =>
            w.id === walletId
              ? {
                  ...w,
                  balance: Number(data.balance ?? w.balance),
                  available: Number(data.available ?? w.available),
                  held: Number(data.held ?? w.held),
                }
              : w,
          );
        });
        flash(walletId);
      } else if (name === 'transfer.received') {
        const amount = minorOf(data.amount);
        const currency = typeof data.currency === 'string' ? data.currency : undefined;
        const from =
          (data.sender as { name?: string } | undefined)?.name ??
          (typeof data.senderName === 'string' ? data.senderName : undefined) ??
          (data.from as { name?: string } | undefined)?.name;
        toast(
          'success',
          amount !== undefined && currency
            ? `You received ${formatMoney(amount, currency)}${from ? ` from ${from}` : ''}`
            : 'You received money',
        );
        void reload();
      } else if (name === 'identity.new_device_login') {
        // Told on every open device: a login they did not make is theirs to end on the Security page.
        const device = typeof data.device === 'string' ? data.device : 'a new device';
        const ip = typeof data.ip === 'string' ? ` (${data.ip})` : '';
        toast('info', `New login on ${device}${ip}. Not you? End it under Security.`);
      } else if (name === 'deposit.succeeded') {
        const amount = minorOf(data.amount);
        const currency = typeof data.currency === 'string' ? data.currency : undefined;
        toast(
          'success',
          amount !== undefined && currency
            ? `Deposit of ${formatMoney(amount, currency)} received`
            : 'Your deposit was received',
        );
        void reload();
      }
    });
    live.start();
    const onHide = () => live.stop();
    const onShow = () => live.start();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);
    return () => {
      off();
      offState();
      live.stop();
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
    };
  }, [reload, flash, toast]);

  const value = useMemo(
    () => ({ wallets, error, provisioning, reload, changed, liveState, toasts, toast, dismiss }),
    [wallets, error, provisioning, reload, changed, liveState, toasts, toast, dismiss],
  );
  return <WalletsContext.Provider value={value}>{children}</WalletsContext.Provider>;
}

export function useWallets(): WalletsValue {
  const value = useContext(WalletsContext);
  if (!value) throw new Error('useWallets outside WalletsProvider');
  return value;
}

/** Subscribes to live events for the lifetime of the component. */
export function useLiveEvent(handler: (name: EventName, data: Record<string, unknown>) => void) {
  const saved = useRef(handler);
  saved.current = handler;
  useEffect(() => live.subscribe((name, data) => saved.current(name, data)), []);
}
