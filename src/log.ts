import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** The process logger. `destination` is for tests that inspect what gets logged. */
export function createLogger(level: string, pretty = false, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'req.headers["x-transaction-pin"]',
        '*.pin',
        '*.currentPin',
        'req.headers["x-paystack-signature"]',
        'req.params.secret', // the VTpass webhook's path secret
        '*.password',
        '*.refreshToken',
        // Identity numbers (KYC): never in a log, wherever they appear.
        'bvn',
        'nin',
        'idNumber',
        '*.bvn',
        '*.nin',
        '*.idNumber',
        '*.*.bvn',
        '*.*.nin',
        '*.*.idNumber',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // The path is logged, the query only by its parameter names: values can be tokens (the event
      // stream's), cursors, search terms (emails, phone numbers).
      req: (req: {
        method?: string;
        url?: string;
        host?: string;
        remoteAddress?: string;
        headers?: unknown;
      }) => {
        // pino's serializer also copies the parsed query (Fastify's request.query): drop it, the
        // redacted url already names the parameters.
        const { query: _query, ...serialized } = pino.stdSerializers.req(req as never) as unknown as Record<
          string,
          unknown
        >;
        return { ...serialized, url: typeof req.url === 'string' ? redactUrl(req.url) : req.url };
      },
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

const MAX_LOGGED_PARAMS = 20;
const MAX_LOGGED_NAME_CHARS = 64;

/** `/v1/x?cursor=abc&q=a@b.c` -> `/v1/x?cursor=[redacted]&q=[redacted]` (names kept, bounded). */
export function redactUrl(rawUrl: string): string {
  // The VTpass webhook's path secret is its credential.
  const url = rawUrl.replace(/^(\/v1\/webhooks\/vtpass\/)[^/?#]+/i, '$1[redacted]');
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = url
    .slice(at + 1)
    .split('&')
    .filter((p) => p !== '');
  const names = params.slice(0, MAX_LOGGED_PARAMS).map((p) => {
    const eq = p.indexOf('=');
    const name = (eq < 0 ? p : p.slice(0, eq)).slice(0, MAX_LOGGED_NAME_CHARS);
    return eq < 0 ? name : `${name}=[redacted]`;
  });
  if (params.length > MAX_LOGGED_PARAMS) names.push('…');
  return `${url.slice(0, at)}?${names.join('&')}`;
}
