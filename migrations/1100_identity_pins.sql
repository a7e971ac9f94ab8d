-- The transaction PIN: 4 digits asked on every money-moving request made with
-- a login session. No slow hash can protect 10,000 possibilities, so pin_hmac
-- is an HMAC-SHA256 under PIN_HMAC_KEY (kept outside the database) of the
-- user's id and the PIN: the table alone gives no PIN away, equal PINs give
-- different values, and checking costs microseconds. What protects the PIN is
-- the lockout: failed_attempts counts wrong PINs since the last right one; the
-- fifth sets locked_until (30 minutes), and the first wrong PIN after it has
-- passed starts the count again.
CREATE TABLE identity.pins (
  user_id         uuid PRIMARY KEY REFERENCES identity.users (id) ON DELETE CASCADE,
  pin_hmac        bytea NOT NULL CHECK (length(pin_hmac) = 32),
  failed_attempts smallint NOT NULL DEFAULT 0 CHECK (failed_attempts BETWEEN 0 AND 5),
  locked_until    timestamptz,
  set_at          timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- The API processes cache each person's PIN facts beside their session
-- (0510): every change to them notifies, in the same transaction.
CREATE TRIGGER pins_insert_notice AFTER INSERT ON identity.pins
  FOR EACH ROW EXECUTE FUNCTION identity.notify_change('user_id');
CREATE TRIGGER pins_change_notice AFTER UPDATE ON identity.pins FOR EACH ROW
  WHEN ((OLD.user_id, OLD.pin_hmac, OLD.failed_attempts, OLD.locked_until)
        IS DISTINCT FROM (NEW.user_id, NEW.pin_hmac, NEW.failed_attempts, NEW.locked_until))
  EXECUTE FUNCTION identity.notify_change('user_id');
CREATE TRIGGER pins_delete_notice AFTER DELETE ON identity.pins
  FOR EACH ROW EXECUTE FUNCTION identity.notify_change('user_id');

-- Phone codes have a purpose: verifying the phone, or resetting the PIN (sent
-- to a verified phone only). A person has at most one outstanding code of
-- each purpose; the machinery (hashed, 10 minutes, 5 attempts) is shared.
ALTER TABLE identity.phone_codes
  ADD COLUMN purpose text NOT NULL DEFAULT 'phone_verification'
    CHECK (purpose IN ('phone_verification', 'pin_reset'));
ALTER TABLE identity.phone_codes DROP CONSTRAINT phone_codes_pkey;
ALTER TABLE identity.phone_codes ADD PRIMARY KEY (user_id, purpose);
