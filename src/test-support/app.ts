import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { highRateLimitEnv, loadConfig } from '../config.js';
import { allConsumers } from '../consumers.js';
import { type AppContext, closeContext, createContext } from '../compose.js';
import { buildApp } from '../compose.js';
import type { Logger } from '../log.js';
import { consumersDefined, defineConsumers } from '../outbox/index.js';
import { startScheduler } from '../worker/scheduler.js';
import { workerTasks } from '../worker/tasks.js';
import { type Backend, createTestDb, type TestDb } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  testDb: TestDb;
  close(): Promise<void>;
}

/**
 * A full API on a fresh database of its own, for app.inject tests. Defines an
 * empty consumer map unless the test file defined its own first. Rate limits
 * are at their upper bound (tests make many requests from one address) unless
 * `env` sets its own.
 */
export async function createTestApp(
  backend: Backend,
  env: Record<string, string> = {},
  options: { providers?: boolean; worker?: boolean; log?: Logger; now?: () => Date } = {},
): Promise<TestApp> {
  const testDb = await createTestDb(backend);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...highRateLimitEnv(), ...env });
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const ctx = await createContext(config, log, {
    db: testDb.db,
    providers: options.providers ?? false,
    now: options.now,
  });
  let worker: { stop(): Promise<void> } | undefined;
  if (options.worker) {
    const consumers = defineConsumers(allConsumers(ctx));
    worker = startScheduler(workerTasks(ctx, consumers), log);
  } else if (!consumersDefined()) {
    defineConsumers([]);
  }
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    testDb,
    async close() {
      await app.close();
      await worker?.stop();
      await closeContext(ctx, { closeDb: false });
      await testDb.drop();
    },
  };
}
