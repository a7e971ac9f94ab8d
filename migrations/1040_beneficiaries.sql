-- Beneficiaries: a person's saved recipients (another Vendra user, for transfers) and saved bank
-- accounts (for withdrawals), each with the name the recipient resolution or the bank gave when it
-- was saved. A shortcut that fills a form, never a permission: the transfer or withdrawal still
-- resolves and validates as usual. Owned by the beneficiaries module.
CREATE SCHEMA beneficiaries;

CREATE TABLE beneficiaries.beneficiaries (
  id                 uuid        PRIMARY KEY,
  user_id            uuid        NOT NULL,
  kind               text        NOT NULL CHECK (kind IN ('wallet', 'bank')),
  -- What makes two saves the same one: 'user:<recipient id>' or 'bank:<code>:<account number>',
  -- so one person saved by email and again by phone is one beneficiary.
  target             text        NOT NULL,
  -- wallet: the person, and how the saver named them (filled back into the transfer form).
  recipient_user_id  uuid,
  handle_type        text        CHECK (handle_type IN ('email', 'phone', 'walletId')),
  handle             text,
  -- bank: the account, and the bank's name as the provider listed it.
  bank_code          text,
  bank_name          text,
  account_number     text,
  -- The resolved name (never what the client sent), and the saver's own label.
  name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  nickname           text        CHECK (length(nickname) BETWEEN 1 AND 40),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, target),
  CHECK (
    (kind = 'wallet' AND recipient_user_id IS NOT NULL AND handle_type IS NOT NULL AND handle IS NOT NULL
      AND bank_code IS NULL AND account_number IS NULL)
    OR (kind = 'bank' AND bank_code IS NOT NULL AND bank_name IS NOT NULL AND account_number IS NOT NULL
      AND recipient_user_id IS NULL AND handle IS NULL)
  )
);
CREATE INDEX beneficiaries_user ON beneficiaries.beneficiaries (user_id, created_at DESC, id DESC);
