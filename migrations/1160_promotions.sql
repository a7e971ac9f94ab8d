-- Promotions: campaigns as data (trigger -> conditions -> limits -> effect), each paying its
-- rewards from its own funded ledger account, which must not go negative: a campaign can never
-- pay out more than it was funded with, whatever the concurrency.
CREATE SCHEMA IF NOT EXISTS promotions;

CREATE TABLE promotions.campaigns (
  id                 uuid        PRIMARY KEY,
  name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description        text        NOT NULL DEFAULT '',
  trigger            text        NOT NULL
                       CHECK (trigger IN ('bill_payment.succeeded', 'first_deposit', 'referral_first_payment')),
  -- {categories?, billerIds?, minAmount?, tiers?, newCustomersOnly?, newCustomerDays?}
  conditions         jsonb       NOT NULL DEFAULT '{}',
  -- {type:'cashback_percent', bps, cap} | {type:'flat', amount} | {type:'referral', referrer, referee}
  effect             jsonb       NOT NULL,
  -- At most this many rewards per person per period (NULL: no limit).
  per_person_limit   integer     CHECK (per_person_limit > 0),
  per_person_period  text        NOT NULL DEFAULT 'campaign'
                       CHECK (per_person_period IN ('day', 'week', 'month', 'campaign')),
  currency           char(3)     NOT NULL DEFAULT 'NGN',
  -- The campaign's funded promotion account (ledger, must not go negative).
  account_id         uuid        NOT NULL UNIQUE,
  status             text        NOT NULL DEFAULT 'draft'
                       CHECK (status IN ('draft', 'active', 'paused', 'ended')),
  starts_at          timestamptz,
  ends_at            timestamptz,
  sandbox            boolean     NOT NULL DEFAULT false,
  created_by         uuid,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX campaigns_running ON promotions.campaigns (trigger) WHERE status = 'active';

-- Money put into a campaign (treasury -> campaign account), one row per funding.
CREATE TABLE promotions.fundings (
  id           uuid        PRIMARY KEY,
  campaign_id  uuid        NOT NULL REFERENCES promotions.campaigns (id),
  amount       bigint      NOT NULL CHECK (amount > 0),
  actor_id     uuid,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fundings_campaign ON promotions.fundings (campaign_id, created_at);

-- One row per reward decision. trigger_ref is what makes a reward once-only: the triggering
-- transaction (bill_payment:<id>, deposit:<id>) or, for referrals, the referee (referee:<id>).
-- source_ref is the transaction that caused it (what a reversal claws back by).
CREATE TABLE promotions.rewards (
  id              uuid        PRIMARY KEY,
  campaign_id     uuid        NOT NULL REFERENCES promotions.campaigns (id),
  user_id         uuid        NOT NULL,
  wallet_id       uuid,
  role            text        NOT NULL CHECK (role IN ('customer', 'referrer', 'referee')),
  trigger_ref     text        NOT NULL,
  source_ref      text        NOT NULL,
  -- What the effect computed, and what was paid (less when the budget had less left; 0: nothing).
  computed        bigint      NOT NULL CHECK (computed >= 0),
  amount          bigint      NOT NULL CHECK (amount >= 0),
  currency        char(3)     NOT NULL,
  status          text        NOT NULL
                    CHECK (status IN ('paid', 'skipped', 'clawed_back', 'receivable', 'settled')),
  skip_reason     text,
  clawed_back_at  timestamptz,
  -- What the person still owes after a clawback their wallet could not cover.
  receivable      bigint      NOT NULL DEFAULT 0 CHECK (receivable >= 0),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, trigger_ref, role)
);
CREATE INDEX rewards_user ON promotions.rewards (user_id, created_at DESC);
CREATE INDEX rewards_source ON promotions.rewards (source_ref);
CREATE INDEX rewards_campaign ON promotions.rewards (campaign_id, created_at DESC);
CREATE INDEX rewards_receivable ON promotions.rewards (created_at) WHERE status = 'receivable';

-- Cards saved from a successful card charge: Paystack's reusable authorization.
CREATE TABLE promotions.saved_cards (
  id                  uuid        PRIMARY KEY,
  user_id             uuid        NOT NULL,
  authorization_code  text        NOT NULL,
  signature           text        NOT NULL,
  email               text        NOT NULL,
  last4               text        NOT NULL,
  brand               text        NOT NULL,
  exp_month           text        NOT NULL DEFAULT '',
  exp_year            text        NOT NULL DEFAULT '',
  bank                text        NOT NULL DEFAULT '',
  created_at          timestamptz NOT NULL DEFAULT now(),
  removed_at          timestamptz
);
CREATE UNIQUE INDEX saved_cards_one ON promotions.saved_cards (user_id, signature) WHERE removed_at IS NULL;

-- Auto top-up: when the wallet falls below threshold, charge the card for amount, at most
-- max_per_day times a day and max_per_month in a month (Africa/Lagos calendar).
CREATE TABLE promotions.auto_topup_rules (
  id             uuid        PRIMARY KEY,
  user_id        uuid        NOT NULL,
  wallet_id      uuid        NOT NULL UNIQUE,
  card_id        uuid        NOT NULL REFERENCES promotions.saved_cards (id),
  threshold      bigint      NOT NULL CHECK (threshold > 0),
  amount         bigint      NOT NULL CHECK (amount > 0),
  max_per_day    integer     NOT NULL CHECK (max_per_day BETWEEN 1 AND 10),
  max_per_month  bigint      NOT NULL CHECK (max_per_month > 0),
  enabled        boolean     NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auto_topup_rules_user ON promotions.auto_topup_rules (user_id);

-- One charge per triggering balance event (trigger_ref unique): never two for one trigger.
CREATE TABLE promotions.auto_topup_charges (
  id           uuid        PRIMARY KEY,
  rule_id      uuid        NOT NULL REFERENCES promotions.auto_topup_rules (id),
  user_id      uuid        NOT NULL,
  trigger_ref  text        NOT NULL UNIQUE,
  reference    text        NOT NULL UNIQUE,
  deposit_id   uuid        NOT NULL,
  amount       bigint      NOT NULL CHECK (amount > 0),
  status       text        NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'succeeded', 'failed')),
  reason       text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auto_topup_charges_rule ON promotions.auto_topup_charges (rule_id, created_at);

-- The simulator: authorizations it issued for successful card charges (reusable, as Paystack's).
CREATE TABLE paystack_sim.authorizations (
  authorization_code  text        PRIMARY KEY,
  email               text        NOT NULL,
  signature           text        NOT NULL,
  last4               text        NOT NULL,
  brand               text        NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE paystack_sim.charges ADD COLUMN authorization_code text;
