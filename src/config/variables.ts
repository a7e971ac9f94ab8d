import { isIP } from 'node:net';

/**
 * Every environment variable Vendra reads: its default, its meaning and its
 * parser with bounds. Nothing else reads the environment; loadConfig
 * (src/config.ts) reads it through this list, and src/config.test.ts checks
 * `.env.example` and the README's configuration table against it.
 */

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

export type Env = Readonly<Record<string, string | undefined>>;

/** The programs that read a variable: the server (`npm start`, CLIs), the standalone simulator, the bench. */
export type Program = 'server' | 'sim' | 'bench';

export type Kind = 'int' | 'float' | 'choice' | 'url' | 'text';

export interface Variable<T> {
  kind: Kind;
  /** The default as the README shows it: a value in backticks, `unset`, `generated`, or a rule. */
  default: string;
  meaning: string;
  programs: readonly Program[];
  /** int, float: the value's bounds; text: the length's bounds. */
  min?: number;
  max?: number;
  choices?: readonly string[];
  protocols?: readonly string[];
  /** The raw value ('' counts as unset) to the typed one; a bad value throws ConfigError(name). */
  parse(name: string, raw: string | undefined): T;
}

const SERVER: readonly Program[] = ['server'];
const SERVER_AND_SIM: readonly Program[] = ['server', 'sim'];
const SIM: readonly Program[] = ['sim'];
const BENCH: readonly Program[] = ['bench'];

const MAX_URL_CHARS = 2048;
const MAX_PATH_CHARS = 4096;
const MAX_KEY_CHARS = 256;
const MAX_SECRET_CHARS = 1024;
/** Simulator delays: the same bound as POST /_sim/knobs. */
const MAX_SIM_DELAY_MS = 600_000;

const unset = (raw: string | undefined): raw is undefined | '' => raw === undefined || raw === '';
const code = (value: string | number) => `\`${value}\``;

