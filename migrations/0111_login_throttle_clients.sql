-- Login throttling per (account, client) instead of per account alone: a failure records the client
-- address it came from, and a client that logged in to the account recently is known, so failures from
-- elsewhere never lock the owner out on their own device.
ALTER TABLE identity.login_failures ADD COLUMN client text CHECK (length(client) <= 128);

-- Clients (addresses) that logged in to an account, by the account's throttle subject (sha256 of the email).
CREATE TABLE identity.login_known_clients (
  account       text NOT NULL CHECK (length(account) <= 128),
  client        text NOT NULL CHECK (length(client) <= 128),
  last_login_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account, client)
);
CREATE INDEX login_known_clients_last_login_at ON identity.login_known_clients (last_login_at);
