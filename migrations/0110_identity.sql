-- Identity: users, login sessions (refresh-token families), API keys, login
-- throttling and the operator audit log.
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE, -- stable order for keyset pagination
  email         text NOT NULL CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254),
  phone         text CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  full_name     text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  role          text NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'operator', 'admin')),
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen')),
  referral_code text NOT NULL CHECK (referral_code ~ '^[0-9A-Z]{10}$'),
  referred_by   uuid REFERENCES identity.users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT users_phone_key UNIQUE (phone),
  CONSTRAINT users_referral_code_key UNIQUE (referral_code)
);

-- A session is one login and every refresh token rotated from it (a "family").
CREATE TABLE identity.sessions (
  id             uuid PRIMARY KEY,
  user_id        uuid NOT NULL REFERENCES identity.users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL, -- absolute lifetime, however often it is refreshed
  revoked_at     timestamptz,
  revoked_reason text CHECK (revoked_reason IN ('logout', 'reuse', 'frozen', 'admin'))
);
CREATE INDEX sessions_user_active ON identity.sessions (user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_expires_at ON identity.sessions (expires_at);

-- Refresh tokens are stored as sha256 hex; used_at is set when one is rotated.
CREATE TABLE identity.refresh_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  session_id uuid NOT NULL REFERENCES identity.sessions (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX refresh_tokens_session ON identity.refresh_tokens (session_id);
CREATE INDEX refresh_tokens_expires_at ON identity.refresh_tokens (expires_at);

CREATE TABLE identity.api_keys (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES identity.users (id),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  prefix       text NOT NULL CHECK (length(prefix) <= 20), -- shown in listings to recognise a key
  key_hash     text NOT NULL CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  scopes       text[] NOT NULL CHECK (cardinality(scopes) BETWEEN 1 AND 32),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash)
);
CREATE INDEX api_keys_user ON identity.api_keys (user_id, created_at);

-- Failed (and in-flight) login attempts, per account (sha256 of the email) and per IP.
CREATE TABLE identity.login_failures (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scope     text NOT NULL CHECK (scope IN ('account', 'ip')),
  subject   text NOT NULL CHECK (length(subject) <= 128),
  failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_lookup ON identity.login_failures (scope, subject, failed_at);
CREATE INDEX login_failures_failed_at ON identity.login_failures (failed_at);

-- Append-only record of every operator/admin action.
CREATE TABLE identity.audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  actor_id    uuid, -- NULL: the system (startup, CLI)
  action      text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]*$' AND length(action) <= 100),
  target_type text NOT NULL CHECK (length(target_type) BETWEEN 1 AND 50),
  target_id   text CHECK (length(target_id) <= 100),
  before      jsonb,
  after       jsonb,
  reason      text CHECK (length(reason) <= 500),
  request_id  text CHECK (length(request_id) <= 64),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_actor ON identity.audit_log (actor_id, id);
CREATE INDEX audit_log_action ON identity.audit_log (action, id);
CREATE INDEX audit_log_target ON identity.audit_log (target_type, target_id, id);

CREATE FUNCTION identity.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'identity.audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON identity.audit_log
  FOR EACH ROW EXECUTE FUNCTION identity.audit_log_append_only();
