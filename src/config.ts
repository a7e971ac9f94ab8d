import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ConfigError,
  checkAll,
  type Env,
  type GATEWAY_MODES,
  type KYC_PROVIDERS,
  type LOG_LEVELS,
  type NOTIFY_MODES,
  type SMS_MODES,
  type PAYOUT_MODES,
  type ROLES,
  RATE_LIMIT_MAX,
  read,
  type SIM_PROFILES,
  type VariableName,
} from './config/variables.js';

export { ConfigError, type Env, RATE_LIMIT_MAX, read, SIM_PROFILES, VARIABLES } from './config/variables.js';

export type Role = (typeof ROLES)[number];
export type GatewayMode = (typeof GATEWAY_MODES)[number];
export type PayoutMode = (typeof PAYOUT_MODES)[number];
export type NotifyMode = (typeof NOTIFY_MODES)[number];
export type SmsMode = (typeof SMS_MODES)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];
export type SimProfile = (typeof SIM_PROFILES)[number];
export type KycProvider = (typeof KYC_PROVIDERS)[number];

/** KYC: the identity provider, the key identity numbers are encrypted with, and the tier-1 rule. */
export interface KycConfig {
  provider: KycProvider;
  /** 32 bytes, base64 (AES-256-GCM). */
  encryptionKey: string;
  /** A person with neither BVN nor NIN verified is post-no-debit. */
  tier1RequiresId: boolean;
  timeoutMs: number;
  dojahAppId: string | undefined;
  dojahSecretKey: string | undefined;
  dojahBaseUrl: string;
}

