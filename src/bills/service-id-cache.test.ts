import { describe, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { SERVICE_ID_CACHE_MAX, serviceIdCacheSize, serviceIdOf } from './vend.js';

describe('the vend service-id cache', () => {
  it(`holds at most ${SERVICE_ID_CACHE_MAX} billers, evicting the oldest first`, async () => {
    const asked: string[] = [];
    const db = {
      async query(_sql: string, params: unknown[]) {
        asked.push(params[0] as string);
        return { rows: [{ service_id: `svc-${params[0]}` }], rowCount: 1 };
      },
    } as unknown as Db;
    const ctx = { db };
    const ids = Array.from({ length: SERVICE_ID_CACHE_MAX + 50 }, (_, k) => `biller-${k}`);
    for (const id of ids) expect(await serviceIdOf(ctx, id)).toBe(`svc-${id}`);
    expect(serviceIdCacheSize()).toBe(SERVICE_ID_CACHE_MAX);
    expect(asked).toHaveLength(ids.length);

    // The newest entries are still cached: no query.
    const newest = ids.at(-1) as string;
    expect(await serviceIdOf(ctx, newest)).toBe(`svc-${newest}`);
    expect(asked).toHaveLength(ids.length);
    // The oldest was evicted: read again, and the cache stays at its bound.
    expect(await serviceIdOf(ctx, 'biller-0')).toBe('svc-biller-0');
    expect(asked.at(-1)).toBe('biller-0');
    expect(serviceIdCacheSize()).toBe(SERVICE_ID_CACHE_MAX);
  });
});
