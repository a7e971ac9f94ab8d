-- What the sessions list (GET /v1/me/sessions) shows of each login: the
-- User-Agent it came from (to name the device), the client address, and when
-- it was last used. Kept on the session, which is deleted 30 days after it
-- ends (pruneIdentity), unlike identity.devices, which keeps only hashes for
-- as long as the account exists. last_seen_at is brought up to date at most
-- once a minute per session (src/identity/session-touch.ts), and is not among
-- the columns whose change notifies the identity caches (0510).
ALTER TABLE identity.sessions
  ADD COLUMN user_agent   text CHECK (length(user_agent) <= 512),
  ADD COLUMN ip           text CHECK (length(ip) <= 64),
  ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();

-- 'remote': ended by the person from another of their sessions (the sessions list, or log out everywhere else).
ALTER TABLE identity.sessions DROP CONSTRAINT sessions_revoked_reason_check;
ALTER TABLE identity.sessions ADD CONSTRAINT sessions_revoked_reason_check
  CHECK (revoked_reason IN ('logout', 'reuse', 'frozen', 'admin', 'remote'));
