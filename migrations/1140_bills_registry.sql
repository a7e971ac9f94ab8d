-- The biller registry (operators add and edit billers; fixed prices synced from the provider, with
-- their history), linked accounts, and the bills due on them (postpaid electricity, water, gas).

ALTER TABLE bills.billers DROP CONSTRAINT billers_category_check;
ALTER TABLE bills.billers ADD CONSTRAINT billers_category_check
  CHECK (category IN ('electricity', 'water', 'gas', 'internet', 'cable', 'airtime', 'data', 'education'));
ALTER TABLE bills.billers
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN synced_at  timestamptz;

ALTER TABLE bills.products
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- Education: exam PINs (WAEC, JAMB) are products of kind pin.
ALTER TABLE bills.products DROP CONSTRAINT products_kind_check;
ALTER TABLE bills.products ADD CONSTRAINT products_kind_check
  CHECK (kind IN ('prepaid', 'postpaid', 'airtime', 'bundle', 'bouquet', 'pin'));

-- Every price a fixed-price variation had: a sync from the provider or an operator's edit (append-only).
CREATE TABLE bills.variation_prices (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  biller_id    text        NOT NULL,
  product_code text        NOT NULL,
  old_amount   bigint      CHECK (old_amount > 0),
  new_amount   bigint      NOT NULL CHECK (new_amount > 0),
  source       text        NOT NULL CHECK (source IN ('sync', 'operator')),
  actor_id     uuid,
  at           timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (biller_id, product_code) REFERENCES bills.products (biller_id, code)
);
CREATE INDEX variation_prices_product ON bills.variation_prices (biller_id, product_code, id DESC);

-- A person's meters and utility accounts, verified with the provider when linked.
CREATE TABLE bills.linked_accounts (
  id               uuid        PRIMARY KEY,
  user_id          uuid        NOT NULL,
  biller_id        text        NOT NULL REFERENCES bills.billers (id),
  product_code     text        NOT NULL,
  customer_ref     text        NOT NULL,
  nickname         text        NOT NULL,
  customer_name    text        NOT NULL,
  address          text,
  -- When the provider was last asked for this account's bills (null: never).
  bills_fetched_at timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  unlinked_at      timestamptz,
  FOREIGN KEY (biller_id, product_code) REFERENCES bills.products (biller_id, code)
);
CREATE UNIQUE INDEX linked_accounts_unique ON bills.linked_accounts (user_id, biller_id, product_code, customer_ref)
  WHERE unlinked_at IS NULL;
CREATE INDEX linked_accounts_user ON bills.linked_accounts (user_id, created_at) WHERE unlinked_at IS NULL;
CREATE INDEX linked_accounts_fetched ON bills.linked_accounts (bills_fetched_at NULLS FIRST) WHERE unlinked_at IS NULL;

-- Outstanding bills as the provider last reported them, one row per bill reference and account.
CREATE TABLE bills.due_bills (
  linked_account_id uuid        NOT NULL REFERENCES bills.linked_accounts (id),
  bill_reference    text        NOT NULL,
  amount_due        bigint      NOT NULL CHECK (amount_due > 0),
  currency          char(3)     NOT NULL,
  due_date          date        NOT NULL,
  period            text,
  -- False once the provider no longer reports it (paid elsewhere, or by us).
  outstanding       boolean     NOT NULL DEFAULT true,
  payment_id        uuid        REFERENCES bills.payments (id),
  reminded_at       timestamptz,
  fetched_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (linked_account_id, bill_reference)
);
CREATE INDEX due_bills_reminders ON bills.due_bills (due_date) WHERE outstanding AND reminded_at IS NULL;

-- How many days before a due date a person is reminded (no row: the default, 3).
CREATE TABLE bills.reminder_settings (
  user_id     uuid        PRIMARY KEY,
  days_before integer     NOT NULL CHECK (days_before BETWEEN 0 AND 30),
  enabled     boolean     NOT NULL DEFAULT true,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Postpaid water and gas (sandbox simulator services; real ones are added through the registry).
INSERT INTO bills.billers (id, name, category, service_id, fee_type, fee_flat, fee_percent_bps, fee_cap, commission_bps, customer_ref_label, min_amount, max_amount) VALUES
  ('lagos-water', 'Lagos Water Corporation', 'water', 'lagos-water', 'flat', 5000, 0, 0, 100, 'Account number', 10000, 50000000),
  ('gaslink-gas', 'Gaslink Nigeria - Piped Gas', 'gas', 'gaslink-gas', 'flat', 5000, 0, 0, 100, 'Account number', 10000, 50000000);
INSERT INTO bills.products (biller_id, code, name, kind, fixed_amount) VALUES
  ('lagos-water', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('gaslink-gas', 'postpaid', 'Postpaid', 'postpaid', NULL);
