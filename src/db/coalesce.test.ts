/** Group commit for single-item callers: concurrent calls share one batch; alone, a call runs at once. */
import { describe, expect, it } from 'vitest';
import { coalesce } from './coalesce.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesce', () => {
  it('runs calls made together as one batch, results in order', async () => {
    const batches: number[][] = [];
    const double = coalesce(
      async (items: number[]) => {
        batches.push(items);
        return items.map((i) => i * 2);
      },
      { maxItems: 10, maxInFlight: 1 },
    );
    expect(await Promise.all([1, 2, 3].map(double))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers the calls made while a batch runs into the next, at most maxItems each', async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const echo = coalesce(
      async (items: number[]) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items;
      },
      { maxItems: 2, maxInFlight: 1 },
    );
    const first = echo(0);
    await tick();
    const later = [1, 2, 3].map(echo);
    await tick();
    expect(batches).toEqual([[0]]); // the others wait for the running batch
    release();
    expect(await Promise.all([first, ...later])).toEqual([0, 1, 2, 3]);
    expect(batches).toEqual([[0], [1, 2], [3]]);
  });

  it('a failing batch fails its callers, or with `alone` runs each item by itself', async () => {
    const failing = coalesce(
      async (): Promise<number[]> => {
        throw new Error('batch failed');
      },
      { maxItems: 10, maxInFlight: 1 },
    );
    await expect(Promise.all([failing(1), failing(2)])).rejects.toThrow('batch failed');

    const fallbacks: number[] = [];
    const careful = coalesce(
      async (items: number[]) => {
        if (items.includes(13)) throw new Error('one bad item');
        return items;
      },
      {
        maxItems: 10,
        maxInFlight: 1,
        alone: async (item) => {
          if (item === 13) throw new Error('13 alone');
          return item;
        },
        onFallback: (_error, items) => fallbacks.push(items),
      },
    );
    const results = await Promise.allSettled([careful(12), careful(13), careful(14)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(fallbacks).toEqual([3]);
  });

  it('refuses a result count that does not match the batch', async () => {
    const wrong = coalesce(async () => [1], { maxItems: 10, maxInFlight: 1 });
    await expect(Promise.all([wrong(1), wrong(2)])).rejects.toThrow(/result count/);
  });
});
