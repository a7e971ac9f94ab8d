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
}