/** The VTpass simulator's knobs from PROVIDER_SIM_* (the in-process simulators and the standalone one). */
export interface ProviderSimConfig {
  latencyMs: number;
  failureRate: number;
  pendingRate: number;
  lostResponseRate: number;
  pendingMs: number;
  timeoutMs: number;
  reversalMs: number;
  duplicateWindowMs: number;
  webhookUrl: string | null;
  profile: SimProfile;
  /** Float and commission knobs: no variables (turned at run time through /_sim/knobs); their defaults. */
  commissionBps: number | null;
  commissionFlatMinor: number | null;
  balanceDriftMinor: number;
  floatEnforced: boolean;
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  role: Role;
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolSize: number;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  jwtSecret: string;
  /** The HMAC-SHA256 key of the transaction PINs (PIN_HMAC_KEY). */
  pinHmacKey: string;
  gatewayMode: GatewayMode;
  gatewaySecret: string;
  paystackSecretKey: string | undefined;
  /** Unset: api.paystack.co. */
  paystackBaseUrl: string | undefined;
  publicBaseUrl: string | undefined;
  redisUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  ledgerBatchWindowMs: number;
  ledgerBatchMaxItems: number;
  ledgerBatchMaxInFlight: number;
  holdSweepIntervalMs: number;
  /** How long fetched bills due stay fresh in the cache. */
  billCacheTtlMs: number;
  /** Sandbox: the worker reconciles each provider simulator's report of the day before, once a day. */
  reconciliationNightly: boolean;
  /** A settlement day is closed this long after its Africa/Lagos midnight. */
  settlementGraceMs: number;
  /** How often providers' balances are polled for drift and low float. */
  floatCheckIntervalMs: number;
  workerPollIntervalMs: number;
  shutdownTimeoutMs: number;
  /** How long a worker owns a claimed outbox delivery before another may take it (a crashed worker's lease). */
  outboxLeaseMs: number;
  /** Outbox jobs (vends, payouts) a worker runs at once. */
  outboxConcurrency: number;
  /** Live events a worker fans out at once. */
  outboxLiveConcurrency: number;
  /** When set, the VTpass webhook is served only at /v1/webhooks/vtpass/{secret}. */
  vtpassWebhookSecret: string | undefined;
  /** Production may run a simulator (gateway, bill providers, payouts) only when this is set explicitly. */
  allowSandbox: boolean;
  /** Seed and run the sandbox promotion campaign (never in production). */
  sandboxCampaign: boolean;
  /** `sandbox`: the Paystack-compatible simulator; `paystack`: Paystack Transfers; `disabled`: withdrawals are refused. */
  payoutMode: PayoutMode;
  /** Where emails go: `sandbox` (the sandbox inbox), `smtp` (SMTP_URL) or `log`. */
  notifyMode: NotifyMode;
  /** Where SMS go: `sandbox` (the sandbox inbox), `termii` or `log`. */
  smsMode: SmsMode;
  termiiBaseUrl: string;
  /** Sent in the request body only; never logged. */
  termiiApiKey: string | undefined;
  termiiSenderId: string;
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
  /** The support contact customers are shown (each unset one is left out). */
  support: { email: string | undefined; phone: string | undefined; whatsapp: string | undefined };
  /** Per request to a bill provider. */
  providerTimeoutMs: number;
  /** Calls one worker has open at once with each bill provider. */
  providerMaxInFlight: number;
  /** A payment unresolved this long after sending goes to `needs_review`. */
  providerResolveLimitMs: number;
  /** A provider still answering 015 (unknown) this long after sending never received it: `failed`. */
  providerUnknownGraceMs: number;
  providerRequeryBaseMs: number;
  providerRequeryMaxMs: number;
  providerBreakerFailures: number;
  providerBreakerCooldownMs: number;
  /** A real VTpass (or a standalone simulator); unset: two in-process simulators. */
  vtpassBaseUrl: string | undefined;
  /** A second VTpass-compatible provider, for failover. */
  vtpassBBaseUrl: string | undefined;
  /** VTpass credentials; unset: the sandbox ones. */
  vtpassApiKey: string | undefined;
  vtpassSecretKey: string | undefined;
  vtpassPublicKey: string | undefined;
  /** Knobs of the in-process simulators (sandbox mode). */
  providerSim: ProviderSimConfig;
  /** How long the payout simulator keeps a delayed payout pending. */
  payoutSimPendingMs: number;
  /** A pending card deposit is verified with the gateway this long after its checkout. */
  depositVerifyAfterMs: number;
  /** A pending card deposit the gateway does not know this long after its checkout is failed. */
  depositAbandonAfterMs: number;
  /** Days a dispute has to be resolved in. */
  disputeSlaDays: number;
  /** Minor units: a manual adjustment above this needs an admin. */
  adjustmentAdminAbove: bigint;
  /** Mail server for customer messages, used when notifyMode is `smtp`. */
  smtpUrl: string | undefined;
  smtpFrom: string | undefined;
  /** The built web app (absolute); unset: web/dist next to the code. */
  webDistDir: string | undefined;
  /** The development operator with a generated password is in use (no ADMIN_EMAIL), so start-up prints it. */
  devAdminDefault: boolean;
  kyc: KycConfig;
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
  /** Every money-moving POST, and setting or resetting the transaction PIN, per user and route. */
  money: RateLimit;
  /** POST /v1/events/stream-token (and /v1/auth/stream-token), per user. */
  streamToken: RateLimit;
  /** POST /v1/me/kyc/* (each one a paid identity lookup), per user. */
  kyc: RateLimit;
  /** POST /v1/auth/password/forgot, per email address (and forgotPerIp per client IP). */
  forgotPerEmail: RateLimit;
  forgotPerIp: RateLimit;
  /** POST /v1/me/email/verify/send and /v1/me/phone/verify/send, per user and route. */
  verifySend: RateLimit;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

type RateLimitVariable = Extract<VariableName, `RATE_LIMIT_${string}`>;
const limitOf = (variable: RateLimitVariable, windowMs: number) => ({
  variable,
  max: read({}, variable),
  windowMs,
});

/** Each limit's variable, production default (from the variable list) and window. */
export const RATE_LIMIT_VARS: Record<
  keyof RateLimits,
  { variable: RateLimitVariable; max: number; windowMs: number }
> = {
  register: limitOf('RATE_LIMIT_REGISTER_PER_MIN', MINUTE_MS),
  login: limitOf('RATE_LIMIT_LOGIN_PER_MIN', MINUTE_MS),
  refresh: limitOf('RATE_LIMIT_REFRESH_PER_MIN', MINUTE_MS),
  lookup: limitOf('RATE_LIMIT_LOOKUP_PER_MIN', MINUTE_MS),
  lookupDaily: limitOf('RATE_LIMIT_LOOKUP_PER_DAY', DAY_MS),
  validate: limitOf('RATE_LIMIT_VALIDATE_PER_MIN', MINUTE_MS),
  resend: limitOf('RATE_LIMIT_RESEND_PER_HOUR', HOUR_MS),
  money: limitOf('RATE_LIMIT_MONEY_PER_MIN', MINUTE_MS),
  streamToken: limitOf('RATE_LIMIT_STREAM_TOKEN_PER_MIN', MINUTE_MS),
  kyc: limitOf('RATE_LIMIT_KYC_PER_HOUR', HOUR_MS),
  forgotPerEmail: limitOf('RATE_LIMIT_FORGOT_PER_EMAIL_PER_HOUR', HOUR_MS),
  forgotPerIp: limitOf('RATE_LIMIT_FORGOT_PER_IP_PER_HOUR', HOUR_MS),
  verifySend: limitOf('RATE_LIMIT_VERIFY_SEND_PER_HOUR', HOUR_MS),
};

/** Every RATE_LIMIT_* variable at its upper bound: for test helpers and the bench, which make many requests from one address. */
export function highRateLimitEnv(): Record<string, string> {
  return Object.fromEntries(Object.values(RATE_LIMIT_VARS).map((v) => [v.variable, String(RATE_LIMIT_MAX)]));
}

function rateLimitsOf(env: Env): RateLimits | undefined {
  if (read(env, 'RATE_LIMITS') === 'off') return undefined;
  const entries = Object.entries(RATE_LIMIT_VARS).map(([name, v]) => [
    name,
    { max: read(env, v.variable), windowMs: v.windowMs },
  ]);
  return Object.fromEntries(entries) as RateLimits;
}

/**
 * TRUST_PROXY (parsed in src/config/variables.ts). "true" (trust any
 * X-Forwarded-For, which lets every client pick its own address) is refused in
 * production and means one hop elsewhere.
 */
export function trustProxyVar(env: Env, nodeEnv: Config['nodeEnv']): false | number | string[] {
  const trust = read(env, 'TRUST_PROXY');
  if (trust !== 'any') return trust;
  if (nodeEnv === 'production') {
    throw new ConfigError(
      'TRUST_PROXY',
      '"true" would trust any X-Forwarded-For; give the number of proxy hops (e.g. 1) or the proxies\' addresses',
    );
  }
  return 1;
}

/**
 * Secrets: required in production; in development they are generated once and
 * kept in DATA_DIR/secrets.json so that tokens survive a restart.
 */
function secret(
  given: string | undefined,
  name: string,
  nodeEnv: Config['nodeEnv'],
  dataDir: string,
): string {
  if (given !== undefined) return given;
  if (nodeEnv === 'production') throw new ConfigError(name, 'is required when NODE_ENV=production');
  if (nodeEnv === 'test') return `test-${name}-`.padEnd(48, 'x');
  return storedSecret(dataDir, name);
}

/** A fixed development/test key would be public: test gets a constant one, development one of its own. */
function kycEncryptionKey(env: Env, nodeEnv: Config['nodeEnv'], dataDir: string): string {
  const given = read(env, 'KYC_ENCRYPTION_KEY');
  if (given !== undefined) return given;
  if (nodeEnv === 'production')
    throw new ConfigError('KYC_ENCRYPTION_KEY', 'is required when NODE_ENV=production');
  if (nodeEnv === 'test') return Buffer.alloc(32, 't').toString('base64');
  return storedSecret(dataDir, 'KYC_ENCRYPTION_KEY', () => randomBytes(32).toString('base64'));
}

function kycConfig(env: Env, nodeEnv: Config['nodeEnv'], dataDir: string): KycConfig {
  const provider = read(env, 'KYC_PROVIDER');
  const dojahAppId = read(env, 'DOJAH_APP_ID');
  const dojahSecretKey = read(env, 'DOJAH_SECRET_KEY');
  if (provider === 'dojah' && !dojahAppId) missing('DOJAH_APP_ID', 'KYC_PROVIDER=dojah');
  if (provider === 'dojah' && !dojahSecretKey) missing('DOJAH_SECRET_KEY', 'KYC_PROVIDER=dojah');
  return {
    provider,
    encryptionKey: kycEncryptionKey(env, nodeEnv, dataDir),
    tier1RequiresId: read(env, 'KYC_TIER1_REQUIRES_ID'),
    timeoutMs: read(env, 'KYC_TIMEOUT_MS'),
    dojahAppId,
    dojahSecretKey,
    dojahBaseUrl: read(env, 'DOJAH_BASE_URL') ?? 'https://api.dojah.io',
  };
}

/** A secret generated once into DATA_DIR/secrets.json (development). */
function storedSecret(
  dataDir: string,
  name: string,
  generate = () => randomBytes(32).toString('hex'),
): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'secrets.json');
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const existing = stored[name];
  if (existing) return existing;
  stored[name] = generate();
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  return stored[name];
}

