import nodemailer from 'nodemailer';
import type { Logger } from '../log.js';

/** Where customer messages go: SMTP when SMTP_URL is set (e.g. smtp://user:pass@host:587), else the log. */
export interface Notifier {
  /** `template` names the kind of message (e.g. `token_resend`): it is what a log may show of it. */
  send(message: { to: string; template: string; subject: string; text: string }): Promise<void>;
}

const SEND_TIMEOUT_MS = 10_000;

export function createNotifier(
  log: Logger,
  smtpUrl: string | undefined,
  from = 'Vendra <no-reply@vendra.local>',
): Notifier {
  if (!smtpUrl) {
    return {
      async send(message) {
        // Recipient and template only: a body can carry a token, which is a bearer value.
        log.info(
          { notification: { to: message.to, template: message.template } },
          'notification not sent: SMTP_URL is unset',
        );
      },
    };
  }
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
