-- Post-no-debit on a single wallet (besides a whole person, kyc.profiles.pnd): money may come in,
-- none may go out of it. One row per wallet under PND; lifting it deletes the row (the audit log
-- keeps the history). Every change notifies the owner's id on vendra_identity, so the API
-- processes' cached KYC profiles (which carry the wallets under PND) drop it at once.
CREATE TABLE kyc.wallet_pnd (
  wallet_id  uuid        PRIMARY KEY,
  user_id    uuid        NOT NULL,
  reason     text        NOT NULL CHECK (length(reason) BETWEEN 3 AND 500),
  set_by     uuid        NOT NULL,
  set_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wallet_pnd_user ON kyc.wallet_pnd (user_id);

CREATE TRIGGER wallet_pnd_change_notice AFTER INSERT OR UPDATE OR DELETE ON kyc.wallet_pnd
  FOR EACH ROW EXECUTE FUNCTION kyc.notify_change();
