-- Funding (deposits through a payment gateway) and withdrawals to banks.
-- Wallets themselves are ledger accounts (type user_wallet, key wallet:<user>:<currency>).
CREATE SCHEMA wallets;

CREATE TABLE wallets.deposits (
  id             uuid        PRIMARY KEY,
  reference      text        NOT NULL UNIQUE,
  user_id        uuid        NOT NULL,
  wallet_id      uuid        NOT NULL,
  amount         bigint      NOT NULL CHECK (amount > 0),
  currency       char(3)     NOT NULL,
  gateway        text        NOT NULL CHECK (gateway IN ('sandbox', 'paystack')),
  status         text        NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'succeeded', 'failed', 'flagged')),
  checkout_url   text        NOT NULL,
  flag_reason    text,
  gateway_event  jsonb,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deposits_user ON wallets.deposits (user_id, created_at DESC);
CREATE INDEX deposits_flagged ON wallets.deposits (created_at) WHERE status = 'flagged';

-- Every webhook we received, signed or not, for operators (bounded by pruning).
CREATE TABLE wallets.gateway_webhooks (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  received_at  timestamptz NOT NULL DEFAULT now(),
  signature_ok boolean     NOT NULL,
  event        text,
  reference    text,
  outcome      text        NOT NULL,
  body         jsonb
);

CREATE TABLE wallets.withdrawals (
  id              uuid        PRIMARY KEY,
  reference       text        NOT NULL UNIQUE,
  user_id         uuid        NOT NULL,
  wallet_id       uuid        NOT NULL,
  amount          bigint      NOT NULL CHECK (amount > 0),
  fee             bigint      NOT NULL CHECK (fee >= 0),
  currency        char(3)     NOT NULL,
  bank_code       text        NOT NULL,
  account_number  text        NOT NULL,
  account_name    text        NOT NULL,
  narration       text        NOT NULL DEFAULT '',
  status          text        NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'processing', 'succeeded', 'failed', 'needs_review')),
  hold_id         uuid        NOT NULL UNIQUE,   -- one payout per hold, ever
  sent_at         timestamptz,
  failure_reason  text,
  timeline        jsonb       NOT NULL DEFAULT '[]',
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX withdrawals_user ON wallets.withdrawals (user_id, created_at DESC);

-- The simulated payout provider keeps what it "sent" here, so a worker restart
-- never makes it forget a payout (a real provider remembers too).
CREATE TABLE wallets.payout_sim (
  reference  text        PRIMARY KEY,
  outcome    text        NOT NULL CHECK (outcome IN ('success', 'failed', 'pending')),
  settle_at  timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
