import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { buildApp } from '../http/app.js';
import { consumersDefined, defineConsumers } from '../outbox/index.js';
import { type Backend, createTestDb, type TestDb } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  testDb: TestDb;
  close(): Promise<void>;
}

/**
 * A full API on a fresh database of its own, for app.inject tests. Defines an
 * empty consumer map unless the test file defined its own first.
 */
export async function createTestApp(backend: Backend, env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDb(backend);
  const ctx: AppContext = {
    config: loadConfig({ NODE_ENV: 'test', ...env }),
    log: pino({ level: 'silent' }),
    db: testDb.db,
  };
  if (!consumersDefined()) defineConsumers([]);
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    testDb,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
