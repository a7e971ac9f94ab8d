/**
 * The static VTpass catalogue: what the simulator serves from
 * /api/service-variations and what the bills module seeds into SQL.
 *
 * serviceIDs are VTpass's. Amount limits are OUR choices, kept conservative
 * until a sync from VTpass's /api/services replaces them:
 *  - electricity: ₦500 .. ₦500,000 per vend (DisCos reject tiny prepaid vends
 *    that do not cover fixed charges; large postpaid bills exist);
 *  - airtime: ₦50 .. ₦50,000;
 *  - data and cable TV: the price of the chosen bundle/bouquet (fixed price),
 *    so the service limits are just the cheapest and dearest variation.
 * Bundle and bouquet codes and prices are representative (2025 retail), not
 * authoritative: listVariations() against the live provider is the truth.
 */

import { maxBigint, minBigint } from './amount.js';

export type ServiceCategory =
  | 'electricity-bill'
  | 'water-bill'
  | 'gas-bill'
  | 'airtime'
  | 'data'
  | 'tv-subscription';

export interface CatalogueVariation {
  readonly code: string;
  readonly name: string;
  /** null when the customer chooses the amount. */
  readonly amountMinor: bigint | null;
  readonly fixedPrice: boolean;
}

export interface CatalogueService {
  readonly serviceId: string;
  readonly name: string;
  readonly category: ServiceCategory;
  readonly minAmountMinor: bigint;
  readonly maxAmountMinor: bigint;
  /** Empty for airtime: VTpass's airtime has no variation codes. */
  readonly variations: readonly CatalogueVariation[];
}

const naira = (n: number): bigint => BigInt(n) * 100n;

const ELECTRICITY_MIN = naira(500);
const ELECTRICITY_MAX = naira(500_000);
const AIRTIME_MIN = naira(50);
const AIRTIME_MAX = naira(50_000);

const DISCOS: readonly (readonly [string, string])[] = [
  ['ikeja-electric', 'Ikeja Electric Payment - IKEDC'],
  ['eko-electric', 'Eko Electric Payment - EKEDC'],
  ['abuja-electric', 'Abuja Electricity Distribution Company - AEDC'],
  ['kano-electric', 'Kano Electric - KEDCO'],
  ['portharcourt-electric', 'Port Harcourt Electric - PHED'],
  ['jos-electric', 'Jos Electric - JED'],
  ['ibadan-electric', 'Ibadan Electricity Distribution Company - IBEDC'],
  ['kaduna-electric', 'Kaduna Electric - KAEDCO'],
  ['enugu-electric', 'Enugu Electric - EEDC'],
  ['benin-electric', 'Benin Electricity - BEDC'],
  ['aba-electric', 'Aba Electric Payment - ABEDC'],
  ['yola-electric', 'Yola Electric Disco Payment - YEDC'],
];

function electricity(serviceId: string, name: string): CatalogueService {
  return {
    serviceId,
    name,
    category: 'electricity-bill',
    minAmountMinor: ELECTRICITY_MIN,
    maxAmountMinor: ELECTRICITY_MAX,
    variations: [
      { code: 'prepaid', name: 'Prepaid', amountMinor: null, fixedPrice: false },
      { code: 'postpaid', name: 'Postpaid', amountMinor: null, fixedPrice: false },
    ],
  };
}

/** Postpaid utilities (water, gas): the customer pays the bill, or part of it. */
function utility(serviceId: string, name: string, category: 'water-bill' | 'gas-bill'): CatalogueService {
  return {
    serviceId,
    name,
    category,
    minAmountMinor: naira(100),
    maxAmountMinor: ELECTRICITY_MAX,
    variations: [{ code: 'postpaid', name: 'Postpaid', amountMinor: null, fixedPrice: false }],
  };
}

function airtime(serviceId: string, name: string): CatalogueService {
  return {
    serviceId,
    name,
    category: 'airtime',
    minAmountMinor: AIRTIME_MIN,
    maxAmountMinor: AIRTIME_MAX,
    variations: [],
  };
}

/** A fixed-price service (data, cable): limits follow from its variations. */
function fixed(
  serviceId: string,
  name: string,
  category: ServiceCategory,
  bundles: readonly (readonly [code: string, name: string, priceNaira: number])[],
): CatalogueService {
  if (bundles.length === 0) throw new Error(`catalogue: ${serviceId} needs at least one bundle`);
  const variations = bundles.map(([code, vname, price]) => ({
    code,
    name: vname,
    amountMinor: naira(price),
    fixedPrice: true,
  }));
  const amounts = variations.map((v) => v.amountMinor);
  return {
    serviceId,
    name,
    category,
    minAmountMinor: minBigint(...(amounts as [bigint, ...bigint[]])),
    maxAmountMinor: maxBigint(...(amounts as [bigint, ...bigint[]])),
    variations,
  };
}

