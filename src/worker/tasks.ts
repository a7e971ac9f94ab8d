import type { AppContext } from '../context.js';
import type { Task } from './scheduler.js';

/** Every background task the worker role runs. */
export function workerTasks(_ctx: AppContext): Task[] {
  return [];
}