function parseInteger(name: string, raw: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function parseChoice<T extends string>(name: string, raw: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(raw))
    throw new ConfigError(name, `must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw as T;
}

function parseUrl(name: string, raw: string, protocols: readonly string[]): string {
  if (raw.length > MAX_URL_CHARS) throw new ConfigError(name, `must be at most ${MAX_URL_CHARS} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol))
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${url.protocol}`);
  return raw;
}

function int(
  fallback: number,
  min: number,
  max: number,
  meaning: string,
  programs = SERVER,
): Variable<number> {
  return {
    kind: 'int',
    default: code(fallback),
    meaning,
    programs,
    min,
    max,
    parse: (name, raw) => (unset(raw) ? fallback : parseInteger(name, raw, min, max)),
  };
}

function optionalInt(min: number, max: number, meaning: string): Variable<number | undefined> {
  return {
    kind: 'int',
    default: 'unset',
    meaning,
    programs: SERVER,
    min,
    max,
    parse: (name, raw) => (unset(raw) ? undefined : parseInteger(name, raw, min, max)),
  };
}

function rate(meaning: string): Variable<number> {
  return {
    kind: 'float',
    default: code(0),
    meaning,
    programs: SERVER_AND_SIM,
    min: 0,
    max: 1,
    parse(name, raw) {
      if (unset(raw)) return 0;
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new ConfigError(name, `must be a number, got "${raw}"`);
      if (value < 0 || value > 1) throw new ConfigError(name, `must be between 0 and 1, got ${value}`);
      return value;
    },
  };
}

function choice<T extends string>(
  choices: readonly T[],
  fallback: T,
  meaning: string,
  programs = SERVER,
): Variable<T> {
  return {
    kind: 'choice',
    default: code(fallback),
    meaning,
    programs,
    choices,
    parse: (name, raw) => (unset(raw) ? fallback : parseChoice(name, raw, choices)),
  };
}

/** A choice whose default depends on other variables (documented in `default`). */
function optionalChoice<T extends string>(
  choices: readonly T[],
  defaultRule: string,
  meaning: string,
): Variable<T | undefined> {
  return {
    kind: 'choice',
    default: defaultRule,
    meaning,
    programs: SERVER,
    choices,
    parse: (name, raw) => (unset(raw) ? undefined : parseChoice(name, raw, choices)),
  };
}

function flag(meaning: string): Variable<boolean> {
  const inner = choice(['true', 'false'] as const, 'false', meaning);
  return { ...inner, parse: (name, raw) => inner.parse(name, raw) === 'true' };
}

function url(
  protocols: readonly string[],
  meaning: string,
  options: { default?: string; programs?: readonly Program[] } = {},
): Variable<string | undefined> {
  return {
    kind: 'url',
    default: options.default ?? 'unset',
    meaning,
    programs: options.programs ?? SERVER,
    protocols,
    max: MAX_URL_CHARS,
    parse: (name, raw) => (unset(raw) ? undefined : parseUrl(name, raw, protocols)),
  };
}

interface TextRules {
  min?: number;
  max: number;
  /** What every character must match, and how the error says it. */
  pattern?: RegExp;
  rule?: string;
  default?: string;
  programs?: readonly Program[];
}

function text(meaning: string, rules: TextRules): Variable<string | undefined> {
  const min = rules.min ?? 1;
  const rule = rules.rule ?? `must be ${min} to ${rules.max} characters`;
  return {
    kind: 'text',
    default: rules.default ?? 'unset',
    meaning,
    programs: rules.programs ?? SERVER,
    min,
    max: rules.max,
    parse(name, raw) {
      if (unset(raw)) return undefined;
      if (raw.length < min || raw.length > rules.max || (rules.pattern && !rules.pattern.test(raw)))
        throw new ConfigError(name, rule);
      return raw;
    },
  };
}

function textOr(fallback: string, meaning: string, rules: TextRules): Variable<string> {
  const inner = text(meaning, rules);
  return { ...inner, default: code(fallback), parse: (name, raw) => inner.parse(name, raw) ?? fallback };
}

/** Signing secrets: at least 32 characters; generated in development (see loadConfig). */
function signingSecret(meaning: string): Variable<string | undefined> {
  return text(meaning, {
    min: 32,
    max: MAX_SECRET_CHARS,
    rule: `must be 32 to ${MAX_SECRET_CHARS} characters`,
    default: 'generated',
  });
}

/** Upper bound of every RATE_LIMIT_* variable; the test helpers and the bench use it. */
export const RATE_LIMIT_MAX = 1_000_000;
const rateLimit = (fallback: number, meaning: string) => int(fallback, 1, RATE_LIMIT_MAX, meaning);

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_PROXY_HOPS = 10;
const MAX_PROXY_ENTRIES = 32;
const MAX_PROXY_CHARS = 2048;

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
 * proxies' addresses or CIDRs. `true` (any X-Forwarded-For) is kept as `'any'`
 * here: loadConfig refuses it in production and reads it as one hop elsewhere.
 */
export type TrustProxySetting = false | number | string[] | 'any';

function parseTrustProxy(name: string, given: string | undefined): TrustProxySetting {
  const raw = (given ?? '').trim();
  if (raw.length > MAX_PROXY_CHARS)
    throw new ConfigError(name, `must be at most ${MAX_PROXY_CHARS} characters`);
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return 'any';
  if (/^\d+$/.test(raw)) {
    const hops = parseInteger(name, raw, 0, MAX_PROXY_HOPS);
    return hops === 0 ? false : hops;
  }
  const entries = raw.split(',').map((e) => e.trim());
  if (entries.length > MAX_PROXY_ENTRIES)
    throw new ConfigError(name, `lists at most ${MAX_PROXY_ENTRIES} proxies, got ${entries.length}`);
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined)
    throw new ConfigError(
      name,
      `must be a hop count (0-${MAX_PROXY_HOPS}) or comma-separated IP addresses/CIDRs, got "${bad}"`,
    );
  return entries;
}

const vtpassKey = (meaning: string) =>
  text(meaning, { max: MAX_KEY_CHARS, default: 'sandbox keys', programs: SERVER_AND_SIM });
const simDelay = (fallback: number, meaning: string) =>
  int(fallback, 0, MAX_SIM_DELAY_MS, meaning, SERVER_AND_SIM);
const NO_SPACES = /^\S+$/;

export const ROLES = ['api', 'worker', 'all'] as const;
export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const GATEWAY_MODES = ['sandbox', 'paystack'] as const;
export const PAYOUT_MODES = ['sandbox', 'paystack', 'disabled'] as const;
export const NOTIFY_MODES = ['sandbox', 'smtp', 'log'] as const;
export const SMS_MODES = ['sandbox', 'termii', 'log'] as const;
export const SIM_PROFILES = ['default', 'vtpass-sandbox'] as const;
export const KYC_PROVIDERS = ['sandbox', 'dojah'] as const;

/** KYC_ENCRYPTION_KEY: 32 bytes, base64 (44 characters with padding). */
const KYC_KEY_CHARS = 44;
function encryptionKey(meaning: string): Variable<string | undefined> {
  return {
    kind: 'text',
    default: 'generated',
    meaning,
    programs: SERVER,
    min: KYC_KEY_CHARS,
    max: KYC_KEY_CHARS,
    parse(name, raw) {
      if (unset(raw)) return undefined;
      const bytes = /^[A-Za-z0-9+/]{43}=$/.test(raw) ? Buffer.from(raw, 'base64') : undefined;
      if (bytes?.length !== 32) throw new ConfigError(name, 'must be 32 bytes in base64 (44 characters)');
      return raw;
    },
  };
}

/** The list, in the order of the README's table. */
export const VARIABLES = {
  ROLE: choice(ROLES, 'all', '`api`, `worker` or `all`'),
  HOST: textOr('127.0.0.1', 'where the API (and `METRICS_PORT`) listens', {
    max: 255,
    pattern: NO_SPACES,
    rule: 'must be a host name or address (no spaces, at most 255 characters)',
  }),
  PORT: int(3000, 0, 65535, 'the API port'),
  NODE_ENV: choice(
    NODE_ENVS,
    'development',
    '`production` requires `JWT_SECRET`, `PIN_HMAC_KEY`, `KYC_ENCRYPTION_KEY`, `PUBLIC_BASE_URL`, a notification channel, `METRICS_TOKEN` and `METRICS_PORT`, and refuses simulators unless `ALLOW_SANDBOX=true`',
  ),
  SANDBOX_CAMPAIGN: optionalChoice(
    ['on', 'off'] as const,
    '`on` when `NODE_ENV=development` and `GATEWAY_MODE=sandbox`, else `off`',
    '`on`: seed and run the sandbox promotion "2% back on electricity, capped at ₦200" (funded from the promotions treasury); refused in production',
  ),
  ALLOW_SANDBOX: flag(
    '`true`: production may run the simulators (gateway, bill providers, payouts, identity)',
  ),
  TRUST_PROXY: {
    kind: 'text',
    default: 'unset',
    meaning:
      "who may set `X-Forwarded-For`: unset = nobody; a hop count (`1`: one proxy in front); or the proxies' addresses/CIDRs, comma-separated (`true` is refused in production)",
    programs: SERVER,
    min: 1,
    max: MAX_PROXY_CHARS,
    parse: parseTrustProxy,
  } satisfies Variable<TrustProxySetting>,
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'PostgreSQL; unset = PGlite in `DATA_DIR/pglite`'),
  DATA_DIR: textOr('./data', 'PGlite data and the development secrets file', { max: MAX_PATH_CHARS }),
  DB_POOL_SIZE: int(16, 1, 200, 'PostgreSQL connections per process'),
  JWT_SECRET: signingSecret(
    'signs access tokens; at least 32 characters, required in production (development: generated once into `DATA_DIR/secrets.json`)',
  ),
  PIN_HMAC_KEY: signingSecret(
    'the server-side key of the transaction PINs (HMAC-SHA256; the database alone gives no PIN away); at least 32 characters, required in production (development: generated once into `DATA_DIR/secrets.json`); changing it invalidates every PIN',
  ),
  GATEWAY_SANDBOX_SECRET: signingSecret(
    'signs the sandbox gateway webhooks; at least 32 characters (generated like `JWT_SECRET`)',
  ),
  ADMIN_EMAIL: text('first admin, created (or promoted) at start', {
    max: 254,
    default: '`admin@vendra.local` in development',
  }),
  ADMIN_PASSWORD: text("the first admin's password", {
    max: MAX_SECRET_CHARS,
    default: 'generated in development',
  }),
  ADMIN_PROMOTE: flag('`true`: `ADMIN_EMAIL` may take over an existing customer account'),
  GATEWAY_MODE: choice(
    GATEWAY_MODES,
    'sandbox',
    '`sandbox` (built-in simulator) or `paystack` (needs `PAYSTACK_SECRET_KEY`)',
  ),
  PAYSTACK_SECRET_KEY: text('Paystack secret key (required with `GATEWAY_MODE=paystack`)', {
    max: MAX_KEY_CHARS,
  }),
  PAYSTACK_BASE_URL: url(
    ['http:', 'https:'],
    'the Paystack API (or a standalone Paystack-compatible simulator)',
    {
      default: '`https://api.paystack.co`',
    },
  ),
  PUBLIC_BASE_URL: url(['http:', 'https:'], 'base for checkout URLs (required in production)', {
    default: 'request host',
  }),
  DEPOSIT_VERIFY_AFTER_MS: int(
    30 * 60_000,
    1_000,
    86_400_000,
    'a card deposit still pending this long after its checkout is verified with the gateway',
  ),
  DEPOSIT_ABANDON_AFTER_MS: int(
    24 * 3_600_000,
    60_000,
    30 * 86_400_000,
    'a pending card deposit the gateway does not know (or calls abandoned) this long after its checkout is failed',
  ),
  PAYOUT_MODE: choice(
    PAYOUT_MODES,
    'sandbox',
    '`sandbox` (Paystack-compatible simulator), `paystack` (Paystack Transfers; needs `PAYSTACK_SECRET_KEY`) or `disabled` (withdrawals 503)',
  ),
  PAYOUT_SIM_PENDING_MS: int(3000, 0, 3_600_000, 'delayed payouts in the payout simulator'),
  KYC_PROVIDER: choice(
    KYC_PROVIDERS,
    'sandbox',
    '`sandbox` (identity simulator: BVN `22222222222`, NIN `11111111111`) or `dojah` (needs `DOJAH_APP_ID`, `DOJAH_SECRET_KEY`)',
  ),
  KYC_ENCRYPTION_KEY: encryptionKey(
    'encrypts BVN, NIN and ID numbers at rest (AES-256-GCM): 32 bytes in base64; required in production (development: generated into `DATA_DIR/secrets.json`)',
  ),
  KYC_TIER1_REQUIRES_ID: flag(
    '`true`: a person with neither BVN nor NIN verified may not send money (post-no-debit)',
  ),
  KYC_TIMEOUT_MS: int(10_000, 100, 120_000, 'per request to the identity provider'),
  DOJAH_APP_ID: text('Dojah app id (required with `KYC_PROVIDER=dojah`)', { max: MAX_KEY_CHARS }),
  DOJAH_SECRET_KEY: text('Dojah secret key (required with `KYC_PROVIDER=dojah`)', { max: MAX_KEY_CHARS }),
  DOJAH_BASE_URL: url(['http:', 'https:'], 'the Dojah API', { default: '`https://api.dojah.io`' }),
  VTPASS_BASE_URL: url(
    ['http:', 'https:'],
    'a real VTpass (or a standalone simulator); unset = two in-process simulators',
  ),
  VTPASS_B_BASE_URL: url(['http:', 'https:'], 'a second VTpass-compatible provider (failover)'),
  VTPASS_API_KEY: vtpassKey('VTpass API key'),
  VTPASS_SECRET_KEY: vtpassKey('VTpass secret key'),
  VTPASS_PUBLIC_KEY: vtpassKey('VTpass public key'),
  VTPASS_WEBHOOK_SECRET: text('the VTpass webhook is then served only at `/v1/webhooks/vtpass/<secret>`', {
    min: 16,
    max: 128,
    pattern: /^[A-Za-z0-9_-]+$/,
    rule: 'must be 16-128 characters of A-Z, a-z, 0-9, "_" or "-"',
  }),
  PROVIDER_TIMEOUT_MS: int(15_000, 100, 600_000, 'per request to a provider'),
  PROVIDER_MAX_IN_FLIGHT: int(
    64,
    1,
    1024,
    'calls (vends, requeries) one worker has open at once with each bill provider; the rest wait their turn',
  ),
  PROVIDER_RESOLVE_LIMIT_MS: int(
    30 * 60_000,
    1_000,
    7 * 24 * 3600_000,
    'unresolved this long after sending -> `needs_review`',
  ),
  PROVIDER_UNKNOWN_GRACE_MS: int(
    10 * 60_000,
    0,
    24 * 3600_000,
    'still 015 (unknown) this long after sending -> never received -> `failed`',
  ),
  PROVIDER_REQUERY_BASE_MS: int(1_000, 10, 600_000, 'first requery delay (doubling)'),
  PROVIDER_REQUERY_MAX_MS: int(60_000, 100, 3_600_000, 'longest requery delay'),
  PROVIDER_BREAKER_FAILURES: int(5, 1, 1000, 'consecutive failures that open the circuit breaker'),
  PROVIDER_BREAKER_COOLDOWN_MS: int(30_000, 100, 3_600_000, 'how long the breaker stays open'),
  PROVIDER_SIM_LATENCY_MS: simDelay(0, 'simulator: delay before every answer'),
  PROVIDER_SIM_FAILURE_RATE: rate('simulator: share of vends that fail (016)'),
  PROVIDER_SIM_PENDING_RATE: rate('simulator: share of vends left pending (099)'),
  PROVIDER_SIM_LOST_RESPONSE_RATE: rate('simulator: share of vends whose answer is lost'),
  PROVIDER_SIM_PENDING_MS: simDelay(3000, 'simulator: how long a pending vend stays pending'),
  PROVIDER_SIM_TIMEOUT_MS: simDelay(60_000, 'simulator: how late the answer for `300000000000` comes'),
  PROVIDER_SIM_REVERSAL_MS: simDelay(3000, 'simulator: how long after delivery `4444444444444` is reversed'),
  PROVIDER_SIM_DUPLICATE_WINDOW_MS: simDelay(
    0,
    'simulator: same customer again within it answers 019; 0 = off',
  ),
  PROVIDER_SIM_WEBHOOK_URL: url(['http:', 'https:'], 'simulator: where its webhooks go', {
    default: 'none (in-process simulators: our webhook)',
    programs: SERVER_AND_SIM,
  }),
  PROVIDER_SIM_PROFILE: choice(
    SIM_PROFILES,
    'default',
    '`vtpass-sandbox` behaves strictly like VTpass sandbox',
    SERVER_AND_SIM,
  ),
  PROVIDER_SIM_HOST: textOr('127.0.0.1', 'standalone simulator (`npm run provider-sim`): its address', {
    max: 255,
    pattern: NO_SPACES,
    rule: 'must be a host name or address (no spaces, at most 255 characters)',
    programs: SIM,
  }),
  PROVIDER_SIM_PORT: int(3100, 0, 65535, 'standalone simulator: its port', SIM),
  PROVIDER_SIM_NAME: textOr('vtpass-sim', 'standalone simulator: its name in logs and calls', {
    max: 64,
    programs: SIM,
  }),
  RATE_LIMITS: choice(['on', 'off'] as const, 'on', '`off`: no request rate limits at all (load tests only)'),
  RATE_LIMIT_REGISTER_PER_MIN: rateLimit(5, 'registrations per client IP per minute'),
  RATE_LIMIT_LOGIN_PER_MIN: rateLimit(
    20,
    'logins per client IP per minute (failed logins are throttled separately)',
  ),
  RATE_LIMIT_REFRESH_PER_MIN: rateLimit(60, 'token refreshes per client IP per minute'),
  RATE_LIMIT_LOOKUP_PER_MIN: rateLimit(10, 'recipient lookups per user per minute'),
  RATE_LIMIT_LOOKUP_PER_DAY: rateLimit(100, 'recipient lookups per user per day'),
  RATE_LIMIT_VALIDATE_PER_MIN: rateLimit(
    20,
    'customer validations and payout account lookups per user per minute',
  ),
  RATE_LIMIT_RESEND_PER_HOUR: rateLimit(10, 'token re-sends per user per hour'),
  RATE_LIMIT_MONEY_PER_MIN: rateLimit(
    60,
    'each money-moving POST and each PIN change or reset, per user per minute',
  ),
  RATE_LIMIT_STREAM_TOKEN_PER_MIN: rateLimit(20, 'live event stream tokens per user per minute'),
  RATE_LIMIT_KYC_PER_HOUR: rateLimit(10, 'BVN, NIN and tier-3 submissions per user per hour'),
  RATE_LIMIT_FORGOT_PER_EMAIL_PER_HOUR: rateLimit(3, 'password-reset requests per email address per hour'),
  RATE_LIMIT_FORGOT_PER_IP_PER_HOUR: rateLimit(20, 'password-reset requests per client IP per hour'),
  RATE_LIMIT_VERIFY_SEND_PER_HOUR: rateLimit(
    5,
    'email verification links and phone codes sent per user per hour (each)',
  ),
  REDIS_URL: url(
    ['redis:', 'rediss:'],
    'customer-validation and bills-due caches and rate-limit counters (in memory when unset)',
  ),
  NOTIFY_MODE: optionalChoice(
    NOTIFY_MODES,
    '`smtp` when `SMTP_URL` is set, else `sandbox`',
    'where emails go: `sandbox` (stored, read at `/sandbox/inbox`), `smtp` or `log` (recipient and template only); production: set one, and `sandbox` needs `ALLOW_SANDBOX=true`',
  ),
  SMS_MODE: optionalChoice(
    SMS_MODES,
    '`termii` when `TERMII_API_KEY` is set, else `sandbox`',
    'where SMS go: `sandbox` (stored, read at `/sandbox/inbox`), `termii` or `log`; production: set one, and `sandbox` needs `ALLOW_SANDBOX=true`',
  ),
  TERMII_BASE_URL: url(['http:', 'https:'], 'the Termii SMS API', {
    default: '`https://api.ng.termii.com`',
  }),
  TERMII_API_KEY: text('Termii API key (required with `SMS_MODE=termii`; never logged)', {
    max: MAX_KEY_CHARS,
  }),
  TERMII_SENDER_ID: textOr('Vendra', 'the registered Termii sender id SMS come from', {
    min: 3,
    max: 11,
  }),
  SUPPORT_EMAIL: text(
    'where customers write to support (shown to a frozen account and under a frozen wallet; unset: not shown)',
    {
      max: 254,
      pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      rule: 'must be an email address',
    },
  ),
  SUPPORT_PHONE: text('the support phone number customers may call, as it is dialled (`+2348000000000`)', {
    max: 32,
    pattern: /^\+?[0-9 ()-]{5,32}$/,
    rule: 'must be a phone number (digits, spaces, +, -, parentheses)',
  }),
  SUPPORT_WHATSAPP: url(['https:'], 'a WhatsApp chat link for support (`https://wa.me/2348000000000`)'),
  SMTP_URL: url(['smtp:', 'smtps:'], 'mail server for token re-sends (`smtp:` or `smtps:`)'),
  SMTP_FROM: text('sender of those mails', {
    max: MAX_KEY_CHARS,
    default: '`Vendra <no-reply@vendra.local>`',
  }),
  ADJUSTMENT_ADMIN_ABOVE: int(
    10_000_000,
    0,
    1_000_000_000_000_000,
    'minor units: a manual refund or adjustment above this needs an admin (operators make smaller ones)',
  ),
  DISPUTE_SLA_DAYS: int(
    14,
    1,
    90,
    'days a dispute has to be resolved in (CBN complaint guidance: about two weeks); past it, it is overdue',
  ),
  METRICS_TOKEN: text('`/metrics` then requires `Authorization: Bearer <token>` (required in production)', {
    min: 16,
    max: 256,
    pattern: /^[\x21-\x7e]+$/,
    rule: 'must be 16 to 256 printable characters without spaces',
  }),
  METRICS_PORT: optionalInt(0, 65535, '`/metrics` on its own listener (`HOST`), not on `PORT` (production)'),
  LEDGER_BATCH_WINDOW_MS: int(1, 0, 1000, 'group commit: how long a batch waits for company'),
  LEDGER_BATCH_MAX_ITEMS: int(500, 1, 1000, 'group commit: items per batch'),
  LEDGER_BATCH_MAX_IN_FLIGHT: int(2, 1, 64, 'group commit: batches at once'),
  LEDGER_BATCH_MAX_QUEUED: int(10_000, 1, 1_000_000, 'items waiting for a batch; past it, 503 `overloaded`'),
  HOLD_SWEEP_INTERVAL_MS: int(5000, 100, 3_600_000, 'how often expired holds are voided'),
  BILL_CACHE_TTL_MS: int(
    900_000,
    100,
    86_400_000,
    "how long a linked account's bills fetched from the provider stay fresh (Redis when `REDIS_URL` is set, else memory); the worker fetches them again after it",
  ),
  RECONCILIATION_NIGHTLY: choice(
    ['on', 'off'] as const,
    'on',
    "sandbox: after Africa/Lagos midnight the worker reconciles each provider simulator's report of the day before",
  ),
  SETTLEMENT_GRACE_MS: int(
    3_600_000,
    0,
    86_400_000,
    'a settlement day (Africa/Lagos) is closed this long after its midnight; late events of the day land in it until then',
  ),
  FLOAT_CHECK_INTERVAL_MS: int(
    60_000,
    1_000,
    3_600_000,
    "how often each bill provider's own balance is read and compared with our float account",
  ),
  OUTBOX_LEASE_MS: int(
    60_000,
    1_000,
    3_600_000,
    'a claimed job returns to the queue this long after its worker died',
  ),
  OUTBOX_CONCURRENCY: int(128, 1, 1024, 'outbox jobs (vends, payouts) one worker runs at once'),
  OUTBOX_LIVE_CONCURRENCY: int(64, 1, 1024, 'live events one worker fans out at once'),
  WORKER_POLL_INTERVAL_MS: int(200, 10, 60_000, 'fallback poll; NOTIFY wakes the worker at once'),
  BODY_LIMIT_BYTES: int(64 * 1024, 1024, 10 * 1024 * 1024, 'request body limit'),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 100, 120_000, 'graceful shutdown deadline (SIGTERM)'),
  LOG_LEVEL: choice(LOG_LEVELS, 'info', `pino level: ${LOG_LEVELS.join(', ')}`, SERVER_AND_SIM),
  WEB_DIST_DIR: text('the built web app served at `/`', { max: MAX_PATH_CHARS, default: '`web/dist`' }),
  BENCH_DATABASE_URL: url(
    ['postgres:', 'postgresql:'],
    '`npm run bench`: the server it creates its databases on',
    {
      default: '`postgres://postgres@127.0.0.1:5432/postgres`',
      programs: BENCH,
    },
  ),
  BENCH_SECONDS: int(10, 1, 3600, '`npm run bench`: seconds per case (`--seconds` wins)', BENCH),
} as const satisfies Record<string, Variable<unknown>>;

export type VariableName = keyof typeof VARIABLES;
export type ValueOf<K extends VariableName> = ReturnType<(typeof VARIABLES)[K]['parse']>;

/** One variable's typed value. */
export function read<K extends VariableName>(env: Env, name: K): ValueOf<K> {
  return VARIABLES[name].parse(name, env[name]) as ValueOf<K>;
}

/** Parses every variable a program reads, so any bad value stops it at start, named. */
export function checkAll(env: Env, program: Program): void {
  for (const [name, variable] of Object.entries(VARIABLES) as [string, Variable<unknown>][]) {
    if (variable.programs.includes(program)) variable.parse(name, env[name]);
  }
}