/** The support contact customers are shown (SUPPORT_EMAIL, SUPPORT_PHONE, SUPPORT_WHATSAPP). */
function supportOf(env: Env): Config['support'] {
  return {
    email: read(env, 'SUPPORT_EMAIL'),
    phone: read(env, 'SUPPORT_PHONE'),
    whatsapp: read(env, 'SUPPORT_WHATSAPP'),
  };
}

/** Deposit verification timings, the dispute SLA and the manual-adjustment threshold. */
function backOfficeConfig(env: Env) {
  return {
    depositVerifyAfterMs: read(env, 'DEPOSIT_VERIFY_AFTER_MS'),
    depositAbandonAfterMs: read(env, 'DEPOSIT_ABANDON_AFTER_MS'),
    disputeSlaDays: read(env, 'DISPUTE_SLA_DAYS'),
    adjustmentAdminAbove: BigInt(read(env, 'ADJUSTMENT_ADMIN_ABOVE')),
  };
}

export function loadConfig(env: Env = process.env): Config {
  checkAll(env, 'server');
  const nodeEnv = read(env, 'NODE_ENV');
  const dataDir = resolve(read(env, 'DATA_DIR'));
  const gatewayMode = read(env, 'GATEWAY_MODE');
  const paystackSecretKey = read(env, 'PAYSTACK_SECRET_KEY');
  if (gatewayMode === 'paystack' && !paystackSecretKey)
    missing('PAYSTACK_SECRET_KEY', 'GATEWAY_MODE=paystack');
  if (read(env, 'PAYOUT_MODE') === 'paystack' && !paystackSecretKey)
    missing('PAYSTACK_SECRET_KEY', 'PAYOUT_MODE=paystack');
  const port = read(env, 'PORT');
  const metricsPort = read(env, 'METRICS_PORT');
  if (metricsPort !== undefined && metricsPort !== 0 && metricsPort === port)
    throw new ConfigError('METRICS_PORT', 'must differ from PORT');
  const notifyMode = read(env, 'NOTIFY_MODE') ?? (read(env, 'SMTP_URL') ? 'smtp' : 'sandbox');
  if (notifyMode === 'smtp' && !read(env, 'SMTP_URL')) missing('SMTP_URL', 'NOTIFY_MODE=smtp');
  const smsMode = read(env, 'SMS_MODE') ?? (read(env, 'TERMII_API_KEY') ? 'termii' : 'sandbox');
  if (smsMode === 'termii' && !read(env, 'TERMII_API_KEY')) missing('TERMII_API_KEY', 'SMS_MODE=termii');
  if (nodeEnv === 'production') checkProduction(env);
  const adminEmail = read(env, 'ADMIN_EMAIL');
  const devAdminDefault = nodeEnv === 'development' && !adminEmail;
  return {
    nodeEnv,
    role: read(env, 'ROLE'),
    host: read(env, 'HOST'),
    port,
    databaseUrl: read(env, 'DATABASE_URL'),
    dataDir,
    dbPoolSize: read(env, 'DB_POOL_SIZE'),
    logLevel: read(env, 'LOG_LEVEL'),
    bodyLimitBytes: read(env, 'BODY_LIMIT_BYTES'),
    jwtSecret: secret(read(env, 'JWT_SECRET'), 'JWT_SECRET', nodeEnv, dataDir),
    pinHmacKey: secret(read(env, 'PIN_HMAC_KEY'), 'PIN_HMAC_KEY', nodeEnv, dataDir),
    gatewayMode,
    gatewaySecret:
      gatewayMode === 'paystack'
        ? (paystackSecretKey as string)
        : secret(read(env, 'GATEWAY_SANDBOX_SECRET'), 'GATEWAY_SANDBOX_SECRET', nodeEnv, dataDir),
    paystackSecretKey,
    paystackBaseUrl: read(env, 'PAYSTACK_BASE_URL'),
    publicBaseUrl: read(env, 'PUBLIC_BASE_URL'),
    redisUrl: read(env, 'REDIS_URL'),
    // In development a sandbox operator exists out of the box (its password is generated once into
    // DATA_DIR/secrets.json and printed at start); production needs ADMIN_EMAIL/ADMIN_PASSWORD or the CLI.
    adminEmail: adminEmail ?? (nodeEnv === 'development' ? 'admin@vendra.local' : undefined),
    adminPassword:
      read(env, 'ADMIN_PASSWORD') ??
      (devAdminDefault ? storedSecret(dataDir, 'SANDBOX_ADMIN_PASSWORD').slice(0, 20) : undefined),
    ledgerBatchWindowMs: read(env, 'LEDGER_BATCH_WINDOW_MS'),
    ledgerBatchMaxItems: read(env, 'LEDGER_BATCH_MAX_ITEMS'),
    ledgerBatchMaxInFlight: read(env, 'LEDGER_BATCH_MAX_IN_FLIGHT'),
    holdSweepIntervalMs: read(env, 'HOLD_SWEEP_INTERVAL_MS'),
    billCacheTtlMs: read(env, 'BILL_CACHE_TTL_MS'),
    reconciliationNightly: read(env, 'RECONCILIATION_NIGHTLY') === 'on',
    settlementGraceMs: read(env, 'SETTLEMENT_GRACE_MS'),
    floatCheckIntervalMs: read(env, 'FLOAT_CHECK_INTERVAL_MS'),
    workerPollIntervalMs: read(env, 'WORKER_POLL_INTERVAL_MS'),
    shutdownTimeoutMs: read(env, 'SHUTDOWN_TIMEOUT_MS'),
    outboxLeaseMs: read(env, 'OUTBOX_LEASE_MS'),
    outboxConcurrency: read(env, 'OUTBOX_CONCURRENCY'),
    outboxLiveConcurrency: read(env, 'OUTBOX_LIVE_CONCURRENCY'),
    vtpassWebhookSecret: read(env, 'VTPASS_WEBHOOK_SECRET'),
    allowSandbox: read(env, 'ALLOW_SANDBOX'),
    sandboxCampaign: sandboxCampaignOf(env, nodeEnv, gatewayMode),
    payoutMode: read(env, 'PAYOUT_MODE'),
    notifyMode,
    smsMode,
    termiiBaseUrl: read(env, 'TERMII_BASE_URL') ?? 'https://api.ng.termii.com',
    termiiApiKey: read(env, 'TERMII_API_KEY'),
    termiiSenderId: read(env, 'TERMII_SENDER_ID'),
    metricsToken: read(env, 'METRICS_TOKEN'),
    metricsPort,
    adminPromote: read(env, 'ADMIN_PROMOTE'),
    ledgerBatchMaxQueued: read(env, 'LEDGER_BATCH_MAX_QUEUED'),
    rateLimits: rateLimitsOf(env),
    trustProxy: trustProxyVar(env, nodeEnv),
    ...providerSettings(env),
    providerSim: readSimKnobs(env),
    payoutSimPendingMs: read(env, 'PAYOUT_SIM_PENDING_MS'),
    ...backOfficeConfig(env),
    smtpUrl: read(env, 'SMTP_URL'),
    smtpFrom: read(env, 'SMTP_FROM'),
    support: supportOf(env),
    webDistDir: optionalPath(read(env, 'WEB_DIST_DIR')),
    devAdminDefault,
    kyc: kycConfig(env, nodeEnv, dataDir),
  };
}

