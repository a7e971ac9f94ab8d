import { Redis } from 'ioredis';
import type { AppContext } from '../context.js';
import { AppError } from '../errors/index.js';
import { defaultIsProviderFault } from '../providers/index.js';
import { checkCustomerRef, payableProduct } from './catalogue.js';

/** How long a validated customer is remembered. */
export const VALIDATION_TTL_MS = 5 * 60_000;
const MEMORY_CAP = 10_000;

export interface CustomerDetails {
  customerName: string;
  address: string | null;
  meterType: string | null;
  minimumAmount: bigint | null;
  arrears: bigint | null;
  canVend: boolean;
}

export interface Cache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

function memoryCache(): Cache {
  const entries = new Map<string, { value: string; expires: number }>();
  return {
    async get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.expires < Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    async set(key, value, ttlMs) {
      if (entries.size >= MEMORY_CAP) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, expires: Date.now() + ttlMs });
    },
    async close() {},
  };
}

function redisCache(url: string): Cache {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false, enableOfflineQueue: false });
  redis.on('error', () => {});
  return {
    async get(key) {
      try {
        return (await redis.get(`vendra:validate:${key}`)) ?? undefined;
      } catch {
        return undefined; // a cache outage must not stop payments
      }
    },
    async set(key, value, ttlMs) {
      await redis.set(`vendra:validate:${key}`, value, 'PX', ttlMs).catch(() => {});
    },
    async close() {
      redis.disconnect();
    },
  };
}

/** Redis when REDIS_URL is set, in memory otherwise. */
export function createValidationCache(redisUrl: string | undefined): Cache {
  return redisUrl ? redisCache(redisUrl) : memoryCache();
}

/**
 * Asks the biller's provider who the customer is (meter, phone, smartcard),
 * briefly cached. An unknown customer is 422 customer_not_found; a provider
 * that cannot answer is 503 (try again), never a guess.
 */
export async function validateCustomer(
  ctx: AppContext,
  cache: Cache,
  billerId: string,
  productCode: string,
  customerRef: string,
): Promise<CustomerDetails & { cached: boolean }> {
  const { biller } = await payableProduct(ctx.db, billerId, productCode);
  checkCustomerRef(biller.category, customerRef);
  const key = `${billerId}:${productCode}:${customerRef}`;
  const hit = await cache.get(key);
  if (hit) {
    const d = JSON.parse(hit) as Record<string, string | boolean | null>;
    return {
      customerName: d.customerName as string,
      address: (d.address as string) ?? null,
      meterType: (d.meterType as string) ?? null,
      minimumAmount: d.minimumAmount === null ? null : BigInt(d.minimumAmount as string),
      arrears: d.arrears === null ? null : BigInt(d.arrears as string),
      canVend: Boolean(d.canVend),
      cached: true,
    };
  }
  const router = ctx.providers?.router;
  const adapter = router?.pick(biller.providers);
  if (!router || !adapter)
    throw new AppError('providers_unavailable', `${biller.name} cannot be reached right now`);
  const r = await adapter.validateCustomer({
    serviceId: biller.serviceId,
    variationCode: productCode,
    customerRef,
  });
  router.record(adapter.name, 'validate', r);
  if (!r.ok) {
    // A refusal on the provider's side (float, credentials, biller down) is not the customer's answer.
    if (r.outcome === 'failed' && !defaultIsProviderFault('validate', r)) {
      throw new AppError('customer_not_found', `${biller.name} does not recognise ${customerRef}`);
    }
    throw new AppError(
      'validation_unavailable',
      `${biller.name} did not answer; try again`,
      {},
      { 'retry-after': '5' },
    );
  }
  const details: CustomerDetails = {
    customerName: r.customerName ?? 'Unknown customer',
    address: r.address ?? null,
    meterType: r.meterType ?? (biller.category === 'electricity' ? productCode.toUpperCase() : null),
    minimumAmount: r.minimumAmountMinor ?? null,
    arrears: r.arrearsMinor ?? null,
    canVend: r.canVend ?? true,
  };
  await cache.set(
    key,
    JSON.stringify(details, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
    VALIDATION_TTL_MS,
  );
  return { ...details, cached: false };
}
