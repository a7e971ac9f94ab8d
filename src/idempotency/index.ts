/** Idempotency-Key claims and stored responses: the store (database) and its HTTP wrapper. */
export * from './http.js';
export * from './store.js';