const services: CatalogueService[] = [
  ...DISCOS.map(([id, name]) => electricity(id, name)),
  utility('lagos-water', 'Lagos Water Corporation', 'water-bill'),
  utility('gaslink-gas', 'Gaslink Nigeria - Piped Gas', 'gas-bill'),
  airtime('mtn', 'MTN Airtime VTU'),
  airtime('glo', 'GLO Airtime VTU'),
  airtime('airtel', 'Airtel Airtime VTU'),
  airtime('etisalat', '9mobile Airtime VTU'),
  fixed('mtn-data', 'MTN Data', 'data', [
    ['mtn-100mb-100', 'MTN N100 110MB - 1 day', 100],
    ['mtn-500mb-350', 'MTN N350 500MB - 7 days', 350],
    ['mtn-1gb-500', 'MTN N500 1GB - 7 days', 500],
    ['mtn-2gb-1500', 'MTN N1500 2GB - 30 days', 1500],
    ['mtn-10gb-4500', 'MTN N4500 10GB - 30 days', 4500],
  ]),
  fixed('glo-data', 'Glo Data', 'data', [
    ['glo-105mb-100', 'Glo N100 105MB - 2 days', 100],
    ['glo-350mb-200', 'Glo N200 350MB - 4 days', 200],
    ['glo-1gb-500', 'Glo N500 1.05GB - 14 days', 500],
    ['glo-2-9gb-1000', 'Glo N1000 2.9GB - 30 days', 1000],
    ['glo-10gb-3000', 'Glo N3000 10GB - 30 days', 3000],
  ]),
  fixed('airtel-data', 'Airtel Data', 'data', [
    ['airt-100mb-100', 'Airtel N100 100MB - 1 day', 100],
    ['airt-300mb-300', 'Airtel N300 300MB - 2 days', 300],
    ['airt-1gb-1000', 'Airtel N1000 1.5GB - 30 days', 1000],
    ['airt-3gb-1500', 'Airtel N1500 3GB - 30 days', 1500],
    ['airt-10gb-3000', 'Airtel N3000 10GB - 30 days', 3000],
  ]),
  fixed('etisalat-data', '9mobile Data', 'data', [
    ['eti-100mb-100', '9mobile N100 100MB - 1 day', 100],
    ['eti-650mb-500', '9mobile N500 650MB - 30 days', 500],
    ['eti-1-5gb-1000', '9mobile N1000 1.5GB - 30 days', 1000],
    ['eti-4-5gb-2000', '9mobile N2000 4.5GB - 30 days', 2000],
    ['eti-11gb-4000', '9mobile N4000 11GB - 30 days', 4000],
  ]),
  fixed('dstv', 'DSTV Subscription', 'tv-subscription', [
    ['dstv-padi', 'DStv Padi', 4400],
    ['dstv-yanga', 'DStv Yanga', 6000],
    ['dstv-confam', 'DStv Confam', 11000],
    ['dstv79', 'DStv Compact', 19000],
    ['dstv7', 'DStv Compact Plus', 30000],
    ['dstv3', 'DStv Premium', 44500],
  ]),
  fixed('gotv', 'Gotv Payment', 'tv-subscription', [
    ['gotv-smallie', 'GOtv Smallie - monthly', 1900],
    ['gotv-jinja', 'GOtv Jinja', 3900],
    ['gotv-jolli', 'GOtv Jolli', 5800],
    ['gotv-max', 'GOtv Max', 8500],
    ['gotv-supa', 'GOtv Supa', 11400],
  ]),
  fixed('startimes', 'Startimes Subscription', 'tv-subscription', [
    ['nova', 'Nova - monthly', 2100],
    ['basic', 'Basic - monthly', 4000],
    ['smart', 'Smart - monthly', 5100],
    ['classic', 'Classic - monthly', 6000],
    ['super', 'Super - monthly', 9800],
  ]),
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The catalogue, frozen: shared by the simulator and the SQL seed. */
export const VTPASS_CATALOGUE: readonly CatalogueService[] = deepFreeze(services);

const byId = new Map(VTPASS_CATALOGUE.map((s) => [s.serviceId, s]));

export function findService(serviceId: string): CatalogueService | undefined {
  return byId.get(serviceId);
}

export function findVariation(serviceId: string, code: string): CatalogueVariation | undefined {
  return byId.get(serviceId)?.variations.find((v) => v.code === code);
}
