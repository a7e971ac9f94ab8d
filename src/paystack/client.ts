/**
 * Paystack's HTTP API, as one small client: Bearer secret key, JSON bodies,
 * the `{status, message, data, meta}` envelope. Every Paystack call in
 * Vendra (dedicated accounts, transfers, banks) goes through here, against
 * api.paystack.co or, in sandbox mode, the Paystack-compatible simulator in
 * ./sim, so the same code runs in both.
 */
import { request } from 'undici';

export const PAYSTACK_API_URL = 'https://api.paystack.co';
export const PAYSTACK_TIMEOUT_MS = 15_000;
/** A Paystack answer larger than this is refused unread (the bank list is ~100 KB). */
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export interface PaystackEnvelope<T> {
  status: boolean;
  message: string;
  data?: T;
  meta?: Record<string, unknown>;
}

/**
 * Paystack answered and refused (4xx, or `status: false`): a definite answer.
 * `httpStatus` and Paystack's `message` say why (e.g. 404 "Transfer not found").
 */
export class PaystackRefused extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = 'PaystackRefused';
  }
}

/**
 * No definite answer: a timeout, a connection error, a 5xx or a body that is
 * not Paystack's. What was asked may or may not have happened; a caller that
 * moved money treats it as pending and verifies, never as a failure.
 */
export class PaystackUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaystackUnavailable';
  }
}

export interface PaystackClient {
  readonly baseUrl: string;
  call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<PaystackEnvelope<T>>;
}

export interface PaystackClientOptions {
  baseUrl?: string;
  secretKey: string;
  timeoutMs?: number;
}

export function createPaystackClient(options: PaystackClientOptions): PaystackClient {
  const baseUrl = (options.baseUrl ?? PAYSTACK_API_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? PAYSTACK_TIMEOUT_MS;
  return {
    baseUrl,
    async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(`${baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${options.secretKey}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
      } catch (error) {
        throw new PaystackUnavailable(`${method} ${path}: ${(error as Error).message}`);
      }
      const text = await readLimited(res.body, method, path);
      let envelope: PaystackEnvelope<T> | undefined;
      try {
        envelope = JSON.parse(text) as PaystackEnvelope<T>;
      } catch {
        envelope = undefined;
      }
      if (res.statusCode >= 500 || !envelope || typeof envelope.status !== 'boolean')
        throw new PaystackUnavailable(`${method} ${path}: HTTP ${res.statusCode}`);
      if (res.statusCode >= 400 || !envelope.status)
        throw new PaystackRefused(res.statusCode, String(envelope.message ?? 'refused').slice(0, 300));
      return envelope;
    },
  };
}

async function readLimited(body: AsyncIterable<Buffer>, method: string, path: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) throw new Error('response too large');
      chunks.push(chunk);
    }
  } catch (error) {
    throw new PaystackUnavailable(`${method} ${path}: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}
