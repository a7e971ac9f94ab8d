/**
 * Delivery adapters: where an email or an SMS goes. Each send either resolves (the channel took the
 * message) or throws (the deliver consumer retries it with backoff, then dead-letters it). No
 * adapter logs a body: bodies carry tokens and one-time codes, which are bearer values.
 */
import { request } from 'undici';
import { createNotifier } from '../bills/index.js';
import type { Config } from '../config.js';
import { coalesce, type Queryable } from '../db/index.js';
import type { Logger } from '../log.js';

export interface OutgoingMessage {
  messageId: string;
  channel: 'email' | 'sms';
  to: string;
  template: string;
  subject: string;
  text: string;
}

export interface Adapter {
  send(message: OutgoingMessage): Promise<void>;
}

export interface Adapters {
  email: Adapter;
  sms: Adapter;
}

/**
 * Stores the message for /sandbox/inbox: once per message id, however often it is retried.
 * Messages sent at once share one INSERT.
 */
export function sandboxAdapter(db: Queryable): Adapter {
  const store = coalesce(
    async (ms: OutgoingMessage[]) => {
      await db.query(
        `INSERT INTO notifications.sandbox_inbox (message_id, recipient, channel, subject, body)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
         ON CONFLICT (message_id) DO NOTHING`,
        [
          ms.map((m) => m.messageId),
          ms.map((m) => m.to),
          ms.map((m) => m.channel),
          ms.map((m) => m.subject),
          ms.map((m) => m.text),
        ],
      );
      return ms.map(() => undefined);
    },
    { maxItems: 500, maxInFlight: 2 },
  );
  return { send: store };
}

/** Logs that a message would go out: recipient, channel and template, never the body. */
export function logAdapter(log: Logger): Adapter {
  return {
    async send(m) {
      log.info(
        { notification: { id: m.messageId, to: m.to, channel: m.channel, template: m.template } },
        'notification not sent: log mode',
      );
    },
  };
}

/** Email over SMTP (nodemailer, with its connection and socket timeouts). */
export function smtpAdapter(log: Logger, smtpUrl: string, from: string | undefined): Adapter {
  const notifier = createNotifier(log, smtpUrl, from);
  return {
    send: (m) => notifier.send({ to: m.to, template: m.template, subject: m.subject, text: m.text }),
  };
}

export const TERMII_TIMEOUT_MS = 10_000;

export interface TermiiOptions {
  baseUrl: string;
  apiKey: string;
  senderId: string;
  timeoutMs?: number;
}

/**
 * Termii's documented send API: POST /api/sms/send with the api key in the body. An error names
 * the status only (the response may echo the request, key included); a timeout is retried like any
 * failure, so an SMS whose answer was lost may arrive twice, never not at all.
 */
export function termiiAdapter(options: TermiiOptions): Adapter {
  const timeoutMs = options.timeoutMs ?? TERMII_TIMEOUT_MS;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/api/sms/send`;
  return {
    async send(m) {
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          to: m.to.replace(/^\+/, ''),
          from: options.senderId,
          sms: m.text,
          type: 'plain',
          channel: 'generic',
          api_key: options.apiKey,
        }),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      // Read to the end so the connection is reused; not kept, not logged.
      await res.body.text();
      if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`termii: HTTP ${res.statusCode}`);
    },
  };
}

/** The adapters NOTIFY_MODE and SMS_MODE choose. */
export function adaptersFor(config: Config, log: Logger, db: Queryable): Adapters {
  const email =
    config.notifyMode === 'smtp' && config.smtpUrl
      ? smtpAdapter(log, config.smtpUrl, config.smtpFrom)
      : config.notifyMode === 'sandbox'
        ? sandboxAdapter(db)
        : logAdapter(log);
  const sms =
    config.smsMode === 'termii' && config.termiiApiKey
      ? termiiAdapter({
          baseUrl: config.termiiBaseUrl,
          apiKey: config.termiiApiKey,
          senderId: config.termiiSenderId,
        })
      : config.smsMode === 'sandbox'
        ? sandboxAdapter(db)
        : logAdapter(log);
  return { email, sms };
}