/** The bill providers' settings: timeouts, limits, requery and breaker, the VTpass endpoints and keys. */
function providerSettings(env: Env) {
  return {
    providerTimeoutMs: read(env, 'PROVIDER_TIMEOUT_MS'),
    providerMaxInFlight: read(env, 'PROVIDER_MAX_IN_FLIGHT'),
    providerResolveLimitMs: read(env, 'PROVIDER_RESOLVE_LIMIT_MS'),
    providerUnknownGraceMs: read(env, 'PROVIDER_UNKNOWN_GRACE_MS'),
    providerRequeryBaseMs: read(env, 'PROVIDER_REQUERY_BASE_MS'),
    providerRequeryMaxMs: read(env, 'PROVIDER_REQUERY_MAX_MS'),
    providerBreakerFailures: read(env, 'PROVIDER_BREAKER_FAILURES'),
    providerBreakerCooldownMs: read(env, 'PROVIDER_BREAKER_COOLDOWN_MS'),
    vtpassBaseUrl: read(env, 'VTPASS_BASE_URL'),
    vtpassBBaseUrl: read(env, 'VTPASS_B_BASE_URL'),
    vtpassApiKey: read(env, 'VTPASS_API_KEY'),
    vtpassSecretKey: read(env, 'VTPASS_SECRET_KEY'),
    vtpassPublicKey: read(env, 'VTPASS_PUBLIC_KEY'),
  };
}

