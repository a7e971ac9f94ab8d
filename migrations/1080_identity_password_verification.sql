-- Password reset and email/phone verification.
--
-- A contact is verified for the address it holds now: changing the email or
-- the phone clears its verified_at (trigger below), so a verification never
-- carries over to a new address.
ALTER TABLE identity.users
  ADD COLUMN email_verified_at timestamptz,
  ADD COLUMN phone_verified_at timestamptz;

CREATE FUNCTION identity.clear_contact_verification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.email IS DISTINCT FROM OLD.email THEN NEW.email_verified_at := NULL; END IF;
  IF NEW.phone IS DISTINCT FROM OLD.phone THEN NEW.phone_verified_at := NULL; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER users_clear_contact_verification BEFORE UPDATE OF email, phone ON identity.users
  FOR EACH ROW EXECUTE FUNCTION identity.clear_contact_verification();

-- Links sent by email (password reset, email verification): only the sha256
-- of the token is kept. Single use: used_at is set when it is redeemed.
-- `email` is the address the link went to; redeeming it for an account whose
-- email has changed since is refused.
CREATE TABLE identity.email_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  purpose    text NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
  user_id    uuid NOT NULL REFERENCES identity.users (id) ON DELETE CASCADE,
  email      text NOT NULL CHECK (length(email) <= 254),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX email_tokens_user ON identity.email_tokens (user_id, purpose) WHERE used_at IS NULL;
CREATE INDEX email_tokens_expires_at ON identity.email_tokens (expires_at);

-- The one outstanding phone code of a person (a new send replaces it). The
-- code is 6 digits, so what protects it is the attempt limit, not the hash:
-- code_hash is an HMAC-SHA256 under a server key, so the table alone does not
-- give codes away.
CREATE TABLE identity.phone_codes (
  user_id    uuid PRIMARY KEY REFERENCES identity.users (id) ON DELETE CASCADE,
  phone      text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  code_hash  text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  attempts   smallint NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 5),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

-- 'password': ended by a password change or reset.
ALTER TABLE identity.sessions DROP CONSTRAINT sessions_revoked_reason_check;
ALTER TABLE identity.sessions ADD CONSTRAINT sessions_revoked_reason_check
  CHECK (revoked_reason IN ('logout', 'reuse', 'frozen', 'admin', 'remote', 'password'));
