/** The simulator's resources, one route file each. */
import { bankSimRoutes } from './banks.js';
import { customersAndAccounts } from './customers-and-accounts.js';
import type { SimRoutes } from './server.js';
import { transactionSimRoutes } from './transactions.js';
import { transferSimRoutes } from './transfers.js';

export const SIM_ROUTES: SimRoutes[] = [
  customersAndAccounts,
  bankSimRoutes,
  transferSimRoutes,
  transactionSimRoutes,
];
