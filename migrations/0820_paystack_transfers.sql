-- Payouts through Paystack Transfers: the simulator's side (schema paystack_sim, as Paystack
-- would remember recipients and transfers) and ours (the bank list cache, resolved accounts and
-- their transfer recipients, the `reversed` withdrawal state).
CREATE SCHEMA IF NOT EXISTS paystack_sim;

CREATE TABLE paystack_sim.transfer_recipients (
  recipient_code  text        PRIMARY KEY,
  bank_code       text        NOT NULL,
  account_number  text        NOT NULL,
  account_name    text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (bank_code, account_number)
);

-- One row per reference, ever: Paystack refuses a second transfer with a reference it has seen.
-- `attempts` counts every POST /transfer that came with the reference (duplicates included).
CREATE TABLE paystack_sim.transfers (
  id              bigserial   PRIMARY KEY,
  reference       text        NOT NULL UNIQUE,
  transfer_code   text        NOT NULL UNIQUE,
  recipient_code  text        NOT NULL REFERENCES paystack_sim.transfer_recipients,
  amount          bigint      NOT NULL CHECK (amount > 0),
  currency        char(3)     NOT NULL DEFAULT 'NGN',
  reason          text        NOT NULL DEFAULT '',
  status          text        NOT NULL CHECK (status IN ('pending', 'success', 'failed', 'reversed')),
  -- What the transfer becomes at settle_at (a pending payout settling, a success later reversed).
  settles_as      text        CHECK (settles_as IN ('success', 'failed', 'reversed')),
  settle_at       timestamptz,
  failure         text,
  attempts        integer     NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Calls per endpoint, so tests can tell a cached answer from a fetched one.
CREATE TABLE paystack_sim.request_counts (
  endpoint  text   PRIMARY KEY,
  calls     bigint NOT NULL DEFAULT 0
);

-- The simulator's settings (PAYOUT_SIM_PENDING_MS), shared by every process running one.
CREATE TABLE paystack_sim.settings (
  name   text PRIMARY KEY,
  value  text NOT NULL
);

-- Banks a withdrawal can go to, as the payout provider last listed them (GET /v1/banks reads this).
CREATE TABLE wallets.banks (
  code    text    PRIMARY KEY,
  name    text    NOT NULL,
  slug    text,
  active  boolean NOT NULL DEFAULT true
);
-- When the list was last fetched: one row.
CREATE TABLE wallets.bank_list (
  id            boolean     PRIMARY KEY DEFAULT true CHECK (id),
  refreshed_at  timestamptz NOT NULL,
  bank_count    integer     NOT NULL
);

-- Accounts the provider resolved, with their transfer recipient once one was created for a payout.
CREATE TABLE wallets.payout_accounts (
  bank_code       text        NOT NULL,
  account_number  text        NOT NULL,
  account_name    text        NOT NULL,
  recipient_code  text,
  resolved_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (bank_code, account_number)
);

-- A payout Paystack reverses after it succeeded is refunded by a compensating transaction: reversed.
ALTER TABLE wallets.withdrawals DROP CONSTRAINT withdrawals_status_check;
ALTER TABLE wallets.withdrawals ADD CONSTRAINT withdrawals_status_check
  CHECK (status IN ('pending_review', 'pending', 'processing', 'succeeded', 'failed', 'needs_review', 'reversed'));

-- The console lists payouts by state, newest first.
CREATE INDEX withdrawals_status_created ON wallets.withdrawals (status, created_at DESC, id DESC);
CREATE INDEX withdrawals_created ON wallets.withdrawals (created_at DESC, id DESC);
