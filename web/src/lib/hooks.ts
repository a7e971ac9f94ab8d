import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, newIdempotencyKey } from './api';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (update: T | ((prev: T | undefined) => T | undefined)) => void;
}

/** Loads data when the deps change; stale answers are dropped. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);

  // The caller's deps decide when to reload.
  const run = useCallback(async () => {
    const gen = ++generation.current;
    controller.current?.abort();
    const ctl = new AbortController();
    controller.current = ctl;
    setLoading(true);
    try {
      const result = await load(ctl.signal);
      if (gen !== generation.current) return;
      setDataState(() => result);
      setError(undefined);
    } catch (e) {
      if (gen !== generation.current || (e as Error).name === 'AbortError') return;
      setError(e as Error);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, deps);

  useEffect(() => {
    void run();
    return () => {
      generation.current++;
      controller.current?.abort();
    };
  }, [run]);

  const setData = useCallback((update: T | ((prev: T | undefined) => T | undefined)) => {
    setDataState((prev) =>
      typeof update === 'function' ? (update as (p: T | undefined) => T | undefined)(prev) : update,
    );
  }, []);

  return { data, error, loading, reload: run, setData };
}

/** Calls fn every `ms` while `active`. */
export function useInterval(fn: () => void, ms: number, active = true) {
  const saved = useRef(fn);
  saved.current = fn;
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => saved.current(), ms);
    return () => clearInterval(id);
  }, [ms, active]);
}

/**
 * One idempotency key per user action: the same key while the payload stays
 * the same (so a retry after a network failure cannot pay twice), a new one
 * when the payload changes or after the server gave a definite answer.
 */
export function useIdempotencyKey(payloadSignature: string) {
  const [nonce, setNonce] = useState(0);
  const key = useMemo(() => newIdempotencyKey(), [payloadSignature, nonce]);
  const settle = useCallback((error?: unknown) => {
    // Keep the key for retries of an uncertain outcome; otherwise start afresh.
    if (error instanceof ApiError && !error.isDefinite) return;
    setNonce((n) => n + 1);
  }, []);
  return { key, settle };
}

/** Sets the document title for the current screen. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Vendra` : 'Vendra';
  }, [title]);
}

/** When a multi-step screen moves to another step: back to the top, focus on the heading (announced). */
export function useStepFocus(step: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [step]);
}
