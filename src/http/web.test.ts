import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { CSP, isServerPath, webRoutes } from './web.js';

function fakeCtx(env: Record<string, string>) {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
  return { ctx: { config: loadConfig({ NODE_ENV: 'test', ...env }), log } as unknown as AppContext, log };
}

async function appWith(env: Record<string, string>) {
  const { ctx, log } = fakeCtx(env);
  const app = Fastify();
  app.get('/v1/wallets', async () => ({ data: [] }));
  await app.register(async (scope) => webRoutes(scope, ctx));
  await app.ready();
  return { app, log };
}

describe('webRoutes', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vendra-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Vendra</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    ({ app } = await appWith({ WEB_DIST_DIR: dir }));
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with the security headers', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<title>Vendra</title>');
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for app routes (deep links survive a reload)', async () => {
    for (const path of ['/bills/payments/0190-abc', '/admin/review', '/history?type=deposit', '/login']) {
      const res = await app.inject(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain('<title>Vendra</title>');
    }
  });

  it('serves hashed assets as immutable and other files briefly cached', async () => {
    const asset = await app.inject('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    const icon = await app.inject('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=300');
  });

  it('answers problem+json 404 for missing files and unknown server paths, never the app shell', async () => {
    for (const path of [
      '/assets/missing.js',
      '/robots.txt',
      '/v1/nope',
      '/docs/nope',
      '/health/nope',
      '/sandbox/nope',
      '/_sim/nope',
      '/assets/../index.html',
      '/%2e%2e/package.json',
    ]) {
      const res = await app.inject(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['content-type'], path).toContain('application/problem+json');
      expect(res.json().code, path).toBe('not_found');
    }
  });

  it('leaves the API routes alone', async () => {
    const res = await app.inject('/v1/wallets');
    expect(res.json()).toEqual({ data: [] });
  });

  it('logs a hint and serves nothing when web/dist is missing', async () => {
    const { app: bare, log } = await appWith({ WEB_DIST_DIR: join(dir, 'does-not-exist') });
    expect(log.warn).toHaveBeenCalledWith(expect.anything(), expect.stringContaining('npm run build:web'));
    expect((await bare.inject('/')).statusCode).toBe(404);
    expect((await bare.inject('/v1/wallets')).statusCode).toBe(200);
    await bare.close();
  });
});

describe('isServerPath', () => {
  it('knows the server paths', () => {
    for (const p of [
      '/v1',
      '/v1/wallets',
      '/docs',
      '/docs/static/x',
      '/health/ready',
      '/metrics',
      '/openapi.json',
    ])
      expect(isServerPath(p), p).toBe(true);
    for (const p of ['/', '/bills', '/v1x', '/admin', '/metricsx', '/history'])
      expect(isServerPath(p), p).toBe(false);
  });
});
