/** The simulator's resources, one route file each. */
import { customersAndAccounts } from './customers-and-accounts.js';
import type { SimRoutes } from './server.js';

export const SIM_ROUTES: SimRoutes[] = [customersAndAccounts];
