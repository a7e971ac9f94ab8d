/**
 * The biller registry: operators add billers and their products, change fixed prices, and
 * sync fixed-price variations from the provider (/api/service-variations). Every price a
 * variation had is kept (bills.variation_prices), so a payment quoted at an old price is
 * re-quoted instead of charged at the new one.
 */
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import { recordAudit } from '../identity/index.js';
import { ProviderError } from '../providers/index.js';
import {
  adminBillerView,
  type Biller,
  type Category,
  type FeeRule,
  getBiller,
  type Product,
  PRODUCT_KINDS,
} from './catalogue.js';

export interface NewBiller {
  id: string;
  name: string;
  category: Category;
  serviceId: string;
  providers: string[];
  customerRefLabel: string;
  minAmount: bigint;
  maxAmount: bigint;
  fee: FeeRule;
  commissionBps: number;
  enabled: boolean;
  products: ProductInput[];
}

export interface ProductInput {
  code: string;
  name: string;
  kind: Product['kind'];
  fixedAmount: bigint | null;
  enabled: boolean;
}

/** An operator adds a biller with its products; the biller and its audit row commit together. */
export async function createBiller(db: AppContext['db'], actorId: string, input: NewBiller, reason: string) {
  if (input.minAmount > input.maxAmount)
    throw new AppError('invalid_bounds', 'The minimum amount must not exceed the maximum');
  return db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      `INSERT INTO bills.billers (id, name, category, service_id, enabled, fee_type, fee_flat, fee_percent_bps, fee_cap,
         commission_bps, providers, customer_ref_label, min_amount, max_amount)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`,
      [
        input.id,
        input.name,
        input.category,
        input.serviceId,
        input.enabled,
        input.fee.type,
        input.fee.flat,
        input.fee.percentBps,
        input.fee.cap,
        input.commissionBps,
        input.providers,
        input.customerRefLabel,
        input.minAmount,
        input.maxAmount,
      ],
    );
    if (rowCount === 0) throw new AppError('biller_exists', `A biller ${input.id} exists already`);
    for (const p of input.products) await writeProduct(tx, input.id, p, actorId, 'operator');
    const after = (await getBiller(tx, input.id)) as Biller;
    await recordAudit(tx, {
      actorId,
      action: 'biller.create',
      targetType: 'biller',
      targetId: input.id,
      before: null,
      after: adminBillerView(after),
      reason,
    });
    return after;
  });
}

/** Inserts or updates a product; a new fixed price is recorded in the price history. Returns whether it changed. */
async function writeProduct(
  tx: Tx,
  billerId: string,
  p: ProductInput,
  actorId: string | null,
  source: 'operator' | 'sync',
): Promise<{ changed: boolean; oldAmount: bigint | null }> {
  if (!PRODUCT_KINDS.includes(p.kind))
    throw new AppError('validation_failed', `Unknown product kind ${p.kind}`);
  const { rows } = await tx.query<{
    fixed_amount: bigint | null;
    name: string;
    kind: string;
    enabled: boolean;
  }>(
    'SELECT fixed_amount, name, kind, enabled FROM bills.products WHERE biller_id = $1 AND code = $2 FOR UPDATE',
    [billerId, p.code],
  );
  const old = rows[0];
  await tx.query(
    `INSERT INTO bills.products (biller_id, code, name, kind, fixed_amount, enabled)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (biller_id, code) DO UPDATE SET name = $3, kind = $4, fixed_amount = $5, enabled = $6, updated_at = now()`,
    [billerId, p.code, p.name, p.kind, p.fixedAmount, p.enabled],
  );
  const oldAmount = old?.fixed_amount ?? null;
  if (p.fixedAmount !== null && p.fixedAmount !== oldAmount) {
    await tx.query(
      `INSERT INTO bills.variation_prices (biller_id, product_code, old_amount, new_amount, source, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [billerId, p.code, oldAmount, p.fixedAmount, source, actorId],
    );
  }
  const changed =
    !old ||
    oldAmount !== p.fixedAmount ||
    old.name !== p.name ||
    old.kind !== p.kind ||
    old.enabled !== p.enabled;
  return { changed, oldAmount };
}

/** An operator adds or edits one product of a biller (name, kind, fixed price, enabled), with its audit row. */
export async function putProduct(
  db: AppContext['db'],
  actorId: string,
  billerId: string,
  product: ProductInput,
  reason: string,
) {
  return db.transaction(async (tx) => {
    const before = await getBiller(tx, billerId);
    if (!before) throw notFound('Biller');
    await writeProduct(tx, billerId, product, actorId, 'operator');
    const after = (await getBiller(tx, billerId)) as Biller;
    await recordAudit(tx, {
      actorId,
      action: 'biller.product',
      targetType: 'biller',
      targetId: billerId,
      before: before.products.find((p) => p.code === product.code) ?? null,
      after: after.products.find((p) => p.code === product.code) ?? null,
      reason,
    });
    return after;
  });
}

export interface SyncChange {
  code: string;
  name: string;
  oldAmount: bigint | null;
  newAmount: bigint;
  added: boolean;
}

const KIND_OF: Partial<Record<Category, Product['kind']>> = {
  data: 'bundle',
  cable: 'bouquet',
  internet: 'bundle',
  education: 'pin',
};

/**
 * Reads a biller's variations from its provider and brings the fixed prices up to date: a
 * changed price is updated and recorded, a new fixed-price variation is added. Variations the
 * provider no longer lists are left as they are (an operator disables them). `actorId` null:
 * the worker's schedule. With an actor, the sync and its audit row commit together.
 */
export async function syncVariations(ctx: AppContext, billerId: string, actorId: string | null) {
  const biller = await getBiller(ctx.db, billerId);
  if (!biller) throw notFound('Biller');
  const router = ctx.providers?.router;
  const adapter = router?.pick(biller.providers);
  if (!router || !adapter)
    throw new AppError('providers_unavailable', `${biller.name} cannot be reached right now`);
  let variations: Awaited<ReturnType<typeof adapter.listVariations>>;
  const started = performance.now();
  try {
    variations = await adapter.listVariations(biller.serviceId);
    router.record(adapter.name, 'variations', { outcome: 'success', latencyMs: performance.now() - started });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    router.record(adapter.name, 'variations', {
      outcome: 'unknown',
      code: error.code,
      latencyMs: performance.now() - started,
    });
    throw new AppError(
      'providers_unavailable',
      `${biller.name}'s variations could not be read: ${error.code}`,
    );
  }
  return ctx.db.transaction(async (tx) => {
    const changes: SyncChange[] = [];
    for (const v of variations) {
      if (!v.fixedPrice || v.amountMinor === null) continue;
      const existing = biller.products.find((p) => p.code === v.code);
      if (existing && existing.fixedAmount === v.amountMinor) continue;
      const kind = existing?.kind ?? KIND_OF[biller.category] ?? 'bundle';
      const r = await writeProduct(
        tx,
        biller.id,
        {
          code: v.code,
          name: existing?.name ?? v.name,
          kind,
          fixedAmount: v.amountMinor,
          enabled: existing?.enabled ?? true,
        },
        actorId,
        'sync',
      );
      if (r.changed)
        changes.push({
          code: v.code,
          name: v.name,
          oldAmount: r.oldAmount,
          newAmount: v.amountMinor,
          added: !existing,
        });
    }
    await tx.query('UPDATE bills.billers SET synced_at = now() WHERE id = $1', [biller.id]);
    if (actorId !== null)
      await recordAudit(tx, {
        actorId,
        action: 'biller.sync',
        targetType: 'biller',
        targetId: biller.id,
        before: null,
        after: { changes: changes.map((c) => ({ ...c, oldAmount: c.oldAmount, newAmount: c.newAmount })) },
        reason: 'variations synced from the provider',
      });
    return { billerId: biller.id, variations: variations.length, changes };
  });
}

