import { readFileSync } from 'node:fs';
import type { OpenAPI3 } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import {
  openapiDocument,
  renderWebApiTypes,
  renderWebPasswordRule,
  WEB_API_TYPES_PATH,
  WEB_PASSWORD_RULE_PATH,
} from '../scripts/web-api-types.js';

/** One route: a request body that lists what it requires, and an answer that lists nothing. */
function oneRoute(answer: Record<string, unknown>): OpenAPI3 {
  return {
    openapi: '3.1.0',
    info: { title: 'test', version: '1' },
    paths: {
      '/v1/quote': {
        post: {
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { amount: { type: 'integer' }, note: { type: 'string' } },
                  required: ['amount'],
                },
              },
            },
          },
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: answer } } } },
        },
      },
    },
  } as unknown as OpenAPI3;
}

describe('web API types', () => {
  it("carry the server's password rule, copied as is", () => {
    expect(
      readFileSync(WEB_PASSWORD_RULE_PATH, 'utf8'),
      'web/src/lib/password-rule.ts is stale: run `npm run generate:web-types` and commit it',
    ).toBe(renderWebPasswordRule());
  });

  it('are generated from the current OpenAPI document', async () => {
    const committed = readFileSync(WEB_API_TYPES_PATH, 'utf8');
    const current = await renderWebApiTypes(await openapiDocument());
    // Line by line, so a failure shows the route whose schema changed.
    expect(
      committed.split('\n'),
      'web/src/lib/api-schema.d.ts is stale: run `npm run generate:web-types` and commit it',
    ).toEqual(current.split('\n'));
  }, 180_000);

  it('type the properties an answer lists as present, and a request body as its schema says', async () => {
    const source = await renderWebApiTypes(
      oneRoute({
        type: 'object',
        properties: {
          fee: { type: 'integer' },
          counterparty: { type: ['object', 'null'], properties: { name: { type: 'string' } }, required: [] },
          lines: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
        },
      }),
    );
    const compact = source.replace(/\s+/g, ' ');
    expect(compact).toContain(
      'requestBody?: { content: { "application/json": { amount: number; note?: string; }; }; }',
    );
    expect(compact).toContain('fee: number;');
    expect(compact).toContain('lines: { id: string; }[];');
    // An answer that says its properties may be missing keeps them optional.
    expect(compact).toContain('counterparty: { name?: string; } | null;');
  });

  it('leave the document they are given as it was', async () => {
    const document = oneRoute({ type: 'object', properties: { fee: { type: 'integer' } } });
    const before = structuredClone(document);
    await renderWebApiTypes(document);
    expect(document).toEqual(before);
  });
});
