/** The simulator's resources, one route file each. */
import type { SimRoutes } from './server.js';

export const SIM_ROUTES: SimRoutes[] = [];
