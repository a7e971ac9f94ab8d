import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
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
export type PayoutMode = 'sandbox' | 'disabled';
export type NotifyMode = 'smtp' | 'log';

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
  /** When set, the VTpass webhook is served only at /v1/webhooks/vtpass/{secret}. */
  vtpassWebhookSecret: string | undefined;
  /** Production may run a simulator (gateway, bill providers, payouts) only when this is set explicitly. */
  allowSandbox: boolean;
  /** `sandbox`: the payout simulator; `disabled`: withdrawals are refused (no real payout provider yet). */
  payoutMode: PayoutMode;
  /** Where customer messages go: `smtp` (SMTP_URL) or `log`. */
  notifyMode: NotifyMode;
  /** Bearer token /metrics requires when set. */
  metricsToken: string | undefined;
  /** When set, /metrics is served on its own listener on this port (HOST) and not on the API port. */
  metricsPort: number | undefined;
  /** ADMIN_EMAIL may take over an existing customer account (sets ADMIN_PASSWORD, ends its sessions). */
  adminPromote: boolean;
  /** Ledger items waiting for a batch before new ones are refused with 503 `overloaded`. */
  ledgerBatchMaxQueued: number;
  /** Request rate limits per route; undefined when RATE_LIMITS=off (load tests). */
  rateLimits: RateLimits | undefined;
  /**
   * Which peers may set X-Forwarded-For: false (none, the default), a number of
   * proxy hops in front of the API, or the proxies' addresses/CIDRs.
   */
  trustProxy: false | number | string[];
}

/** One limit: at most `max` requests per `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** The request rate limits, by route family (see RATE_LIMIT_VARS for the variables and defaults). */
export interface RateLimits {
  /** POST /v1/auth/register, per client IP. */
  register: RateLimit;
  /** POST /v1/auth/login, per client IP (failed logins are also throttled by identity/throttle.ts). */
  login: RateLimit;
  /** POST /v1/auth/refresh, per client IP. */
  refresh: RateLimit;
  /** POST /v1/recipients/resolve, per user: it reveals names. */
  lookup: RateLimit;
  lookupDaily: RateLimit;
  /** Provider-backed lookups (customer validation, payout account resolution), per user. */
  validate: RateLimit;
  /** POST /v1/bill-payments/{id}/resend-token, per user. */
  resend: RateLimit;
  /** Every money-moving POST, per user and route. */
  money: RateLimit;
  /** POST /v1/events/stream-token (and /v1/auth/stream-token), per user. */
  streamToken: RateLimit;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Upper bound of every RATE_LIMIT_* variable; the test helpers and the bench use it. */
export const RATE_LIMIT_MAX = 1_000_000;

/** Each limit's variable, production default and window. */
export const RATE_LIMIT_VARS: Record<keyof RateLimits, { variable: string; max: number; windowMs: number }> =
  {
    register: { variable: 'RATE_LIMIT_REGISTER_PER_MIN', max: 5, windowMs: MINUTE_MS },
    login: { variable: 'RATE_LIMIT_LOGIN_PER_MIN', max: 20, windowMs: MINUTE_MS },
    refresh: { variable: 'RATE_LIMIT_REFRESH_PER_MIN', max: 60, windowMs: MINUTE_MS },
    lookup: { variable: 'RATE_LIMIT_LOOKUP_PER_MIN', max: 10, windowMs: MINUTE_MS },
    lookupDaily: { variable: 'RATE_LIMIT_LOOKUP_PER_DAY', max: 100, windowMs: DAY_MS },
    validate: { variable: 'RATE_LIMIT_VALIDATE_PER_MIN', max: 20, windowMs: MINUTE_MS },
    resend: { variable: 'RATE_LIMIT_RESEND_PER_HOUR', max: 10, windowMs: HOUR_MS },
    money: { variable: 'RATE_LIMIT_MONEY_PER_MIN', max: 60, windowMs: MINUTE_MS },
    streamToken: { variable: 'RATE_LIMIT_STREAM_TOKEN_PER_MIN', max: 20, windowMs: MINUTE_MS },
  };

/** Every RATE_LIMIT_* variable at its upper bound: for test helpers and the bench, which make many requests from one address. */
export function highRateLimitEnv(): Record<string, string> {
  return Object.fromEntries(Object.values(RATE_LIMIT_VARS).map((v) => [v.variable, String(RATE_LIMIT_MAX)]));
}

function rateLimitsVar(env: Env): RateLimits | undefined {
  if (oneOf(env, 'RATE_LIMITS', ['on', 'off'] as const, 'on') === 'off') return undefined;
  const entries = Object.entries(RATE_LIMIT_VARS).map(([name, v]) => [
    name,
    { max: intVar(env, v.variable, v.max, 1, RATE_LIMIT_MAX), windowMs: v.windowMs },
  ]);
  return Object.fromEntries(entries) as RateLimits;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_PROXY_HOPS = 10;
const MAX_PROXY_ENTRIES = 32;

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset/false/0 = X-Forwarded-For is ignored; a number = that
 * many proxy hops in front of the API; otherwise a comma-separated list of the
 * proxies' addresses or CIDRs. "true" (trust any X-Forwarded-For, which lets
 * every client pick its own address) is refused in production and means one
 * hop elsewhere.
 */
export function trustProxyVar(env: Env, nodeEnv: Config['nodeEnv']): false | number | string[] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') {
    if (nodeEnv === 'production') {
      throw new ConfigError(
        'TRUST_PROXY',
        '"true" would trust any X-Forwarded-For; give the number of proxy hops (e.g. 1) or the proxies\' addresses',
      );
    }
    return 1;
  }
  if (/^\d+$/.test(raw)) {
    const hops = intVar(env, 'TRUST_PROXY', 0, 0, MAX_PROXY_HOPS);
    return hops === 0 ? false : hops;
  }
  const entries = raw.split(',').map((e) => e.trim());
  if (entries.length > MAX_PROXY_ENTRIES)
    throw new ConfigError('TRUST_PROXY', `lists at most ${MAX_PROXY_ENTRIES} proxies, got ${entries.length}`);
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined)
    throw new ConfigError(
      'TRUST_PROXY',
      `must be a hop count (0-${MAX_PROXY_HOPS}) or comma-separated IP addresses/CIDRs, got "${bad}"`,
    );
  return entries;
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

