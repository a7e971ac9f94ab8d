import rateLimitPlugin, { type RateLimitOptions, type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import type { RateLimits } from '../config.js';
import type { AppContext } from '../context.js';
import { AppError, errorResponses } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A second limit on the route (the plugin runs one per route), e.g. a daily cap beside a per-minute one. */
    rateLimitAlso?: RouteRateLimit;
  }
}

export type RouteRateLimit = RateLimitOptions | false;

type LimitName = keyof RateLimits;

/** Limits keyed per client IP; every other limit is per authenticated user. */
const PER_IP: ReadonlySet<LimitName> = new Set(['register', 'login', 'refresh', 'forgotPerIp']);

/** Redis commands of the limiter give up quickly: a slow or absent Redis must not slow the API. */
const REDIS_COMMAND_TIMEOUT_MS = 250;
const REDIS_CONNECT_TIMEOUT_MS = 1000;
/** At most one "Redis unavailable" warning per this interval. */
const REDIS_WARN_INTERVAL_MS = 30_000;
/** Counters kept by the in-memory store of one process; the least recently used go first. */
const MEMORY_STORE_MAX_KEYS = 100_000;

type StoreCallback = (error: Error | null, result: { current: number; ttl: number }) => void;

/**
 * Fixed-window counters in this process's memory (no REDIS_URL). The plugin's
 * own LocalStore answers with its live counter object, so requests that
 * arrive together all read the last one's count and are all refused; this
 * one answers a copy.
 */
class MemoryStore {
  private readonly counters: Map<string, { count: number; startMs: number }>;
  private readonly prefix: string;

  /** The plugin constructs the root store with its options; children share the root's map. */
  constructor(_pluginOptions?: unknown, parent?: { counters: MemoryStore['counters']; prefix: string }) {
    this.counters = parent?.counters ?? new Map();
    this.prefix = parent?.prefix ?? '';
  }

  incr(key: string, callback: StoreCallback, windowMs: number): void {
    const id = this.prefix + key;
    const nowMs = Date.now();
    let counter = this.counters.get(id);
    if (!counter || counter.startMs + windowMs <= nowMs) counter = { count: 0, startMs: nowMs };
    counter.count += 1;
    this.counters.delete(id); // re-inserted last: Map order is the LRU order
    this.counters.set(id, counter);
    if (this.counters.size > MEMORY_STORE_MAX_KEYS) this.counters.delete(this.counters.keys().next().value!);
    callback(null, { current: counter.count, ttl: counter.startMs + windowMs - nowMs });
  }

  child(options: { routeInfo: { method?: string; url?: string } }): MemoryStore {
    const prefix = `${this.prefix}${options.routeInfo.method}${options.routeInfo.url}-`;
    return new MemoryStore(undefined, { counters: this.counters, prefix });
  }
}

function rateLimited(seconds: number, after: string): AppError {
  const retryAfterSeconds = Math.max(1, seconds);
  return new AppError(
    'rate_limited',
    `Too many requests; retry in ${after}`,
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** The user for per-user limits: they run in preHandler, after authenticate has set request.auth. */
const byUser = (name: LimitName) => (request: FastifyRequest) =>
  `${name}:${request.auth?.userId ?? `ip:${request.ip}`}`;

/**
 * The route option for one named limit (`config: { rateLimit: rateLimit(ctx, 'money') }`),
 * or false when rate limits are off. Per-IP limits run in onRequest, before
 * any work; per-user ones in preHandler, after authentication.
 */
export function rateLimit(ctx: AppContext, name: LimitName): RouteRateLimit {
  const limit = ctx.config.rateLimits?.[name];
  if (!limit) return false;
  if (PER_IP.has(name)) return { max: limit.max, timeWindow: limit.windowMs, hook: 'onRequest' };
  return { max: limit.max, timeWindow: limit.windowMs, hook: 'preHandler', keyGenerator: byUser(name) };
}

function limiterRedis(ctx: AppContext, url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
  });
  let warnedAt = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - warnedAt < REDIS_WARN_INTERVAL_MS) return;
    warnedAt = Date.now();
    ctx.log.warn({ err: error.message }, 'rate limit store (Redis) unavailable; requests pass unlimited');
  });
  return redis;
}

/**
 * Registers @fastify/rate-limit with no global limit: routes opt in through
 * config.rateLimit (and config.rateLimitAlso). Counters live in Redis when
 * REDIS_URL is set, so every API process shares them, and in memory
 * otherwise. A failing store lets requests through (skipOnError): losing the
 * limiter must not take the API down.
 */
export async function registerRateLimits(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (!ctx.config.rateLimits) return;
  const redis = ctx.config.redisUrl ? limiterRedis(ctx, ctx.config.redisUrl) : undefined;
  const options: RateLimitPluginOptions = {
    global: false,
    skipOnError: true,
    nameSpace: 'vendra:rate-limit:',
    errorResponseBuilder: (_request, context) => rateLimited(Math.ceil(context.ttl / 1000), context.after),
    ...(redis ? { redis } : { store: MemoryStore as unknown as RateLimitPluginOptions['store'] }),
  };
  await app.register(rateLimitPlugin, options);
  if (redis) app.addHook('onClose', async () => redis.disconnect());
  addSecondLimits(app);
  documentLimits(app);
}

/** /docs lists 429 rate_limited on every limited route. */
function documentLimits(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { response?: Record<string, unknown> } | undefined;
    if (!schema || !(route.config?.rateLimit || route.config?.rateLimitAlso)) return;
    const listed = schema.response?.['429'] as { description?: string } | undefined;
    if (listed?.description) listed.description += ', rate_limited';
    else schema.response = { ...errorResponses({ 429: ['rate_limited'] }), ...schema.response };
  });
}

/** Routes with config.rateLimitAlso get that limit too, checked after the first (same hook). */
function addSecondLimits(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const options = route.config?.rateLimitAlso;
    if (!options) return;
    const check = app.createRateLimit(options);
    const hook = async (request: FastifyRequest) => {
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded)
        throw rateLimited(result.ttlInSeconds, `${result.ttlInSeconds} seconds`);
    };
    const name = options.hook === 'onRequest' ? 'onRequest' : 'preHandler';
    const existing = route[name];
    route[name] = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), hook];
  });
}
