import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { highRateLimitEnv } from '../../src/config.js';

/**
 * Starts the real Vendra server for the browser tests: builds the server
 * (scripts/build.mjs) and the web app (npm run build:web) unless
 * E2E_SKIP_BUILD=1, then runs `node dist/main.js` on a free port against a
 * fresh PostgreSQL database (or PGlite in a temp DATA_DIR when the global
 * setup found no PostgreSQL), and waits for /health/ready.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'artifacts');
export const ADMIN_EMAIL = 'ops@vendra.test';
export const ADMIN_PASSWORD = 'operator-password-123';

export interface RunningServer {
  baseUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

let built = false;

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds server and web app once per vitest run. Test files run in parallel
 * worker processes of one vitest process, so a lock directory serialises the
 * build and a stamp (the parent's pid) tells the others it is done.
 */
export function buildAll() {
  if (built || process.env.E2E_SKIP_BUILD === '1') return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const lock = join(ARTIFACTS, '.e2e-build.lock');
  const stamp = join(ARTIFACTS, '.e2e-build.stamp');
  const runId = String(process.ppid);
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run (builds take seconds, not minutes) is stale.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 3 * 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for the build lock ${lock}; remove it if stale`);
      sleepSync(200);
    }
  }
  try {
    if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== runId) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
      // vitest sets NODE_ENV=test, which would make Vite build Preact's development bundle.
      execFileSync('npm', ['run', '--silent', 'build:web'], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production' },
      });
      writeFileSync(stamp, runId);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  built = true;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

async function createDatabase(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const base = process.env.VENDRA_TEST_PG_URL || '';
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `vendra_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function waitForReady(baseUrl: string, child: ChildProcess, logFile: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode} before it was ready; see ${logFile}`);
    }
    try {
      const res = await fetch(`${baseUrl}/health/ready`);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms (${last}); see ${logFile}`);
}

/** Attempts at starting a server whose free port was taken in the meantime. */
const PORT_ATTEMPTS = 3;

/**
 * Starts the built server on a free port. A port found free can be taken by another process
 * before the server binds it (the tests run in parallel): that start is tried again on another.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(extraEnv);
    } catch (error) {
      const logFile = /see (\S+)$/.exec((error as Error).message)?.[1];
      await new Promise((r) => setTimeout(r, 300)); // the child's last lines reach its log
      const taken =
        logFile !== undefined && existsSync(logFile) && readFileSync(logFile, 'utf8').includes('EADDRINUSE');
      if (!taken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

async function startServerOnce(extraEnv: Record<string, string>): Promise<RunningServer> {
  buildAll();
  if (!existsSync(join(ROOT, 'web/dist/index.html')))
    throw new Error('web/dist is missing: npm run build:web');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = await createDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'vendra-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = join(ARTIFACTS, `e2e-server-${port}.log`);
  const log = createWriteStream(logFile);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    ROLE: 'all',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
    GATEWAY_MODE: 'sandbox',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    // The provider simulator: pending vends settle quickly; an unresolved vend
    // (meter 400000000000: nothing vended, requery 015) reaches needs_review in seconds.
    PROVIDER_SIM_PENDING_MS: '1500',
    PROVIDER_SIM_REVERSAL_MS: '1500',
    PROVIDER_RESOLVE_LIMIT_MS: '3000',
    PROVIDER_REQUERY_BASE_MS: '300',
    PROVIDER_REQUERY_MAX_MS: '1000',
    PROVIDER_TIMEOUT_MS: '5000',
    WORKER_POLL_INTERVAL_MS: '50',
    // The browser tests register and log in many people from one address.
    ...highRateLimitEnv(),
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    await waitForReady(baseUrl, child, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    await db.drop().catch(() => {});
    throw error;
  }
  return {
    baseUrl,
    logFile,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
      await db.drop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
