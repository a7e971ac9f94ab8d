import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { createHttpApp } from './app.js';

describe('serializeBySchema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('serialises 2xx answers of routes that opt in with their schema, and everything else as before', async () => {
    const schema = {
      response: {
        200: {
          type: 'object',
          properties: { amount: { type: 'integer' }, at: { type: 'string', format: 'date-time' } },
          required: ['amount', 'at'],
        },
      },
    };
    const answer = { extra: 'x', at: new Date('2026-01-02T03:04:05.000Z'), amount: 1234n };
    const app = await createHttpApp(t.ctx, {
      routes: [
        async (scope) => {
          scope.get('/by-schema', { schema, config: { serializeBySchema: true } }, async () => answer);
          scope.get('/by-default', { schema }, async () => answer);
          scope.get(
            '/by-schema/failing',
            { schema, config: { serializeBySchema: true } },
            async (_r, reply) => {
              reply.code(409 as 200); // a status the schema does not list
              return answer;
            },
          );
        },
      ],
    });
    try {
      expect((await app.inject({ url: '/by-schema' })).body).toBe(
        '{"amount":1234,"at":"2026-01-02T03:04:05.000Z"}',
      );
      const unchanged = '{"extra":"x","at":"2026-01-02T03:04:05.000Z","amount":1234}';
      expect((await app.inject({ url: '/by-default' })).body).toBe(unchanged);
      expect((await app.inject({ url: '/by-schema/failing' })).body).toBe(unchanged);
    } finally {
      await app.close();
    }
  });
});
