/** The simulator's resources, one route file each. */
import { bankSimRoutes } from './banks.js';
import type { SimRoutes } from './server.js';
import { transferSimRoutes } from './transfers.js';

export const SIM_ROUTES: SimRoutes[] = [bankSimRoutes, transferSimRoutes];
