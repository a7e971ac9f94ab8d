import type { Logger } from '../log.js';

/** A periodic background task. run() returns how much it did; a busy task runs again at once. */
export interface Task {
  name: string;
  intervalMs: number;
  run(): Promise<number>;
}

/**
 * Runs each task in its own loop until stop() is called. A task that did work
 * runs again immediately (it may have more); an idle one sleeps intervalMs.
 * A failing task is logged and retried after its interval: one bad task never
 * stops the others.
 */
export function startScheduler(tasks: Task[], log: Logger) {
  let stopping = false;
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      }
      wakers.add(done);
    });

  const loops = tasks.map(async (task) => {
    while (!stopping) {
      let did = 0;
      try {
        did = await task.run();
      } catch (error) {
        log.error({ err: error, task: task.name }, 'worker task failed');
      }
      if (!stopping && did === 0) await sleep(task.intervalMs);
    }
  });

  return {
    /** Wakes every idle task now (new work was enqueued). */
    poke() {
      for (const wake of [...wakers]) wake();
    },
    async stop() {
      stopping = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
