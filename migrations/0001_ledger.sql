-- The double-entry ledger. Money is BIGINT minor units; every transaction is a
-- balanced set of postings in one currency. The journal (transactions, postings)
-- is append-only: corrections are new, reversing transactions.

CREATE SCHEMA ledger;

CREATE TABLE ledger.currencies (
  code     char(3)  PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
  exponent smallint NOT NULL CHECK (exponent BETWEEN 0 AND 4),
  name     text     NOT NULL
);

INSERT INTO ledger.currencies (code, exponent, name) VALUES
  ('NGN', 2, 'Nigerian naira'),
  ('USD', 2, 'US dollar'),
  ('GHS', 2, 'Ghanaian cedi'),
  ('KES', 2, 'Kenyan shilling'),
  ('ZAR', 2, 'South African rand'),
  ('EUR', 2, 'Euro'),
  ('GBP', 2, 'Pound sterling'),
  ('XOF', 0, 'West African CFA franc');

CREATE TABLE ledger.accounts (
  id         uuid        PRIMARY KEY,
  -- An optional unique name, so that system accounts and wallets can be created idempotently.
  key        text        UNIQUE,
  currency   char(3)     NOT NULL REFERENCES ledger.currencies (code),
  type       text        NOT NULL CHECK (type IN (
               'user_wallet', 'gateway_clearing', 'payout_clearing', 'provider_float', 'fee_revenue',
               'commission_receivable', 'promotion_expense', 'suspense', 'equity', 'test')),
  owner_id   uuid,
  name       text        NOT NULL DEFAULT '',
  status     text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen', 'closed')),
  -- TigerBeetle's flags: a user wallet may not spend more than it holds.
  debits_must_not_exceed_credits boolean NOT NULL DEFAULT false,
  credits_must_not_exceed_debits boolean NOT NULL DEFAULT false,
  -- Hot system accounts spread their balance over this many rows so that
  -- concurrent transactions do not queue on one row lock (see README).
  buckets    smallint    NOT NULL DEFAULT 1 CHECK (buckets BETWEEN 1 AND 64),
  metadata   jsonb       NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT (debits_must_not_exceed_credits AND credits_must_not_exceed_debits)),
  -- An account with a limit keeps its balance in one row, which is locked to check the limit.
  CHECK (buckets = 1 OR NOT (debits_must_not_exceed_credits OR credits_must_not_exceed_debits))
);
CREATE INDEX accounts_owner ON ledger.accounts (owner_id) WHERE owner_id IS NOT NULL;

CREATE TABLE ledger.balances (
  account_id      uuid     NOT NULL REFERENCES ledger.accounts (id),
  bucket          smallint NOT NULL CHECK (bucket >= 0 AND bucket < 64),
  debits_posted   bigint   NOT NULL DEFAULT 0,
  credits_posted  bigint   NOT NULL DEFAULT 0,
  debits_pending  bigint   NOT NULL DEFAULT 0,
  credits_pending bigint   NOT NULL DEFAULT 0,
  -- Copies of the account's flags, so the limit is a constraint of this row.
  dr_limit        boolean  NOT NULL,
  cr_limit        boolean  NOT NULL,
  PRIMARY KEY (account_id, bucket),
  CHECK (debits_posted >= 0 AND credits_posted >= 0),
  CHECK ((dr_limit OR cr_limit) = false OR (debits_pending >= 0 AND credits_pending >= 0 AND bucket = 0)),
  CHECK (NOT dr_limit OR debits_posted + debits_pending <= credits_posted),
  CHECK (NOT cr_limit OR credits_posted + credits_pending <= debits_posted)
) WITH (fillfactor = 70);

CREATE TABLE ledger.transactions (
  id           uuid        PRIMARY KEY,
  kind         text        NOT NULL CHECK (kind IN ('transfer', 'hold', 'post', 'void')),
  -- A transaction that failed for a reason that may change (funds, status) is
  -- kept, so that a retry with the same id gets the same answer (TigerBeetle's rule).
  status       text        NOT NULL CHECK (status IN ('committed', 'failed')),
  error        text,
  currency     char(3)     NOT NULL,
  pending_id   uuid,
  amount       bigint      NOT NULL CHECK (amount >= 0),
  request_hash text        NOT NULL,
  code         text        NOT NULL DEFAULT '',
  metadata     jsonb       NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'failed') = (error IS NOT NULL)),
  CHECK ((kind IN ('post', 'void')) = (pending_id IS NOT NULL))
);

CREATE TABLE ledger.postings (
  id             bigint      GENERATED ALWAYS AS IDENTITY,
  account_id     uuid        NOT NULL,
  transaction_id uuid        NOT NULL,
  side           char(1)     NOT NULL CHECK (side IN ('D', 'C')),
  -- A pending posting moves the pending totals (a hold, or the release of one).
  pending        boolean     NOT NULL,
  amount         bigint      NOT NULL CHECK (amount <> 0 AND (amount > 0 OR pending)),
  -- Posted balance (credits - debits) of the account after this posting, for
  -- single-row accounts; NULL for bucketed accounts (summed on read).
  balance_after  bigint,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);
CREATE INDEX postings_transaction ON ledger.postings (transaction_id);

CREATE TABLE ledger.holds (
  id          uuid        PRIMARY KEY,
  currency    char(3)     NOT NULL,
  -- [[account_id, "D"|"C", "amount"], ...] as placed
  legs        jsonb       NOT NULL,
  amount      bigint      NOT NULL CHECK (amount > 0),
  expires_at  timestamptz,
  status      text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted', 'voided', 'expired')),
  resolved_by uuid,
  resolved_at timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'open') = (resolved_by IS NULL))
);
CREATE INDEX holds_open_expiry ON ledger.holds (expires_at) WHERE status = 'open' AND expires_at IS NOT NULL;

-- The journal is append-only.
CREATE FUNCTION ledger.forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger.% is append-only: fix mistakes with a reversing transaction', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER transactions_append_only BEFORE UPDATE OR DELETE ON ledger.transactions
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.forbid_change();
CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE ON ledger.postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger.forbid_change();