/** Billers with fixed-price products, least recently synced first (the worker's schedule). */
export async function billersToSync(db: Queryable, olderThanMs: number, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT b.id FROM bills.billers b
      WHERE b.enabled AND EXISTS (SELECT 1 FROM bills.products p WHERE p.biller_id = b.id AND p.fixed_amount IS NOT NULL)
        AND (b.synced_at IS NULL OR b.synced_at < now() - make_interval(secs => $1::double precision / 1000))
      ORDER BY b.synced_at NULLS FIRST, b.id LIMIT $2`,
    [olderThanMs, limit],
  );
  return rows.map((r) => r.id);
}

/** The scheduled sync: each stale biller on its own (one that cannot be read does not stop the others). */
export async function syncDueBillers(ctx: AppContext, intervalMs: number): Promise<number> {
  if (!ctx.providers) return 0;
  let synced = 0;
  for (const id of await billersToSync(ctx.db, intervalMs, 10)) {
    try {
      await syncVariations(ctx, id, null);
      synced++;
    } catch (error) {
      ctx.log.warn({ err: error, billerId: id }, 'variation sync failed');
      await ctx.db.query('UPDATE bills.billers SET synced_at = now() WHERE id = $1', [id]);
    }
  }
  return synced;
}

export interface PriceChange {
  id: number;
  productCode: string;
  oldAmount: bigint | null;
  newAmount: bigint;
  source: 'sync' | 'operator';
  actorId: string | null;
  at: string;
}

/** A biller's price history, newest first (optionally one product's). */
export async function priceHistory(db: Queryable, billerId: string, productCode?: string, limit = 100) {
  const { rows } = await db.query<{
    id: string;
    product_code: string;
    old_amount: bigint | null;
    new_amount: bigint;
    source: 'sync' | 'operator';
    actor_id: string | null;
    at: Date;
  }>(
    `SELECT id, product_code, old_amount, new_amount, source, actor_id, at FROM bills.variation_prices
      WHERE biller_id = $1 AND ($2::text IS NULL OR product_code = $2) ORDER BY id DESC LIMIT $3`,
    [billerId, productCode ?? null, limit],
  );
  return rows.map(
    (r): PriceChange => ({
      id: Number(r.id),
      productCode: r.product_code,
      oldAmount: r.old_amount,
      newAmount: r.new_amount,
      source: r.source,
      actorId: r.actor_id,
      at: r.at.toISOString(),
    }),
  );
}

/**
 * A fixed-price product whose price changed since the customer saw it: the amount the client
 * sent is one of the product's earlier prices. Refused with `price_changed` and the new amount
 * (the client shows it and asks again); never charged at the new price silently.
 */
export async function checkRequote(db: Queryable, billerId: string, product: Product, amount: bigint) {
  if (product.fixedAmount === null || product.fixedAmount === amount) return;
  const { rows } = await db.query<{ at: Date }>(
    `SELECT at FROM bills.variation_prices
      WHERE biller_id = $1 AND product_code = $2 AND old_amount = $3 ORDER BY id DESC LIMIT 1`,
    [billerId, product.code, amount],
  );
  if (!rows[0]) return; // not a price it ever had: amount_mismatch, as before
  throw new AppError(
    'price_changed',
    `${product.name} now costs ${product.fixedAmount} minor units (it was ${amount}); confirm the new price`,
    {
      productCode: product.code,
      previousAmount: Number(amount),
      amount: Number(product.fixedAmount),
      changedAt: rows[0].at.toISOString(),
    },
  );
}
