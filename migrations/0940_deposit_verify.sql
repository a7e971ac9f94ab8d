-- Deposits are never stuck: a card deposit still pending after its checkout window is verified
-- with the gateway (GET /transaction/verify/{reference}) by a worker task.

-- The simulator's side: every sandbox checkout that was paid or failed, as Paystack remembers
-- its transactions, so verify can answer even when the webhook was lost.
CREATE TABLE paystack_sim.charges (
  reference         text        PRIMARY KEY,
  amount            bigint      NOT NULL CHECK (amount > 0),
  currency          char(3)     NOT NULL,
  email             text        NOT NULL,
  status            text        NOT NULL CHECK (status IN ('success', 'failed', 'abandoned')),
  channel           text        NOT NULL DEFAULT 'card',
  gateway_response  text        NOT NULL,
  webhook_sent      boolean     NOT NULL,
  paid_at           timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now()
);

-- Ours: when a pending deposit was last asked about, and how often, so one the gateway
-- keeps calling pending is asked again later, not on every scan.
ALTER TABLE wallets.deposits
  ADD COLUMN verify_attempts  integer     NOT NULL DEFAULT 0,
  ADD COLUMN next_verify_at   timestamptz;

-- The scan: pending card deposits, oldest first.
CREATE INDEX deposits_pending ON wallets.deposits (created_at) WHERE status = 'pending';
