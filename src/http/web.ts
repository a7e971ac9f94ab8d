import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RoutePlugin } from './app.js';
import { problem } from './errors.js';

/**
 * The web app (Vite build in web/dist) served at `/`, with a single-page
 * fallback: any GET that is not a file and not an API/docs/ops path answers
 * index.html, so deep links such as /bills/payments/123 work on reload.
 *
 * Security headers on every response of this scope: a CSP that forbids inline
 * scripts and styles (the build emits external JS and CSS only), nosniff and a
 * same-origin referrer policy.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Paths that belong to the server, never to the SPA: unknown ones stay problem+json 404s. */
const SERVER_PATHS = [
  /^\/v1(\/|$)/,
  /^\/docs/,
  /^\/health/,
  /^\/metrics$/,
  /^\/openapi\.json$/,
  /^\/sandbox\//,
  /^\/_sim\//,
];

export function isServerPath(pathname: string): boolean {
  return SERVER_PATHS.some((re) => re.test(pathname));
}

/** web/dist next to src/ (tsx) or dist/ (built): both are two levels below the repository root. */
function defaultDistDir(): string {
  return resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));
}

function listFiles(root: string): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.add(`/${relative(root, full).split(sep).join('/')}`);
    }
  };
  walk(root);
  return out;
}

function securityHeaders(reply: FastifyReply) {
  reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
}

export const webRoutes: RoutePlugin = async (app, ctx) => {
  const root = ctx.config.webDistDir ?? defaultDistDir();
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile) || !statSync(indexFile).isFile()) {
    ctx.log.warn(
      { webDist: root },
      'web app not built: nothing is served at / (run `npm run build:web` to build web/dist)',
    );
    return;
  }
  const files = listFiles(root);

  // serve: false: we route ourselves (exact file matches only, then the SPA fallback).
  await app.register(fastifyStatic, { root, serve: false });

  app.addHook('onSend', async (_request, reply, payload) => {
    securityHeaders(reply);
    return payload;
  });

  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });

  const handler = async (request: FastifyRequest<{ Params: { '*'?: string } }>, reply: FastifyReply) => {
    const pathname = decodePath(request.url.split('?')[0] ?? '/');
    if (pathname === null) return notFound(request, reply);
    if (files.has(pathname) && pathname !== '/index.html') {
      const immutable = pathname.startsWith('/assets/');
      reply.header(
        'cache-control',
        immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      );
      return reply.sendFile(pathname.slice(1), { cacheControl: false });
    }
    if (isServerPath(pathname)) return notFound(request, reply);
    // A missing asset (has a file extension) is a 404, not the app shell.
    if (/\.[A-Za-z0-9]{1,8}$/.test(pathname) || pathname.startsWith('/assets/')) {
      return notFound(request, reply);
    }
    return sendIndex(reply);
  };

  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, handler);
  ctx.log.info({ webDist: root, files: files.size }, 'web app served at /');
};

function decodePath(raw: string): string | null {
  try {
    const decoded = decodeURIComponent(raw);
    if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return null;
    return decoded;
  } catch {
    return null;
  }
}

function notFound(request: FastifyRequest, reply: FastifyReply) {
  const body = problem(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  return reply
    .status(404)
    .type('application/problem+json')
    .send({ ...body, requestId: request.id });
}
