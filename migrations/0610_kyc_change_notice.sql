-- A NOTIFY on vendra_identity (the user's id) in the same transaction as every
-- change to a KYC profile (tier, verified numbers, post-no-debit), so that the
-- API processes' caches of who may debit drop the person at once (see
-- migration 0510 and src/identity/cache.ts: the caches of facts about a
-- person all listen on that channel). Sent at commit, never on rollback.
CREATE FUNCTION kyc.notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('vendra_identity', OLD.user_id::text);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('vendra_identity', NEW.user_id::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER profiles_change_notice AFTER INSERT OR UPDATE OR DELETE ON kyc.profiles
  FOR EACH ROW EXECUTE FUNCTION kyc.notify_change();