/** A secret that travels in a URL path: 16-128 URL-safe characters, or unset. */
function pathSecret(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(raw))
    throw new ConfigError(name, 'must be 16-128 characters of A-Z, a-z, 0-9, "_" or "-"');
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
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
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
  const allowSandbox = boolVar(env, 'ALLOW_SANDBOX');
  const payoutMode = oneOf(env, 'PAYOUT_MODE', ['sandbox', 'disabled'] as const, 'sandbox');
  const notifyMode = notifyModeOf(env);
  const metricsToken = metricsTokenOf(env);
  const metricsPort = env.METRICS_PORT ? intVar(env, 'METRICS_PORT', 0, 0, 65535) : undefined;
  if (metricsPort !== undefined && metricsPort !== 0 && metricsPort === port)
    throw new ConfigError('METRICS_PORT', 'must differ from PORT');
  if (nodeEnv === 'production') checkProduction(env, gatewayMode, payoutMode, allowSandbox);
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
    vtpassWebhookSecret: pathSecret(env, 'VTPASS_WEBHOOK_SECRET'),
    allowSandbox,
    payoutMode,
    notifyMode,
    metricsToken,
    metricsPort,
    adminPromote: boolVar(env, 'ADMIN_PROMOTE'),
    ledgerBatchMaxQueued: intVar(env, 'LEDGER_BATCH_MAX_QUEUED', 10_000, 1, 1_000_000),
    rateLimits: rateLimitsVar(env),
    trustProxy: trustProxyVar(env, nodeEnv),
  };
}

function boolVar(env: Env, name: string): boolean {
  return oneOf(env, name, ['true', 'false'] as const, 'false') === 'true';
}

function notifyModeOf(env: Env): NotifyMode {
  const mode = oneOf(env, 'NOTIFY_MODE', ['smtp', 'log'] as const, env.SMTP_URL ? 'smtp' : 'log');
  if (mode === 'smtp')
    urlVar(env, 'SMTP_URL', ['smtp:', 'smtps:']) ?? missing('SMTP_URL', 'NOTIFY_MODE=smtp');
  return mode;
}

function metricsTokenOf(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16 || raw.length > 256 || !/^[\x21-\x7e]+$/.test(raw))
    throw new ConfigError('METRICS_TOKEN', 'must be 16 to 256 printable characters without spaces');
  return raw;
}

function missing(name: string, when: string): never {
  throw new ConfigError(name, `is required when ${when}`);
}

const SANDBOX_HOSTS = new Set(['sandbox.vtpass.com']);

/** The simulators in use (each names the variable that selects it); empty when every component is real. */
function simulatorsInUse(env: Env, gatewayMode: GatewayMode, payoutMode: PayoutMode) {
  const found: { variable: string; why: string }[] = [];
  const sim = (variable: string, why: string) => found.push({ variable, why });
  if (gatewayMode === 'sandbox')
    sim(
      'GATEWAY_MODE',
      'is sandbox: its unauthenticated checkout credits any deposit (set GATEWAY_MODE=paystack)',
    );
  if (!env.VTPASS_BASE_URL)
    sim('VTPASS_BASE_URL', 'is unset: bill payments would go to in-process simulators');
  for (const name of ['VTPASS_BASE_URL', 'VTPASS_B_BASE_URL']) {
    const url = urlVar(env, name, ['http:', 'https:']);
    if (url && SANDBOX_HOSTS.has(new URL(url).hostname)) sim(name, "points at VTpass's sandbox");
  }
  for (const name of ['VTPASS_API_KEY', 'VTPASS_SECRET_KEY', 'VTPASS_PUBLIC_KEY']) {
    if (!env[name]) sim(name, 'is unset: the VTpass sandbox credentials would be used');
  }
  if (payoutMode === 'sandbox')
    sim('PAYOUT_MODE', 'is sandbox: withdrawals would be paid by the simulator (set PAYOUT_MODE=disabled)');
  return found;
}

/**
 * What production refuses to start without: no simulator unless ALLOW_SANDBOX=true,
 * a public base URL, a chosen notification channel, and /metrics behind a token on its own port.
 */
function checkProduction(env: Env, gatewayMode: GatewayMode, payoutMode: PayoutMode, allowSandbox: boolean) {
  const sims = simulatorsInUse(env, gatewayMode, payoutMode);
  const first = sims[0];
  if (first && !allowSandbox) {
    throw new ConfigError(
      first.variable,
      `${first.why}; NODE_ENV=production refuses simulators unless ALLOW_SANDBOX=true`,
    );
  }
  const when = 'NODE_ENV=production';
  if (!env.PUBLIC_BASE_URL) missing('PUBLIC_BASE_URL', when);
  if (!env.NOTIFY_MODE && !env.SMTP_URL) missing('SMTP_URL', `${when} (or set NOTIFY_MODE=log explicitly)`);
  if (!env.METRICS_TOKEN) missing('METRICS_TOKEN', when);
  if (!env.METRICS_PORT) missing('METRICS_PORT', when);
}
