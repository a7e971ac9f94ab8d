import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';

type Headers = Record<string, string | string[] | number | undefined>;

function expectSecurityHeaders(headers: Headers, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toEqual(expect.any(String));
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options'], what).toBe('DENY');
}

describe('security headers', () => {
  let https: TestApp;
  let http: TestApp;
  beforeAll(async () => {
    https = await createTestApp('pglite', { PUBLIC_BASE_URL: 'https://wallet.example.com' });
    http = await createTestApp('pglite', { PUBLIC_BASE_URL: 'http://127.0.0.1:3000' });
  });
  afterAll(async () => {
    await https?.close();
    await http?.close();
  });

  it('are on every response: success, problem documents, 404s, the OpenAPI document', async () => {
    const cases = [
      { method: 'GET', url: '/health/live', status: 200 },
      { method: 'GET', url: '/openapi.json', status: 200 },
      { method: 'GET', url: '/v1/no-such-route', status: 404 },
      { method: 'GET', url: '/v1/me', status: 401 },
      { method: 'POST', url: '/v1/auth/login', status: 400, payload: { email: 1 } },
      { method: 'POST', url: '/v1/auth/login', status: 400, payload: '{broken', type: 'application/json' },
    ] as const;
    for (const c of cases) {
      const res = await https.app.inject({
        method: c.method,
        url: c.url,
        ...('payload' in c ? { payload: c.payload } : {}),
        ...('type' in c ? { headers: { 'content-type': c.type } } : {}),
      });
      expect(res.statusCode, c.url).toBe(c.status);
      expectSecurityHeaders(res.headers, `${c.method} ${c.url}`);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      if (c.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('send HSTS only when PUBLIC_BASE_URL is https', async () => {
    const res = await http.app.inject({ method: 'GET', url: '/health/live' });
    expectSecurityHeaders(res.headers, 'http');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('keep /docs working under its own CSP: no inline script, every script and stylesheet loads', async () => {
    let page = await https.app.inject({ method: 'GET', url: '/docs' });
    for (let hops = 0; page.statusCode === 302 && hops < 3; hops++) {
      expectSecurityHeaders(page.headers, 'redirect');
      const location = new URL(String(page.headers.location), 'http://x/docs/').pathname;
      page = await https.app.inject({ method: 'GET', url: location });
    }
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expectSecurityHeaders(page.headers, '/docs');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain("'unsafe-inline'");
    const html = page.body;
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file the CSP allows
    const assets = [...html.matchAll(/(?:src|href)="(?:\.\/|\/docs\/static\/)?([^":]+\.(?:js|css))"/g)].map(
      (m) => m[1],
    );
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) {
      const res = await https.app.inject({
        method: 'GET',
        url: `/docs/static/${String(asset).replace(/^static\//, '')}`,
      });
      expect(res.statusCode, asset).toBe(200);
    }
    const init = await https.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    expect(init.body).toContain('SwaggerUIBundle');
    expect((await https.app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200);
  });
});
