/**
 * Operator tools that span modules: the ledger's operator routes (audit,
 * system accounts) and the audit CLI. Kept out of ledger/, which knows only
 * the database.
 */
export { dashboardRoutes } from './dashboard-routes.js';
export { searchRoutes } from './search-routes.js';
export { ledgerRoutes } from './ledger-routes.js';
