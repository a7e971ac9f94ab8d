-- KYC: CBN tiered accounts. Tier rules are versioned (a change is a new row
-- effective from a time; old rows are never rewritten), identity numbers are
-- stored only encrypted (AES-256-GCM) with their last 4 digits and a keyed
-- hash for uniqueness, every verification attempt is kept, and tier-3
-- upgrades go through a review queue.
CREATE SCHEMA kyc;

-- What a tier may do in a currency, from effective_from on. A row for a
-- (tier, currency) means that currency is allowed at that tier. Amounts are
-- minor units; max_balance NULL = unlimited.
CREATE TABLE kyc.tier_rules (
  id                        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tier                      smallint    NOT NULL CHECK (tier BETWEEN 1 AND 3),
  currency                  char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  daily_debit_limit         bigint      NOT NULL CHECK (daily_debit_limit > 0),
  max_balance               bigint      CHECK (max_balance > 0),
  single_transaction_limit  bigint      NOT NULL CHECK (single_transaction_limit > 0),
  single_deposit_limit      bigint      NOT NULL CHECK (single_deposit_limit > 0),
  effective_from            timestamptz NOT NULL,
  created_by                uuid,       -- NULL: the seed below
  created_at                timestamptz NOT NULL DEFAULT now(),
  reason                    text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  CHECK (single_transaction_limit <= daily_debit_limit),
  UNIQUE (tier, currency, effective_from)
);
CREATE INDEX tier_rules_in_force ON kyc.tier_rules (tier, currency, effective_from DESC);

-- Versions are never rewritten: a new rule is a new row.
CREATE FUNCTION kyc.refuse_rule_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'kyc.tier_rules is append-only: add a new version instead'
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER tier_rules_append_only BEFORE UPDATE OR DELETE ON kyc.tier_rules
  FOR EACH ROW EXECUTE FUNCTION kyc.refuse_rule_change();

-- CBN figures for NGN, in kobo. The single deposit limit is not set by the
-- circular: it equals the maximum balance (a deposit can never exceed it
-- anyway) and, for tier 3 (no maximum balance), the single transaction limit.
INSERT INTO kyc.tier_rules
  (tier, currency, daily_debit_limit, max_balance, single_transaction_limit, single_deposit_limit, effective_from, reason)
VALUES
  (1, 'NGN',   5000000,  30000000,   5000000,  30000000, '2000-01-01T00:00:00Z', 'CBN tiered KYC (seed)'),
  (2, 'NGN',  20000000,  50000000,  10000000,  50000000, '2000-01-01T00:00:00Z', 'CBN tiered KYC (seed)'),
  (3, 'NGN', 500000000,      NULL, 100000000, 100000000, '2000-01-01T00:00:00Z', 'CBN tiered KYC (seed)'),
  -- Foreign currencies only for fully verified (tier 3) accounts.
  (3, 'USD',    500000,      NULL,    200000,    200000, '2000-01-01T00:00:00Z', 'Foreign currency at tier 3 only (seed)'),
  (3, 'GBP',    400000,      NULL,    150000,    150000, '2000-01-01T00:00:00Z', 'Foreign currency at tier 3 only (seed)'),
  (3, 'EUR',    450000,      NULL,    180000,    180000, '2000-01-01T00:00:00Z', 'Foreign currency at tier 3 only (seed)');

-- One row per person once they start KYC; no row = tier 1, nothing verified.
CREATE TABLE kyc.profiles (
  user_id              uuid        PRIMARY KEY,
  tier                 smallint    NOT NULL DEFAULT 1 CHECK (tier BETWEEN 1 AND 3),
  bvn_ciphertext       text,       -- base64 of iv | tag | ciphertext (AES-256-GCM)
  bvn_last4            char(4)     CHECK (bvn_last4 ~ '^[0-9]{4}$'),
  bvn_lookup           text        UNIQUE, -- keyed hash: one BVN, one account
  bvn_verified_at      timestamptz,
  nin_ciphertext       text,
  nin_last4            char(4)     CHECK (nin_last4 ~ '^[0-9]{4}$'),
  nin_lookup           text        UNIQUE,
  nin_verified_at      timestamptz,
  verified_first_name  text        CHECK (length(verified_first_name) <= 100),
  verified_last_name   text        CHECK (length(verified_last_name) <= 100),
  verified_dob         date,
  address              text        CHECK (length(address) <= 500),
  id_type              text        CHECK (id_type IN ('passport', 'drivers_licence', 'voters_card', 'national_id')),
  id_number_ciphertext text,
  id_number_last4      text        CHECK (length(id_number_last4) <= 4),
  pnd                  boolean     NOT NULL DEFAULT false,
  pnd_reason           text        CHECK (length(pnd_reason) <= 500),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((bvn_ciphertext IS NULL) = (bvn_last4 IS NULL) AND (bvn_ciphertext IS NULL) = (bvn_lookup IS NULL)),
  CHECK ((nin_ciphertext IS NULL) = (nin_last4 IS NULL) AND (nin_ciphertext IS NULL) = (nin_lookup IS NULL)),
  CHECK (tier < 2 OR (bvn_verified_at IS NOT NULL AND nin_verified_at IS NOT NULL)),
  CHECK (pnd OR pnd_reason IS NULL)
);

-- Every verification attempt, successful or not. Never the number itself.
CREATE TABLE kyc.verifications (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     uuid        NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('bvn', 'nin')),
  result      text        NOT NULL CHECK (result IN
                ('verified', 'name_mismatch', 'dob_mismatch', 'not_found', 'in_use', 'provider_error')),
  provider    text        NOT NULL CHECK (provider IN ('sandbox', 'dojah')),
  reference   text        CHECK (length(reference) <= 200), -- the provider's reference, when it gives one
  last4       char(4)     CHECK (last4 ~ '^[0-9]{4}$'),
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verifications_user ON kyc.verifications (user_id, at DESC);

-- Tier-3 upgrade requests and their decision (status moves by kyc/review-states.ts).
CREATE TABLE kyc.reviews (
  id                   uuid        PRIMARY KEY,
  seq                  bigint      GENERATED ALWAYS AS IDENTITY UNIQUE, -- keyset pagination
  user_id              uuid        NOT NULL,
  status               text        NOT NULL DEFAULT 'pending'
                         CHECK (status IN ('pending', 'approved', 'rejected')),
  address              text        NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
  id_type              text        NOT NULL
                         CHECK (id_type IN ('passport', 'drivers_licence', 'voters_card', 'national_id')),
  id_number_ciphertext text        NOT NULL,
  id_number_last4      text        NOT NULL CHECK (length(id_number_last4) BETWEEN 1 AND 4),
  reviewer_id          uuid,
  reason               text        CHECK (length(reason) <= 500),
  submitted_at         timestamptz NOT NULL DEFAULT now(),
  decided_at           timestamptz,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (status = 'pending' OR (reviewer_id IS NOT NULL AND reason IS NOT NULL))
);
-- At most one open request per person.
CREATE UNIQUE INDEX reviews_one_pending ON kyc.reviews (user_id) WHERE status = 'pending';
CREATE INDEX reviews_queue ON kyc.reviews (status, seq);
