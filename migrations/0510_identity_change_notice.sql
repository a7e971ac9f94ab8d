-- A NOTIFY on vendra_identity (the user's id) in the same transaction as every
-- change to what API processes cache about who may call: a user's role, status
-- or name; a session's end or lifetime; an API key's revocation, lifetime,
-- scopes or owner. Sent at commit, never on rollback. Triggers rather than
-- calls in the code, so a change made by hand in psql reaches the caches too.
-- Identical notifications in one transaction are folded into one by
-- PostgreSQL, so ending every session of a user sends one.
-- TG_ARGV[0] names the column holding the user's id.
CREATE FUNCTION identity.notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('vendra_identity', to_jsonb(OLD) ->> TG_ARGV[0]);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('vendra_identity', to_jsonb(NEW) ->> TG_ARGV[0]);
  END IF;
  RETURN NULL;
END $$;

-- Updates that change nothing cached (last_used_at, password_hash, updated_at) send nothing.
CREATE TRIGGER users_change_notice AFTER UPDATE ON identity.users FOR EACH ROW
  WHEN ((OLD.role, OLD.status, OLD.full_name) IS DISTINCT FROM (NEW.role, NEW.status, NEW.full_name))
  EXECUTE FUNCTION identity.notify_change('id');
CREATE TRIGGER users_delete_notice AFTER DELETE ON identity.users
  FOR EACH ROW EXECUTE FUNCTION identity.notify_change('id');
CREATE TRIGGER sessions_change_notice AFTER UPDATE ON identity.sessions FOR EACH ROW
  WHEN ((OLD.user_id, OLD.expires_at, OLD.revoked_at) IS DISTINCT FROM (NEW.user_id, NEW.expires_at, NEW.revoked_at))
  EXECUTE FUNCTION identity.notify_change('user_id');
CREATE TRIGGER sessions_delete_notice AFTER DELETE ON identity.sessions
  FOR EACH ROW EXECUTE FUNCTION identity.notify_change('user_id');
CREATE TRIGGER api_keys_change_notice AFTER UPDATE ON identity.api_keys FOR EACH ROW
  WHEN ((OLD.user_id, OLD.key_hash, OLD.scopes, OLD.expires_at, OLD.revoked_at)
        IS DISTINCT FROM (NEW.user_id, NEW.key_hash, NEW.scopes, NEW.expires_at, NEW.revoked_at))
  EXECUTE FUNCTION identity.notify_change('user_id');
CREATE TRIGGER api_keys_delete_notice AFTER DELETE ON identity.api_keys
  FOR EACH ROW EXECUTE FUNCTION identity.notify_change('user_id');