const optionalPath = (path: string | undefined) => (path === undefined ? undefined : resolve(path));

function readSimKnobs(env: Env): ProviderSimConfig {
  return {
    latencyMs: read(env, 'PROVIDER_SIM_LATENCY_MS'),
    failureRate: read(env, 'PROVIDER_SIM_FAILURE_RATE'),
    pendingRate: read(env, 'PROVIDER_SIM_PENDING_RATE'),
    lostResponseRate: read(env, 'PROVIDER_SIM_LOST_RESPONSE_RATE'),
    pendingMs: read(env, 'PROVIDER_SIM_PENDING_MS'),
    timeoutMs: read(env, 'PROVIDER_SIM_TIMEOUT_MS'),
    reversalMs: read(env, 'PROVIDER_SIM_REVERSAL_MS'),
    duplicateWindowMs: read(env, 'PROVIDER_SIM_DUPLICATE_WINDOW_MS'),
    webhookUrl: read(env, 'PROVIDER_SIM_WEBHOOK_URL') ?? null,
    profile: read(env, 'PROVIDER_SIM_PROFILE'),
    commissionBps: null,
    commissionFlatMinor: null,
    balanceDriftMinor: 0,
    floatEnforced: false,
  };
}

/** The standalone VTpass simulator (`npm run provider-sim`). Unset credentials: the sandbox ones. */
export interface SimConfig extends ProviderSimConfig {
  host: string;
  port: number;
  name: string;
  apiKey: string | undefined;
  secretKey: string | undefined;
  publicKey: string | undefined;
  logLevel: LogLevel;
}

