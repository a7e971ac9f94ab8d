import type { Queryable } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';

/** `cable` is cable TV. */
export type Category =
  | 'electricity'
  | 'water'
  | 'gas'
  | 'internet'
  | 'cable'
  | 'airtime'
  | 'data'
  | 'education';
export const CATEGORIES: readonly Category[] = [
  'electricity',
  'water',
  'gas',
  'internet',
  'cable',
  'airtime',
  'data',
  'education',
];
/** Product kinds. */
export const PRODUCT_KINDS = ['prepaid', 'postpaid', 'airtime', 'bundle', 'bouquet', 'pin'] as const;

export interface FeeRule {
  type: 'flat' | 'percent';
  flat: bigint;
  percentBps: number;
  /** 0: no cap. */
  cap: bigint;
}

export interface Product {
  code: string;
  name: string;
  kind: (typeof PRODUCT_KINDS)[number];
  fixedAmount: bigint | null;
  minAmount: bigint;
  maxAmount: bigint;
  enabled: boolean;
}

export interface Biller {
  id: string;
  name: string;
  category: Category;
  serviceId: string;
  enabled: boolean;
  fee: FeeRule;
  commissionBps: number;
  /** Percent: commissionBps of the amount; flat: commissionFlat per vend. */
  commissionType: 'percent' | 'flat';
  commissionFlat: bigint;
  providers: string[];
  customerRefLabel: string;
  minAmount: bigint;
  maxAmount: bigint;
  products: Product[];
}

interface BillerRow {
  id: string;
  name: string;
  category: Category;
  service_id: string;
  enabled: boolean;
  fee_type: 'flat' | 'percent';
  fee_flat: bigint;
  fee_percent_bps: number;
  fee_cap: bigint;
  commission_bps: number;
  commission_type: 'percent' | 'flat';
  commission_flat: bigint;
  providers: string[];
  customer_ref_label: string;
  min_amount: bigint;
  max_amount: bigint;
  products:
    | { code: string; name: string; kind: Product['kind']; fixed_amount: string | null; enabled: boolean }[]
    | null;
}

const toBiller = (r: BillerRow): Biller => ({
  id: r.id,
  name: r.name,
  category: r.category,
  serviceId: r.service_id,
  enabled: r.enabled,
  fee: { type: r.fee_type, flat: r.fee_flat, percentBps: r.fee_percent_bps, cap: r.fee_cap },
  commissionBps: r.commission_bps,
  commissionType: r.commission_type,
  commissionFlat: r.commission_flat,
  providers: r.providers,
  customerRefLabel: r.customer_ref_label,
  minAmount: r.min_amount,
  maxAmount: r.max_amount,
  products: (r.products ?? []).map((p) => {
    const fixed = p.fixed_amount === null ? null : BigInt(p.fixed_amount);
    return {
      code: p.code,
      name: p.name,
      kind: p.kind,
      fixedAmount: fixed,
      minAmount: fixed ?? r.min_amount,
      maxAmount: fixed ?? r.max_amount,
      enabled: p.enabled,
    };
  }),
});

const SELECT = `
  SELECT b.*, (SELECT json_agg(json_build_object('code', p.code, 'name', p.name, 'kind', p.kind,
                 'fixed_amount', p.fixed_amount::text, 'enabled', p.enabled) ORDER BY p.fixed_amount NULLS FIRST, p.code)
                 FROM bills.products p WHERE p.biller_id = b.id) AS products
    FROM bills.billers b`;

export async function listBillers(
  db: Queryable,
  opts: { category?: Category; includeDisabled?: boolean } = {},
): Promise<Biller[]> {
  const { rows } = await db.query<BillerRow>(
    `${SELECT} WHERE ($1::text IS NULL OR b.category = $1) AND ($2 OR b.enabled) ORDER BY b.category, b.name`,
    [opts.category ?? null, opts.includeDisabled ?? false],
  );
  return rows.map(toBiller);
}

export async function getBiller(db: Queryable, id: string): Promise<Biller | undefined> {
  const { rows } = await db.query<BillerRow>(`${SELECT} WHERE b.id = $1`, [id]);
  return rows[0] ? toBiller(rows[0]) : undefined;
}

/** A biller and product a customer may pay now; 404/422 with a specific code otherwise. */
export async function payableProduct(db: Queryable, billerId: string, productCode: string) {
  const biller = await getBiller(db, billerId);
  if (!biller) throw new AppError('biller_not_found', `No biller ${billerId}`);
  if (!biller.enabled) throw new AppError('biller_disabled', `${biller.name} is not available right now`);
  const product = biller.products.find((p) => p.code === productCode);
  if (!product) throw new AppError('product_not_found', `${biller.name} has no product ${productCode}`);
  if (!product.enabled) throw new AppError('product_disabled', `${product.name} is not available right now`);
  return { biller, product };
}

/** Half-up rounding of amount * bps / 10000, in integers. */
function percentOf(amount: bigint, bps: number): bigint {
  return (amount * BigInt(bps) + 5_000n) / 10_000n;
}

/** The customer's fee for paying `amount`: flat, or a percentage with an optional cap. */
export function feeFor(rule: FeeRule, amount: bigint): bigint {
  if (rule.type === 'flat') return rule.flat;
  const fee = percentOf(amount, rule.percentBps);
  return rule.cap > 0n && fee > rule.cap ? rule.cap : fee;
}

/** The commission we expect the provider to pay us on `amount`: a percentage or a flat sum (never above the amount). */
export function expectedCommission(
  biller: Pick<Biller, 'commissionType' | 'commissionBps' | 'commissionFlat'>,
  amount: bigint,
): bigint {
  if (biller.commissionType === 'flat')
    return biller.commissionFlat < amount ? biller.commissionFlat : amount;
  return percentOf(amount, biller.commissionBps);
}

