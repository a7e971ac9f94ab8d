import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';

/** A year, the HSTS preload lists' minimum. */
const HSTS_MAX_AGE_S = 365 * 24 * 3600;

/**
 * Security headers on every response, problem documents and 404s included:
 * nosniff, no referrer, no framing (CSP frame-ancestors and X-Frame-Options),
 * and HSTS when the public URL is https (sent over plain http it would pin a
 * development host to https). API answers are JSON, so their CSP allows
 * nothing; the web app, the docs and the sandbox checkout page set their own
 * CSP, which takes precedence over this one.
 */
export async function registerSecurityHeaders(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const https = ctx.config.publicBaseUrl?.startsWith('https:') ?? false;
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: HSTS_MAX_AGE_S, includeSubDomains: true } : false,
  });
}

/** swagger-ui's own CSP (scripts by hash, no inline) with framing forbidden like everything else. */
export function docsCsp(header: string): string {
  return header.replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'");
}
