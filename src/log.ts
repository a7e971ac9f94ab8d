import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Query-string tokens (the event stream's) and the VTpass webhook's path secret. */
function redactUrl(url: string): string {
  return url
    .replace(/([?&]token=)[^&]*/gi, '$1[redacted]')
    .replace(/^(\/v1\/webhooks\/vtpass\/)[^/?#]+/i, '$1[redacted]');
}

/** The process logger. `destination` is for tests that inspect what gets logged. */
export function createLogger(level: string, pretty = false, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'req.headers["x-paystack-signature"]',
        'req.params.secret', // the VTpass webhook's path secret
        '*.password',
        '*.refreshToken',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // Secrets in URLs never reach the logs, whatever the path.
      req: (req: {
        method?: string;
        url?: string;
        host?: string;
        remoteAddress?: string;
        headers?: unknown;
      }) => ({
        ...pino.stdSerializers.req(req as never),
        url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
      }),
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
