import type { AppContext } from './context.js';
import type { Consumer } from './outbox/index.js';

/**
 * Every outbox consumer in the system: the static subscription map. Modules
 * add theirs here. Every process that publishes (API, worker, CLI) passes
 * this list to defineConsumers() at startup, so publish() creates the right
 * deliveries; the worker also runs them.
 */
export function allConsumers(_ctx: AppContext): Consumer[] {
  return [];
}
