import type { FastifyInstance } from 'fastify';

export interface AnsweredProblem {
  method: string;
  /** The route's pattern, e.g. `/v1/bill-payments/{id}` in OpenAPI's spelling. */
  route: string;
  code: string;
}

/**
 * Records the code of every problem document the app answers, by route, so
 * a test can compare what a route really answers with what it documents.
 * Must be called before the app's first request (hooks freeze at ready).
 */
export function recordProblems(app: FastifyInstance): AnsweredProblem[] {
  const seen: AnsweredProblem[] = [];
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('application/problem+json') || typeof payload !== 'string') return payload;
    const url = request.routeOptions.url;
    if (!url) return payload;
    const code = (JSON.parse(payload) as { code?: string }).code ?? '';
    seen.push({ method: request.method, route: url.replace(/:([A-Za-z]+)/g, '{$1}'), code });
    return payload;
  });
  return seen;
}

/** The codes each route documents in /openapi.json: `METHOD path` -> codes. */
export function documentedCodes(openapi: {
  paths: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>>;
}): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const codes = new Set<string>();
      for (const response of Object.values(op.responses ?? {})) {
        const list = /code is one of: (.*)$/.exec(response.description ?? '')?.[1];
        for (const code of list?.split(', ') ?? []) codes.add(code);
      }
      out.set(`${method.toUpperCase()} ${path}`, codes);
    }
  }
  return out;
}
