// One-off generator for the catalogue seed in migrations/0400_bills.sql, from
// src/providers/catalogue.ts. Migrations are never edited after they ship: a
// catalogue change is a new migration (or an operator edit), not a re-run.
import { VTPASS_CATALOGUE } from '../src/providers/catalogue.js';

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const category = {
  'electricity-bill': 'electricity',
  'water-bill': 'water',
  'gas-bill': 'gas',
  airtime: 'airtime',
  data: 'data',
  'tv-subscription': 'cable',
} as const;
const label = {
  electricity: 'Meter number',
  water: 'Account number',
  gas: 'Account number',
  airtime: 'Phone number',
  data: 'Phone number',
  cable: 'Smartcard number',
} as const;
// Fees: electricity ₦100 flat; cable ₦50 flat; airtime and data free. Expected commission in basis points.
const fee = {
  electricity: [10000, 0, 0],
  water: [5000, 0, 0],
  gas: [5000, 0, 0],
  airtime: [0, 0, 0],
  data: [0, 0, 0],
  cable: [5000, 0, 0],
} as const;
const commission = { electricity: 100, water: 100, gas: 100, airtime: 300, data: 300, cable: 150 } as const;

const billers: string[] = [];
const products: string[] = [];
for (const s of VTPASS_CATALOGUE) {
  const cat = category[s.category];
  const [flat] = fee[cat];
  billers.push(
    `(${q(s.serviceId)}, ${q(s.name)}, ${q(cat)}, ${q(s.serviceId)}, 'flat', ${flat}, 0, 0, ${commission[cat]}, ${q(label[cat])}, ${s.minAmountMinor}, ${s.maxAmountMinor})`,
  );
  const variations = s.variations.length
    ? s.variations
    : [{ code: 'airtime', name: 'Airtime top-up', amountMinor: null, fixedPrice: false }];
  for (const v of variations) {
    const kind =
      cat === 'electricity' || cat === 'water' || cat === 'gas'
        ? v.code
        : cat === 'airtime'
          ? 'airtime'
          : cat === 'data'
            ? 'bundle'
            : 'bouquet';
    const fixed = v.fixedPrice && v.amountMinor !== null ? v.amountMinor.toString() : 'NULL';
    products.push(`(${q(s.serviceId)}, ${q(v.code)}, ${q(v.name)}, ${q(kind)}, ${fixed})`);
  }
}
console.log(`INSERT INTO bills.billers (id, name, category, service_id, fee_type, fee_flat, fee_percent_bps, fee_cap, commission_bps, customer_ref_label, min_amount, max_amount) VALUES
  ${billers.join(',\n  ')};

INSERT INTO bills.products (biller_id, code, name, kind, fixed_amount) VALUES
  ${products.join(',\n  ')};`);
