import { execFileSync } from 'node:child_process';
import pg from 'pg';

/**
 * Finds the services the tests can use. PostgreSQL tests run when the server
 * answers; on a machine without it they are skipped and we say so, except in
 * CI (CI=true or REQUIRE_SERVICES=1), where an unreachable service fails the run.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const required = process.env.CI === 'true' || process.env.REQUIRE_SERVICES === '1';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.VENDRA_TEST_PG_URL = url;
    console.log(`[tests] PostgreSQL at ${new URL(url).host}: PostgreSQL tests will run`);
  } catch (error) {
    if (required) {
      throw new Error(
        `[tests] PostgreSQL is required (CI) but unreachable at ${url}: ${(error as Error).message}`,
      );
    }
    process.env.VENDRA_TEST_PG_URL = '';
    console.log(
      `[tests] PostgreSQL unreachable at ${url}: SKIPPING PostgreSQL tests, running on PGlite only`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  findRedisServer(required);
}

/**
 * The Redis tests start their own redis-server (never the machine's shared one): the binary
 * must be on PATH. Without it they are skipped, except in CI, where the run fails.
 */
function findRedisServer(required: boolean) {
  const binary = process.env.REDIS_SERVER_BIN ?? 'redis-server';
  try {
    const version = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 5000 }).trim();
    process.env.VENDRA_TEST_REDIS_SERVER = binary;
    console.log(`[tests] ${version.slice(0, 40)}: Redis tests will run`);
  } catch (error) {
    if (required)
      throw new Error(`[tests] redis-server is required (CI) but cannot run: ${(error as Error).message}`);
    process.env.VENDRA_TEST_REDIS_SERVER = '';
    console.log('[tests] redis-server not found: SKIPPING Redis tests');
  }
}
