import type { Logger } from '../log.js';

/** A periodic background task. run() returns how much it did; a busy task runs again at once. */
export interface Task {
  name: string;
  intervalMs: number;
  run(): Promise<number>;
  /**
   * Optional: called once when the scheduler starts the task. `wake` cuts the
   * task's idle sleep short (e.g. on a NOTIFY), so new work is picked up in
   * milliseconds rather than after intervalMs. Returns the function that stops
   * whatever start() set up.
   */
  start?(wake: () => void): Promise<() => Promise<void>>;
}

/**
 * Runs each task in its own loop until stop() is called. A task that did work
 * runs again immediately (it may have more); an idle one sleeps intervalMs.
 * A failing task is logged and retried after its interval: one bad task never
 * stops the others (and always waits its interval). A wake-up that arrives while the task is running is
 * remembered, so the task runs again at once instead of sleeping.
 */
export function startScheduler(tasks: Task[], log: Logger) {
  let stopping = false;
  const wakers = new Set<() => void>();
  const stoppers: Promise<(() => Promise<void>) | undefined>[] = [];

  const loops = tasks.map(async (task) => {
    let woken = false;
    let wakeSleeper: (() => void) | undefined;
    const wake = () => {
      woken = true;
      wakeSleeper?.();
    };
    wakers.add(wake);
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeSleeper = undefined;
          resolve();
        }
        wakeSleeper = done;
      });

    if (task.start) {
      const started = task.start(wake).catch((error) => {
        log.error({ err: error, task: task.name }, 'worker task could not start its wake-up source');
        return undefined;
      });
      stoppers.push(started);
      await started;
    }
    while (!stopping) {
      woken = false;
      let did = 0;
      let failed = false;
      try {
        did = await task.run();
      } catch (error) {
        failed = true;
        log.error({ err: error, task: task.name }, 'worker task failed');
      }
      // A failing task always waits its interval, even when woken: no hot loop on errors.
      if (!stopping && (failed || (did === 0 && !woken))) await sleep(task.intervalMs);
    }
  });

  return {
    /** Wakes every task now (new work was enqueued). */
    poke() {
      for (const wake of [...wakers]) wake();
    },
    async stop() {
      stopping = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
      const stops = await Promise.all(stoppers);
      await Promise.all(stops.map((s) => s?.().catch(() => {})));
    },
  };
}
