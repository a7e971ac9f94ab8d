-- Provider float and commission, float top-ups, balance checks, alerts and
-- daily settlement statements.

-- Commission earned from providers (an upfront discount: the float is charged
-- amount - commission) and the bank account float top-ups are paid from.
ALTER TABLE ledger.accounts DROP CONSTRAINT accounts_type_check;
ALTER TABLE ledger.accounts ADD CONSTRAINT accounts_type_check CHECK (type IN (
  'user_wallet', 'gateway_clearing', 'payout_clearing', 'provider_float', 'fee_revenue',
  'commission_receivable', 'promotion_expense', 'suspense', 'equity', 'test', 'limit_control',
  'commission_revenue', 'settlement_bank'));

-- A biller's expected commission is a percentage (commission_bps) or a flat amount per vend.
ALTER TABLE bills.billers
  ADD COLUMN commission_type text NOT NULL DEFAULT 'percent' CHECK (commission_type IN ('percent', 'flat')),
  ADD COLUMN commission_flat bigint NOT NULL DEFAULT 0 CHECK (commission_flat >= 0);

-- What the provider actually paid on delivery (null: not delivered, or delivered before
-- commission was booked); `commission` stays the figure expected at acceptance.
ALTER TABLE bills.payments
  ADD COLUMN commission_actual bigint CHECK (commission_actual >= 0);
CREATE INDEX payment_events_at ON bills.payment_events (at) WHERE status IN ('succeeded', 'reversed');

CREATE SCHEMA settlement;

-- Per provider: when to warn that its float runs low, and how much drift is tolerated.
CREATE TABLE settlement.provider_settings (
  provider            text        PRIMARY KEY,
  low_float_threshold bigint      NOT NULL DEFAULT 0 CHECK (low_float_threshold >= 0),  -- 0: no alert
  drift_threshold     bigint      NOT NULL DEFAULT 0 CHECK (drift_threshold >= 0),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Money sent from our bank to a provider's float, one row per bank reference.
CREATE TABLE settlement.float_topups (
  id             uuid        PRIMARY KEY,
  provider       text        NOT NULL,
  currency       char(3)     NOT NULL,
  amount         bigint      NOT NULL CHECK (amount > 0),
  bank_reference text        NOT NULL CHECK (length(bank_reference) BETWEEN 1 AND 100),
  actor_id       uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, bank_reference)
);
CREATE INDEX float_topups_provider ON settlement.float_topups (provider, created_at DESC);

-- The provider's own balance as polled, against our float account at the same moment.
CREATE TABLE settlement.balance_checks (
  id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider text        NOT NULL,
  at       timestamptz NOT NULL DEFAULT now(),
  theirs   bigint,               -- null: the provider could not be read
  ours     bigint      NOT NULL,
  drift    bigint,               -- theirs - ours
  error    text
);
CREATE INDEX balance_checks_provider ON settlement.balance_checks (provider, at DESC);

-- Operator alerts, edge-triggered: one open row per provider and kind at most.
CREATE TABLE settlement.alerts (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider    text        NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('low_float', 'drift')),
  message     text        NOT NULL,
  opened_at   timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE UNIQUE INDEX alerts_open ON settlement.alerts (provider, kind) WHERE resolved_at IS NULL;

-- Closed days: figures stored once, never changed (the trigger refuses it).
CREATE TABLE settlement.statements (
  id                  text        PRIMARY KEY,   -- '<provider>:<YYYY-MM-DD>'
  provider            text        NOT NULL,
  day                 date        NOT NULL,
  currency            char(3)     NOT NULL,
  delivered_count     integer     NOT NULL,
  delivered_gross     bigint      NOT NULL,
  reversed_count      integer     NOT NULL,
  reversed_gross      bigint      NOT NULL,
  expected_commission bigint      NOT NULL,
  actual_commission   bigint      NOT NULL,
  commission_mismatch_count integer NOT NULL,
  net_owed            bigint      NOT NULL,
  float_opening       bigint      NOT NULL,
  float_topups        bigint      NOT NULL,
  float_closing       bigint      NOT NULL,
  drift               bigint,
  closed_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, day)
);

CREATE FUNCTION settlement.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'settlement statement % is closed: its figures never change', OLD.id;
END $$;
CREATE TRIGGER statements_closed BEFORE UPDATE OR DELETE ON settlement.statements
  FOR EACH ROW EXECUTE FUNCTION settlement.refuse_change();
