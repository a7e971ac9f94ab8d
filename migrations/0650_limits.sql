-- What each limit account was last funded to: a person's daily allowance (per
-- Africa/Lagos day) and balance headroom (see src/limits). The accounts'
-- debits also carry restorations and refunds, so the ledger alone cannot tell
-- the target. Changed only under the account's advisory lock, in the
-- transaction that funds the difference.
CREATE SCHEMA IF NOT EXISTS limits;

CREATE TABLE limits.targets (
  account_id uuid        PRIMARY KEY,
  user_id    uuid        NOT NULL,
  currency   char(3)     NOT NULL,
  kind       text        NOT NULL CHECK (kind IN ('daily_debit', 'max_balance')),
  -- Minor units; 2^62 stands for "unlimited" (a headroom no balance reaches).
  target     bigint      NOT NULL CHECK (target >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
