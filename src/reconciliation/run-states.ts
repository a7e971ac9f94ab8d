import { defineStates } from '../db/state-machine.js';
import type { RunStatus } from './store.js';

/**
 * A reconciliation run: started (the report's lines stored) -> in_progress
 * (our side snapshotted, result rows being written in chunks) -> completed.
 * A run that cannot finish (too many of our items, attempts used up) fails.
 */
export const runStates = defineStates<RunStatus>('reconciliation run', {
  started: ['in_progress', 'failed'],
  in_progress: ['completed', 'failed'],
  completed: [],
  failed: [],
});