/**
 * Customer references by category: meter 11-13 digits, phone 11 digits (0...), smartcard 10
 * digits, water and gas account 10-13 digits, internet account 6-20 digits; education PINs go
 * to a phone number.
 */
const REF_FORMATS: Record<Category, [RegExp, string]> = {
  electricity: [/^\d{11,13}$/, 'a meter number of 11 to 13 digits'],
  water: [/^\d{10,13}$/, 'an account number of 10 to 13 digits'],
  gas: [/^\d{10,13}$/, 'an account number of 10 to 13 digits'],
  internet: [/^\d{6,20}$/, 'an account number of 6 to 20 digits'],
  cable: [/^\d{10,11}$/, 'a smartcard number of 10 digits'],
  airtime: [/^0\d{10}$/, 'an 11-digit phone number starting with 0'],
  data: [/^0\d{10}$/, 'an 11-digit phone number starting with 0'],
  education: [/^0\d{10}$/, 'an 11-digit phone number starting with 0'],
};

export function checkCustomerRef(category: Category, ref: string) {
  const [format, what] = REF_FORMATS[category];
  if (!format.test(ref)) throw new AppError('invalid_customer_ref', `Enter ${what}`);
}

export function checkAmount(product: Product, amount: bigint) {
  if (product.fixedAmount !== null && amount !== product.fixedAmount) {
    throw new AppError(
      'amount_mismatch',
      `${product.name} costs exactly ${product.fixedAmount} minor units`,
      {
        fixedAmount: Number(product.fixedAmount),
      },
    );
  }
  if (amount < product.minAmount || amount > product.maxAmount) {
    throw new AppError(
      'amount_out_of_range',
      `The amount must be between ${product.minAmount} and ${product.maxAmount} minor units`,
      {
        minAmount: Number(product.minAmount),
        maxAmount: Number(product.maxAmount),
      },
    );
  }
}

export interface BillerUpdate {
  name?: string;
  serviceId?: string;
  customerRefLabel?: string;
  minAmount?: bigint;
  maxAmount?: bigint;
  enabled?: boolean;
  fee?: { type: 'flat' | 'percent'; flat?: bigint; percentBps?: number; cap?: bigint };
  commissionBps?: number;
  /** A flat commission per vend; setting it makes the biller's commission flat (commissionBps makes it percent). */
  commissionFlat?: bigint;
  providers?: string[];
}

/** Operators enable or disable a biller and set its fee, expected commission and providers. Returns before and after. */
export async function updateBiller(db: Queryable, id: string, update: BillerUpdate) {
  const before = await getBiller(db, id);
  if (!before) throw notFound('Biller');
  const fee = update.fee;
  const min = update.minAmount ?? before.minAmount;
  const max = update.maxAmount ?? before.maxAmount;
  if (min > max) throw new AppError('invalid_bounds', 'The minimum amount must not exceed the maximum');
  await db.query(
    `UPDATE bills.billers SET
        name = COALESCE($10, name),
        service_id = COALESCE($11, service_id),
        customer_ref_label = COALESCE($12, customer_ref_label),
        min_amount = $13,
        max_amount = $14,
        enabled = COALESCE($2, enabled),
        fee_type = COALESCE($3, fee_type),
        fee_flat = COALESCE($4, fee_flat),
        fee_percent_bps = COALESCE($5, fee_percent_bps),
        fee_cap = COALESCE($6, fee_cap),
        commission_bps = COALESCE($7, commission_bps),
        providers = COALESCE($8, providers),
        commission_flat = COALESCE($9, commission_flat),
        commission_type = CASE WHEN $9::bigint IS NOT NULL THEN 'flat'
                               WHEN $7::integer IS NOT NULL THEN 'percent' ELSE commission_type END,
        updated_at = now()
      WHERE id = $1`,
    [
      id,
      update.enabled ?? null,
      fee?.type ?? null,
      fee?.flat ?? (fee?.type === 'percent' ? 0n : null),
      fee?.percentBps ?? (fee?.type === 'flat' ? 0 : null),
      fee?.cap ?? null,
      update.commissionBps ?? null,
      update.providers ?? null,
      update.commissionFlat ?? null,
      update.name ?? null,
      update.serviceId ?? null,
      update.customerRefLabel ?? null,
      min,
      max,
    ],
  );
  const after = (await getBiller(db, id)) as Biller;
  return { before, after };
}

/** An operator's view: the customer's, with the provider's service id, adapters and disabled products. */
export const adminBillerView = (b: Biller) => ({
  ...billerView(b),
  serviceId: b.serviceId,
  providers: b.providers,
  products: b.products.map((p) => ({
    code: p.code,
    name: p.name,
    kind: p.kind,
    fixedAmount: p.fixedAmount,
    minAmount: p.minAmount,
    maxAmount: p.maxAmount,
    enabled: p.enabled,
  })),
});

export const billerView = (b: Biller) => ({
  id: b.id,
  name: b.name,
  category: b.category,
  enabled: b.enabled,
  customerRefLabel: b.customerRefLabel,
  minAmount: b.minAmount,
  maxAmount: b.maxAmount,
  fee: {
    type: b.fee.type,
    ...(b.fee.type === 'flat' ? { flat: b.fee.flat } : { percentBps: b.fee.percentBps, cap: b.fee.cap }),
  },
  commissionBps: b.commissionBps,
  commissionType: b.commissionType,
  commissionFlat: b.commissionFlat,
  products: b.products.map((p) => ({
    code: p.code,
    name: p.name,
    kind: p.kind,
    fixedAmount: p.fixedAmount,
    minAmount: p.minAmount,
    maxAmount: p.maxAmount,
  })),
});