export function loadSimConfig(env: Env = process.env): SimConfig {
  checkAll(env, 'sim');
  return {
    ...readSimKnobs(env),
    host: read(env, 'PROVIDER_SIM_HOST'),
    port: read(env, 'PROVIDER_SIM_PORT'),
    name: read(env, 'PROVIDER_SIM_NAME'),
    apiKey: read(env, 'VTPASS_API_KEY'),
    secretKey: read(env, 'VTPASS_SECRET_KEY'),
    publicKey: read(env, 'VTPASS_PUBLIC_KEY'),
    logLevel: read(env, 'LOG_LEVEL'),
  };
}

/** `npm run bench`. */
export interface BenchConfig {
  databaseUrl: string;
  seconds: number;
}

export function loadBenchConfig(env: Env = process.env): BenchConfig {
  checkAll(env, 'bench');
  return {
    databaseUrl: read(env, 'BENCH_DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    seconds: read(env, 'BENCH_SECONDS'),
  };
}

function missing(name: string, when: string): never {
  throw new ConfigError(name, `is required when ${when}`);
}

const SANDBOX_HOSTS = new Set(['sandbox.vtpass.com']);

/** The simulators in use (each names the variable that selects it); empty when every component is real. */
function simulatorsInUse(env: Env) {
  const found: { variable: string; why: string }[] = [];
  const sim = (variable: string, why: string) => found.push({ variable, why });
  if (read(env, 'GATEWAY_MODE') === 'sandbox')
    sim(
      'GATEWAY_MODE',
      'is sandbox: its unauthenticated checkout credits any deposit (set GATEWAY_MODE=paystack)',
    );
  if (!read(env, 'VTPASS_BASE_URL'))
    sim('VTPASS_BASE_URL', 'is unset: bill payments would go to in-process simulators');
  for (const name of ['VTPASS_BASE_URL', 'VTPASS_B_BASE_URL'] as const) {
    const url = read(env, name);
    if (url && SANDBOX_HOSTS.has(new URL(url).hostname)) sim(name, "points at VTpass's sandbox");
  }
  for (const name of ['VTPASS_API_KEY', 'VTPASS_SECRET_KEY', 'VTPASS_PUBLIC_KEY'] as const) {
    if (!read(env, name)) sim(name, 'is unset: the VTpass sandbox credentials would be used');
  }
  if (read(env, 'PAYOUT_MODE') === 'sandbox')
    sim('PAYOUT_MODE', 'is sandbox: withdrawals would be paid by the simulator (set PAYOUT_MODE=disabled)');
  if (read(env, 'NOTIFY_MODE') === 'sandbox')
    sim('NOTIFY_MODE', 'is sandbox: emails would be kept in the sandbox inbox, not sent');
  if (read(env, 'SMS_MODE') === 'sandbox')
    sim('SMS_MODE', 'is sandbox: SMS would be kept in the sandbox inbox, not sent');
  if (read(env, 'KYC_PROVIDER') === 'sandbox')
    sim('KYC_PROVIDER', 'is sandbox: any test BVN or NIN would verify anyone (set KYC_PROVIDER=dojah)');
  return found;
}

/** The sandbox campaign: on by default in development with the sandbox gateway; never in production. */
function sandboxCampaignOf(env: Env, nodeEnv: Config['nodeEnv'], gatewayMode: string): boolean {
  const given = read(env, 'SANDBOX_CAMPAIGN');
  if (nodeEnv === 'production') {
    if (given === 'on')
      throw new ConfigError('SANDBOX_CAMPAIGN', 'is a sandbox seed: refused when NODE_ENV=production');
    return false;
  }
  return given === undefined ? nodeEnv === 'development' && gatewayMode === 'sandbox' : given === 'on';
}

/**
 * What production refuses to start without: no simulator unless ALLOW_SANDBOX=true,
 * a public base URL, a chosen notification channel, and /metrics behind a token on its own port.
 */
function checkProduction(env: Env) {
  const first = simulatorsInUse(env)[0];
  if (first && !read(env, 'ALLOW_SANDBOX')) {
    throw new ConfigError(
      first.variable,
      `${first.why}; NODE_ENV=production refuses simulators unless ALLOW_SANDBOX=true`,
    );
  }
  const when = 'NODE_ENV=production';
  if (!read(env, 'PUBLIC_BASE_URL')) missing('PUBLIC_BASE_URL', when);
  if (!read(env, 'NOTIFY_MODE') && !read(env, 'SMTP_URL'))
    missing('SMTP_URL', `${when} (or set NOTIFY_MODE=log explicitly)`);
  if (!read(env, 'SMS_MODE') && !read(env, 'TERMII_API_KEY'))
    missing('TERMII_API_KEY', `${when} (or set SMS_MODE=log explicitly)`);
  if (!read(env, 'METRICS_TOKEN')) missing('METRICS_TOKEN', when);
  if (read(env, 'METRICS_PORT') === undefined) missing('METRICS_PORT', when);
}
