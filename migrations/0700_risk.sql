-- Risk monitoring: rules as data (versioned like kyc.tier_rules: a change is
-- a new row effective from a time, rows are never rewritten), the journal of
-- debits that went through (what the rules look back on), and the cases a
-- rule opened, each with the operator's decision. See src/risk.
CREATE SCHEMA risk;

-- One version of one rule. The version in force for a key at a moment is the
-- latest one that started at or before it; disabling a rule is a version with
-- enabled = false. Amounts in params are JSON integers of minor units (kobo).
--   velocity_count          {"count": N, "minutes": M}   more than N debits in M minutes
--   velocity_amount         {"amount": X, "minutes": M}  more than X in total in M minutes
--   single_amount           {"amount": X}                one debit above X
--   new_recipient_amount    {"amount": X}                a first debit to a counterparty above X
--   new_recipients_per_day  {"count": N}                 more than N new counterparties in a Lagos day
--   new_device_large_debit  {"amount": X, "minutes": M}  a debit above X within M minutes of a new device's login
CREATE TABLE risk.rules (
  id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key            text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  type           text        NOT NULL CHECK (type IN ('velocity_count', 'velocity_amount', 'single_amount',
                               'new_recipient_amount', 'new_recipients_per_day', 'new_device_large_debit')),
  params         jsonb       NOT NULL CHECK (jsonb_typeof(params) = 'object'),
  action         text        NOT NULL CHECK (action IN ('flag', 'hold', 'block')),
  enabled        boolean     NOT NULL,
  applies_to     text[]      NOT NULL CHECK (cardinality(applies_to) BETWEEN 1 AND 3
                               AND applies_to <@ ARRAY['transfer', 'bill_payment', 'withdrawal']),
  currency       char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  effective_from timestamptz NOT NULL,
  created_by     uuid,       -- NULL: the seed below
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  reason         text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  UNIQUE (key, effective_from)
);
CREATE INDEX rules_in_force ON risk.rules (key, effective_from DESC);

CREATE FUNCTION risk.refuse_rule_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'risk.rules is append-only: add a new version instead'
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER rules_append_only BEFORE UPDATE OR DELETE ON risk.rules
  FOR EACH ROW EXECUTE FUNCTION risk.refuse_rule_change();

-- Defaults, NGN, in kobo. None blocks: to block, add a version of a rule with
-- "action": "block" (PUT /v1/admin/risk/rules, see the README).
INSERT INTO risk.rules (key, type, params, action, enabled, applies_to, currency, effective_from, reason)
VALUES
  ('velocity_10_in_10min', 'velocity_count', '{"count": 10, "minutes": 10}', 'flag', true,
   ARRAY['transfer', 'bill_payment', 'withdrawal'], 'NGN', '2000-01-01T00:00:00Z', 'Default risk rules (seed)'),
  ('velocity_amount_2m_in_60min', 'velocity_amount', '{"amount": 200000000, "minutes": 60}', 'flag', true,
   ARRAY['transfer', 'bill_payment', 'withdrawal'], 'NGN', '2000-01-01T00:00:00Z', 'Default risk rules (seed)'),
  ('single_over_1m', 'single_amount', '{"amount": 100000000}', 'hold', true,
   ARRAY['transfer', 'bill_payment', 'withdrawal'], 'NGN', '2000-01-01T00:00:00Z', 'Default risk rules (seed)'),
  ('new_recipient_over_200k', 'new_recipient_amount', '{"amount": 20000000}', 'hold', true,
   ARRAY['transfer', 'withdrawal'], 'NGN', '2000-01-01T00:00:00Z', 'Default risk rules (seed)'),
  ('new_recipients_over_10_a_day', 'new_recipients_per_day', '{"count": 10}', 'flag', true,
   ARRAY['transfer', 'withdrawal'], 'NGN', '2000-01-01T00:00:00Z', 'Default risk rules (seed)'),
  ('new_device_over_100k', 'new_device_large_debit', '{"amount": 10000000, "minutes": 60}', 'hold', true,
   ARRAY['transfer', 'bill_payment', 'withdrawal'], 'NGN', '2000-01-01T00:00:00Z', 'Default risk rules (seed)');

-- Every debit that went through a money path, written in the ledger batch that
-- moved it. counterparty: a stable name of who was paid (a wallet id, a
-- biller and customer, a bank account), compared as text.
CREATE TABLE risk.debits (
  id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id          uuid        NOT NULL,
  kind             text        NOT NULL CHECK (kind IN ('transfer', 'bill_payment', 'withdrawal')),
  amount           bigint      NOT NULL CHECK (amount > 0),
  currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  counterparty     text        NOT NULL CHECK (length(counterparty) BETWEEN 1 AND 200),
  reference        text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
  -- The person's first debit to this counterparty (set by the writer).
  new_counterparty boolean     NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX debits_user_time ON risk.debits (user_id, created_at DESC);
CREATE INDEX debits_user_counterparty ON risk.debits (user_id, counterparty);

-- A case: the rules one attempted debit fired, the strongest action taken, and
-- the operator's decision. status moves open -> resolved only (src/risk/case-states.ts).
CREATE TABLE risk.cases (
  id            uuid        PRIMARY KEY,
  seq           bigint      GENERATED ALWAYS AS IDENTITY UNIQUE, -- keyset pagination
  user_id       uuid        NOT NULL,
  status        text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  action        text        NOT NULL CHECK (action IN ('flag', 'hold', 'block')),
  rule_keys     text[]      NOT NULL CHECK (cardinality(rule_keys) >= 1),
  fired         jsonb       NOT NULL CHECK (jsonb_typeof(fired) = 'array'), -- [{key, action, why}]
  refs          text[]      NOT NULL CHECK (cardinality(refs) >= 1),
  kind          text        NOT NULL CHECK (kind IN ('transfer', 'bill_payment', 'withdrawal')),
  amount        bigint      NOT NULL CHECK (amount > 0),
  currency      char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  counterparty  text        NOT NULL CHECK (length(counterparty) BETWEEN 1 AND 200),
  held          boolean     NOT NULL, -- an action hold held the money until a decision
  decision      text        CHECK (decision IN ('released', 'refused', 'dismissed', 'confirmed')),
  reason        text        CHECK (length(reason) <= 500),
  resolved_by   uuid,
  frozen_by     uuid,       -- the person was frozen from this case
  frozen_at     timestamptz,
  freeze_reason text        CHECK (length(freeze_reason) <= 500),
  created_at    timestamptz NOT NULL DEFAULT now(),
  resolved_at   timestamptz,
  CHECK (held = (action = 'hold')),
  CHECK ((status = 'open') = (resolved_at IS NULL)),
  CHECK ((status = 'open') = (decision IS NULL)),
  CHECK (status = 'open' OR (resolved_by IS NOT NULL AND reason IS NOT NULL)),
  CHECK (decision IS NULL OR (held = (decision IN ('released', 'refused')))),
  CHECK ((frozen_at IS NULL) = (frozen_by IS NULL))
);
CREATE INDEX cases_queue ON risk.cases (status, seq);
CREATE INDEX cases_user ON risk.cases (user_id, seq);
