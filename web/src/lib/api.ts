import type { AuthResponse } from './types';

/**
 * The API client. The access token lives in this module's memory only (never
 * in storage); the refresh token is an httpOnly cookie the server sets on
 * /v1/auth/*, so a reload restores the session with POST /v1/auth/refresh.
 */

export interface ProblemField {
  path: string;
  message: string;
}

/** A refusal from the API (an RFC 9457 problem document) or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly title = '',
    readonly errors: ProblemField[] = [],
    readonly retryAfterSeconds: number | null = null,
    /** The whole problem document, for codes that carry fields of their own (limit_exceeded's `remaining`). */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /** A definite answer from the server (not a network failure, server fault or in-flight conflict). */
  get isDefinite(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 409 && this.status !== 429;
  }
}

let accessToken: string | null = null;
let sessionListener: ((auth: AuthResponse | null) => void) | null = null;

export function setAccessToken(token: string | null) {
  accessToken = token;
}

export function hasAccessToken(): boolean {
  return accessToken !== null;
}

/** Told when a refresh replaced the session, or when the session is gone (null). */
export function onSessionChange(listener: (auth: AuthResponse | null) => void) {
  sessionListener = listener;
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; build a v4 UUID from getRandomValues otherwise.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const STATUS_MESSAGES: Record<number, string> = {
  401: 'Your session has ended. Please log in again.',
  403: 'You are not allowed to do this.',
  404: 'We could not find that.',
  429: 'Too many attempts. Please wait a moment and try again.',
  502: 'A provider did not answer. Please try again shortly.',
  503: 'Vendra is temporarily unavailable. Please try again shortly.',
};

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterRaw = response.headers.get('retry-after');
  const retryAfter = retryAfterRaw && /^\d+$/.test(retryAfterRaw) ? Number(retryAfterRaw) : null;
  let body: Record<string, unknown> | null = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      body = (await response.json()) as Record<string, unknown>;
    } catch {
      body = null;
    }
  }
  const code = typeof body?.code === 'string' ? body.code : `http_${response.status}`;
  const detail =
    typeof body?.detail === 'string' && body.detail !== ''
      ? body.detail
      : (STATUS_MESSAGES[response.status] ??
        (response.status >= 500
          ? 'Something went wrong on our side. Please try again.'
          : 'The request was refused.'));
  const errors = Array.isArray(body?.errors) ? (body.errors as ProblemField[]) : [];
  const title = typeof body?.title === 'string' ? body.title : response.statusText;
  return new ApiError(response.status, code, detail, title, errors, retryAfter, body ?? {});
}

function networkError(): ApiError {
  return new ApiError(
    0,
    'network_error',
    "We couldn't reach Vendra. Check your connection and try again.",
    'Network error',
  );
}

let refreshing: Promise<AuthResponse | null> | null = null;

/** A refresh that has not answered by then is a network failure (and frees the lock below). */
const REFRESH_TIMEOUT_MS = 15_000;

/**
 * Runs a refresh while holding a lock shared by every tab of this origin.
 * Tabs share the refresh cookie and each refresh token works once: two tabs
 * sending the same token at the same moment (a browser restoring its tabs)
 * would look like a stolen token, and the server would end the session. In
 * turn, each tab sends the token the previous refresh set. Without Web Locks
 * (an old browser, a page not served over HTTPS) refreshes are not serialised.
 */
function oneTabAtATime<T>(refresh: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('vendra-session-refresh', refresh) as Promise<T>) : refresh();
}

/** Exchanges the refresh cookie for a new access token; null when there is no session. Single flight. */
export function refreshSession(): Promise<AuthResponse | null> {
  refreshing ??= (async () => {
    try {
      const response = await oneTabAtATime(() =>
        fetch('/v1/auth/refresh', {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: '{}',
          signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
        }),
      );
      if (!response.ok) {
        if (response.status === 401 || response.status === 400 || response.status === 403) {
          accessToken = null;
          return null;
        }
        throw await toApiError(response);
      }
      const auth = (await response.json()) as AuthResponse;
      accessToken = auth.accessToken;
      sessionListener?.(auth);
      return auth;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw networkError();
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export interface RequestOptions {
  body?: unknown;
  /** A multipart/form-data body (file uploads); the browser sets its content type and boundary. */
  form?: FormData;
  idempotencyKey?: string;
  /** The transaction PIN, for the requests that move money (sent as X-Transaction-Pin). */
  pin?: string;
  /** Extra request headers (a confirmation step's, say). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Auth endpoints send the refresh cookie. */
  credentials?: RequestCredentials;
  /** Return the raw response (downloads). */
  raw?: boolean;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    ...options.headers,
    accept: 'application/json, application/problem+json',
  };
  if (options.body !== undefined && !options.form) headers['content-type'] = 'application/json';
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.pin) headers['x-transaction-pin'] = options.pin;
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: options.credentials ?? 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  const isAuthCall = path.startsWith('/v1/auth/');
  if (response.status === 401 && !isAuthCall && accessToken !== null) {
    // The access token expired: refresh once and retry the same request (same idempotency key).
    const auth = await refreshSession().catch(() => null);
    if (auth) {
      response = await send(method, path, options);
    } else {
      accessToken = null;
      sessionListener?.(null);
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (options.raw) return response as unknown as T;
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body: unknown = {}, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown = {}, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown = {}, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
  upload: <T>(path: string, form: FormData, options?: Omit<RequestOptions, 'body' | 'form'>) =>
    request<T>('POST', path, { ...options, form }),
};

/** A query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Downloads a file the API serves behind auth: fetch with the token, then a Blob link. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await request<Response>('GET', path, { raw: true });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A list answer, `{data, nextCursor}`; a missing cursor reads as the last page. */
export function normalizePage<T>(page: { data?: T[]; nextCursor?: string | null }): {
  data: T[];
  nextCursor: string | null;
} {
  return { data: page.data ?? [], nextCursor: page.nextCursor ?? null };
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}
