import type { Logger } from '../log.js';

/** Where customer messages go. A logging adapter by default; SMTP when SMTP_URL is configured. */
export interface Notifier {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export function createNotifier(log: Logger, smtpUrl: string | undefined): Notifier {
  if (smtpUrl) {
    log.warn('SMTP_URL is set but this build sends through the logging adapter only');
  }
  return {
    async send(message) {
      log.info({ notification: { to: message.to, subject: message.subject } }, message.text);
    },
  };
}
