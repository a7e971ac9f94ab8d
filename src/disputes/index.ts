/** Disputes: customers' complaints about their transactions, the operators' queue, and their resolution. */
export { disputeConsumers } from './consumers.js';
export { getDispute, listDisputes, openDispute } from './disputes.js';
export { disputeRoutes } from './routes.js';
export { searchDisputes } from './search.js';
export { resolveDispute } from './resolve.js';
export { type DisputeStatus, disputeStates } from './states.js';
