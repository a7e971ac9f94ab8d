// Moved to db/ (the ledger and identity use it too, and may not import the outbox).
export { bigintReplacer, stringifyJson, toJsonSafe } from '../db/json.js';
