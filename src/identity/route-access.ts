import type { FastifyInstance, RouteOptions } from 'fastify';
import { errorResponses } from '../http/errors.js';
import { type AccessRule, accessRuleOf } from './guard.js';
import { PIN_HEADER, PIN_PATTERN } from './pin.js';

/**
 * The /v1/ routes anyone may call, each for a reason: they create or resume a
 * session, authenticate by signature, or show public reference data.
 * Everything else under /v1/ must declare access() or the app refuses to start.
 */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'POST /v1/auth/register',
  'POST /v1/auth/login',
  'POST /v1/auth/refresh', // the refresh token is the credential
  'POST /v1/auth/logout', // always 204; ends the session of the token it is given
  'POST /v1/auth/password/forgot', // the same answer for any email; the link goes to a verified one only
  'POST /v1/auth/password/reset', // the emailed token is the credential
  'POST /v1/auth/email/verify', // the emailed token is the credential
  'POST /v1/webhooks/gateway', // HMAC-signed by the gateway
  'POST /v1/webhooks/vtpass', // a hint, confirmed by requery
  'POST /v1/webhooks/vtpass/:secret', // the same, when VTPASS_WEBHOOK_SECRET is set
  'GET /v1/billers',
  'GET /v1/billers/:id',
  'GET /v1/banks',
  'GET /v1/support', // the support contact: a frozen account cannot log in, yet must reach support
]);

/** One registered /v1/ route and what it requires. */
export interface RouteAccess {
  method: string;
  url: string;
  /** undefined for a public route. */
  rule?: AccessRule;
  /** The route takes an Idempotency-Key (it moves money or must not run twice). */
  idempotent: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /v1/ route with its access rule, filled as routes are registered. */
    routeAccess: RouteAccess[];
  }
}

type Security = Record<string, string[]>[];

/** Documents the scope in the operation: `x-scope`, and as the apiKey requirement's scopes. */
function documentScope(route: RouteOptions, scope: string): void {
  const schema = route.schema as { security?: Security; 'x-scope'?: string } | undefined;
  if (!schema) return;
  schema['x-scope'] = scope;
  // A new array: the security constants are shared between routes.
  schema.security = schema.security?.map((requirement) =>
    Object.fromEntries(Object.entries(requirement).map(([k, v]) => [k, k === 'apiKey' ? [scope] : v])),
  );
}

type Schema = {
  headers?: { type?: string; properties?: Record<string, unknown> };
  response?: Record<string, { description?: string }>;
};

const PIN_ERRORS = errorResponses(['pin_required', 'pin_not_set', 'pin_invalid', 'pin_locked']) as Record<
  string,
  { description: string }
>;

/** Documents a PIN route: the x-transaction-pin header and its refusals (merged into the route's own). */
function documentPin(route: RouteOptions): void {
  const schema = route.schema as Schema | undefined;
  if (!schema) return;
  // New objects: header and response schemas are shared between routes.
  schema.headers = {
    ...schema.headers,
    type: 'object',
    properties: {
      ...schema.headers?.properties,
      [PIN_HEADER]: {
        type: 'string',
        pattern: PIN_PATTERN,
        description: 'Required with a login session (never with an API key): your 4-digit transaction PIN',
      },
    },
  };
  const response = { ...schema.response };
  for (const [status, answer] of Object.entries(PIN_ERRORS)) {
    const own = response[status];
    response[status] = own?.description
      ? { ...own, description: `${own.description}, ${answer.description.split(': ')[1]}` }
      : answer;
  }
  schema.response = response;
}

const takesIdempotencyKey = (route: RouteOptions) =>
  Boolean((route.schema as Schema | undefined)?.headers?.properties?.['idempotency-key']);

/**
 * Watches every route registered on app from now on (call it before the
 * modules' routes): records each /v1/ route's access rule in app.routeAccess
 * and documents its scope. checkRouteAccess then refuses undeclared routes.
 */
export function watchRouteAccess(app: FastifyInstance): void {
  app.decorate('routeAccess', [] as RouteAccess[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/v1/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const rule = accessRuleOf(route.onRequest);
    if (rule) documentScope(route, rule.scope);
    if (rule?.pin) documentPin(route);
    const idempotent = takesIdempotencyKey(route);
    // Fastify adds a HEAD route beside each GET, with the same hooks.
    for (const method of methods)
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, rule, idempotent });
  });
  app.addHook('onReady', async () => checkRouteAccess(app));
}

/** Throws, naming them, when /v1/ routes neither declare access nor are public. */
export function checkRouteAccess(app: FastifyInstance): void {
  const undeclared = app.routeAccess
    .filter((r) => !r.rule && !PUBLIC_ROUTES.has(`${r.method} ${r.url}`))
    .map((r) => `${r.method} ${r.url}`);
  if (undeclared.length > 0) {
    throw new Error(
      `Routes without declared access (use access({ scope }) or list them in PUBLIC_ROUTES): ${undeclared.join(', ')}`,
    );
  }
}
