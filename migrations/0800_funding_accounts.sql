-- The inbound money rail: dedicated bank account numbers (virtual accounts a
-- gateway assigns to a person) and the bank transfers that arrive on them.

-- One account number per person and currency, as the gateway assigned it.
CREATE TABLE wallets.funding_accounts (
  id                     uuid        PRIMARY KEY,
  user_id                uuid        NOT NULL,
  currency               char(3)     NOT NULL,
  wallet_id              uuid        NOT NULL,
  provider               text        NOT NULL,
  status                 text        NOT NULL DEFAULT 'pending'
                           CHECK (status IN ('pending', 'assigned', 'failed')),
  provider_customer_ref  text,
  provider_account_ref   text,
  bank_name              text,
  bank_slug              text,
  account_number         text        UNIQUE CHECK (account_number ~ '^[0-9]{10}$'),
  account_name           text,
  failure_reason         text,
  assigned_at            timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, currency),
  CHECK (status <> 'assigned' OR (account_number IS NOT NULL AND bank_name IS NOT NULL AND account_name IS NOT NULL))
);
CREATE INDEX funding_accounts_customer ON wallets.funding_accounts (provider, provider_customer_ref);

-- Deposits now come by card (a checkout) or by bank transfer (no checkout; a sender).
ALTER TABLE wallets.deposits ALTER COLUMN checkout_url DROP NOT NULL;
ALTER TABLE wallets.deposits
  ADD COLUMN channel text NOT NULL DEFAULT 'card' CHECK (channel IN ('card', 'bank_transfer')),
  ADD COLUMN sender  jsonb;

-- Every inbound bank transfer, once per gateway reference (the unique key is
-- what makes a redelivered webhook a duplicate, whichever path it takes).
-- `credited`: the wallet got it (deposit_id). `held`: in suspense, unmatched
-- (an account number we do not know) or not creditable (over the tier's
-- maximum balance, a frozen wallet), for an operator to credit to a wallet or
-- return to the sender; both moves are final.
CREATE TABLE wallets.inbound_transfers (
  id                  uuid        PRIMARY KEY,
  reference           text        NOT NULL UNIQUE,
  account_number      text        NOT NULL,
  amount              bigint      NOT NULL CHECK (amount > 0),
  currency            char(3)     NOT NULL,
  sender_name         text,
  sender_bank         text,
  sender_account      text,
  funding_account_id  uuid,
  wallet_id           uuid,
  deposit_id          uuid,
  status              text        NOT NULL CHECK (status IN ('credited', 'held', 'returned')),
  hold_reason         text        CHECK (hold_reason IN ('unknown_account', 'over_limit', 'not_creditable')),
  hold_detail         text,
  resolution          text        CHECK (resolution IN ('credited_to_wallet', 'returned_to_sender')),
  resolved_wallet_id  uuid,
  return_reference    text,
  resolved_by         uuid,
  resolved_at         timestamptz,
  gateway_event       jsonb,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'held' OR hold_reason IS NOT NULL)
);
CREATE INDEX inbound_transfers_held ON wallets.inbound_transfers (created_at DESC) WHERE status = 'held';
CREATE INDEX inbound_transfers_created ON wallets.inbound_transfers (created_at DESC);

-- The Paystack-compatible simulator's customers, dedicated accounts and the
-- bank transfers it was told arrived (its own state, as Paystack keeps its own).
CREATE SCHEMA IF NOT EXISTS paystack_sim;
CREATE TABLE paystack_sim.customers (
  id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_code  text        NOT NULL UNIQUE,
  email          text        NOT NULL UNIQUE,
  first_name     text,
  last_name      text,
  phone          text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE SEQUENCE paystack_sim.account_number_seq;
CREATE TABLE paystack_sim.dedicated_accounts (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id     bigint      NOT NULL UNIQUE REFERENCES paystack_sim.customers (id),
  account_number  text        NOT NULL UNIQUE,
  account_name    text        NOT NULL,
  bank_id         integer     NOT NULL,
  bank_name       text        NOT NULL,
  bank_slug       text        NOT NULL,
  currency        char(3)     NOT NULL DEFAULT 'NGN',
  active          boolean     NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE paystack_sim.bank_transfers (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference       text        NOT NULL UNIQUE,
  account_number  text        NOT NULL,
  amount          bigint      NOT NULL CHECK (amount > 0),
  currency        char(3)     NOT NULL,
  sender_name     text        NOT NULL,
  sender_bank     text        NOT NULL,
  sender_account  text        NOT NULL,
  customer_id     bigint      REFERENCES paystack_sim.customers (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
