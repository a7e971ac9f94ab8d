import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A configuration problem names the variable and what is wrong with it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type Role = 'api' | 'worker' | 'all';
export type GatewayMode = 'sandbox' | 'paystack';

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  role: Role;
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  logLevel: string;
  bodyLimitBytes: number;
  jwtSecret: string;
  gatewayMode: GatewayMode;
  gatewaySecret: string;
  paystackSecretKey: string | undefined;
  publicBaseUrl: string | undefined;
  redisUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  ledgerBatchWindowMs: number;
  ledgerBatchMaxItems: number;
  ledgerBatchMaxInFlight: number;
  holdSweepIntervalMs: number;
  workerPollIntervalMs: number;
  shutdownTimeoutMs: number;
  /** How long a worker owns a claimed outbox delivery before another may take it (a crashed worker's lease). */
  outboxLeaseMs: number;
  /** Outbox jobs (vends, payouts) a worker runs at once. */
  outboxConcurrency: number;
  env: Readonly<Record<string, string | undefined>>;
  /** Ledger items waiting for a batch before new ones are refused with 503 `overloaded`. */
  ledgerBatchMaxQueued: number;
}

type Env = Readonly<Record<string, string | undefined>>;

export function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function floatVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ConfigError(name, `must be a number, got "${raw}"`);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function urlVar(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${url.protocol}`);
  }
  return raw;
}

/**
 * Secrets: required in production; in development they are generated once and
 * kept in DATA_DIR/secrets.json so that tokens survive a restart.
 */
function secret(env: Env, name: string, nodeEnv: Config['nodeEnv'], dataDir: string): string {
  const raw = env[name];
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
    return raw;
  }
  if (nodeEnv === 'production') throw new ConfigError(name, 'is required when NODE_ENV=production');
  if (nodeEnv === 'test') return `test-${name}-`.padEnd(48, 'x');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const existing = stored[name];
  if (existing) return existing;
  stored[name] = randomBytes(32).toString('hex');
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  return stored[name];
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const dataDir = resolve(env.DATA_DIR || './data');
  const gatewayMode = oneOf(env, 'GATEWAY_MODE', ['sandbox', 'paystack'] as const, 'sandbox');
  const paystackSecretKey = env.PAYSTACK_SECRET_KEY || undefined;
  if (gatewayMode === 'paystack' && !paystackSecretKey) {
    throw new ConfigError('PAYSTACK_SECRET_KEY', 'is required when GATEWAY_MODE=paystack');
  }
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  return {
    nodeEnv,
    role: oneOf(env, 'ROLE', ['api', 'worker', 'all'] as const, 'all'),
    host,
    port,
    databaseUrl: urlVar(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir,
    dbPoolSize: intVar(env, 'DB_POOL_SIZE', 16, 1, 200),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    bodyLimitBytes: intVar(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    jwtSecret: secret(env, 'JWT_SECRET', nodeEnv, dataDir),
    gatewayMode,
    gatewaySecret:
      gatewayMode === 'paystack'
        ? (paystackSecretKey as string)
        : secret(env, 'GATEWAY_SANDBOX_SECRET', nodeEnv, dataDir),
    paystackSecretKey,
    publicBaseUrl: urlVar(env, 'PUBLIC_BASE_URL', ['http:', 'https:']),
    redisUrl: urlVar(env, 'REDIS_URL', ['redis:', 'rediss:']),
    // In development a sandbox operator exists out of the box (its password is generated once into
    // DATA_DIR/secrets.json and printed at start); production needs ADMIN_EMAIL/ADMIN_PASSWORD or the CLI.
    adminEmail: env.ADMIN_EMAIL || (nodeEnv === 'development' ? 'admin@vendra.local' : undefined),
    adminPassword:
      env.ADMIN_PASSWORD ||
      (nodeEnv === 'development' && !env.ADMIN_EMAIL
        ? secret(env, 'SANDBOX_ADMIN_PASSWORD', nodeEnv, dataDir).slice(0, 20)
        : undefined),
    ledgerBatchWindowMs: intVar(env, 'LEDGER_BATCH_WINDOW_MS', 1, 0, 1000),
    ledgerBatchMaxItems: intVar(env, 'LEDGER_BATCH_MAX_ITEMS', 500, 1, 1000),
    ledgerBatchMaxInFlight: intVar(env, 'LEDGER_BATCH_MAX_IN_FLIGHT', 2, 1, 64),
    holdSweepIntervalMs: intVar(env, 'HOLD_SWEEP_INTERVAL_MS', 5000, 100, 3_600_000),
    workerPollIntervalMs: intVar(env, 'WORKER_POLL_INTERVAL_MS', 200, 10, 60_000),
    shutdownTimeoutMs: intVar(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 120_000),
    outboxLeaseMs: intVar(env, 'OUTBOX_LEASE_MS', 60_000, 1_000, 3_600_000),
    outboxConcurrency: intVar(env, 'OUTBOX_CONCURRENCY', 32, 1, 256),
    env,
    ledgerBatchMaxQueued: intVar(env, 'LEDGER_BATCH_MAX_QUEUED', 10_000, 1, 1_000_000),
  };
}
