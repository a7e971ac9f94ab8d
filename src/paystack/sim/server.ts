/**
 * A Paystack-compatible simulator: a real HTTP server speaking the parts of
 * Paystack's API that Vendra uses, so the real client and adapters are
 * exercised over real sockets in sandbox mode and in tests. Its state lives
 * in PostgreSQL (schema paystack_sim), so an API process and a worker
 * process each running one see the same accounts and transfers. Webhooks
 * are signed like Paystack's (HMAC-SHA512 of the raw body with the secret
 * key) and handed to `deliver`, after the answer, as Paystack sends them.
 *
 * Each resource registers its routes from its own file (see SIM_ROUTES).
 */
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Db } from '../../db/index.js';

/** Hands a signed webhook to Vendra: an HTTP POST to its webhook URL, or a direct call in one process. */
export type WebhookSink = (rawBody: string, signature: string) => Promise<void>;

export interface PaystackSimOptions {
  db: Db;
  /** The secret key callers must present, and the webhook signing key. */
  secretKey: string;
  deliver: WebhookSink;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Delay before a webhook is sent, as Paystack's arrive after the answer. Default 50 ms. */
  webhookDelayMs?: number;
  /** Tests may plug a failing sink; errors are counted, not thrown. */
  onWebhookError?: (error: unknown) => void;
}

/** What a route file gets: the database and a way to send a webhook. */
export interface SimContext {
  db: Db;
  /** Sends `{event, data}` signed, after `delayMs` (default the sim's webhookDelayMs). */
  emit(event: string, data: Record<string, unknown>, delayMs?: number): void;
}

export type SimRoutes = (app: FastifyInstance, sim: SimContext) => void;

export interface PaystackSim {
  url: string;
  port: number;
  /** Resolves when every webhook scheduled so far has been handed over (tests). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Paystack's envelope for a success. */
export const ok = <T>(message: string, data: T, meta?: Record<string, unknown>) => ({
  status: true,
  message,
  data,
  ...(meta ? { meta } : {}),
});

/** Paystack's envelope for a refusal, with its HTTP status. */
export function refuse(reply: FastifyReply, httpStatus: number, message: string) {
  return reply.code(httpStatus).send({ status: false, message });
}

export function signPaystack(secretKey: string, rawBody: string): string {
  return createHmac('sha512', secretKey).update(rawBody).digest('hex');
}

const MAX_PENDING_WEBHOOKS = 10_000;

export async function startPaystackSim(
  options: PaystackSimOptions,
  routes: readonly SimRoutes[],
): Promise<PaystackSim> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  const pending = new Set<Promise<void>>();
  const delayMs = options.webhookDelayMs ?? 50;
  const sim: SimContext = {
    db: options.db,
    emit(event, data, after = delayMs) {
      if (pending.size >= MAX_PENDING_WEBHOOKS) return; // bounded: a lost webhook is what verify is for
      const raw = JSON.stringify({ event, data });
      const sent = new Promise<void>((resolve) => setTimeout(resolve, after))
        .then(() => options.deliver(raw, signPaystack(options.secretKey, raw)))
        .catch((error) => options.onWebhookError?.(error))
        .finally(() => pending.delete(sent));
      pending.add(sent);
    },
  };
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers.authorization !== `Bearer ${options.secretKey}`)
      return refuse(reply, 401, 'Invalid key');
  });
  for (const register of routes) register(app, sim);
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const port = (app.server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    async settle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async close() {
      await app.close();
    },
  };
}
