/**
 * Group commit for callers that each have one item: calls made while a batch
 * is running (or in the same turn of the event loop) are gathered and handed
 * to `run` together, so many callers share one round trip. Alone, a call
 * runs at once (no window to wait out); under load, batches grow by
 * themselves.
 */
export interface CoalesceOptions {
  /** Most items in one batch. */
  maxItems: number;
  /** Batches running at once. */
  maxInFlight: number;
}

export interface CoalesceFallback<I, O> extends CoalesceOptions {
  /**
   * When a batch fails as a whole (one bad member, a deadlock), each of its
   * items runs again alone with this, and gets its own result or error.
   */
  alone?: (item: I) => Promise<O>;
  /** Told when a batch failed as a whole and its items run alone. */
  onFallback?: (error: unknown, items: number) => void;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Returns the function callers use: it queues the item and resolves with the
 * item's result once its batch has run. `run` gets the items in call order and
 * returns one result per item, in order; when it throws, every caller in that
 * batch gets the error (or, with `alone`, its item's own outcome).
 */
export function coalesce<I, O>(
  run: (items: I[]) => Promise<O[]>,
  options: CoalesceFallback<I, O>,
): (item: I) => Promise<O> {
  if (!Number.isInteger(options.maxItems) || options.maxItems < 1) throw new Error('coalesce: bad maxItems');
  if (!Number.isInteger(options.maxInFlight) || options.maxInFlight < 1)
    throw new Error('coalesce: bad maxInFlight');
  let queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const runBatch = async (batch: Waiting<I, O>[]) => {
    try {
      const results = await run(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error('coalesce: result count does not match the batch');
      batch.forEach((w, i) => {
        w.resolve(results[i] as O);
      });
    } catch (error) {
      const { alone } = options;
      if (!alone) {
        for (const w of batch) w.reject(error);
        return;
      }
      try {
        options.onFallback?.(error, batch.length);
      } catch {
        // A failing observer must not leave the callers waiting.
      }
      await Promise.all(batch.map((w) => alone(w.item).then(w.resolve, w.reject)));
    }
  };

  const flush = () => {
    scheduled = false;
    while (queue.length > 0 && inFlight < options.maxInFlight) {
      const batch = queue.slice(0, options.maxItems);
      queue = queue.slice(batch.length);
      inFlight++;
      void runBatch(batch).finally(() => {
        inFlight--;
        schedule();
      });
    }
  };

  // After the current turn, so that callers woken together (one claimed batch
  // of deliveries, one set of provider answers) land in one batch.
  function schedule() {
    if (scheduled || queue.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    setImmediate(flush);
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}
