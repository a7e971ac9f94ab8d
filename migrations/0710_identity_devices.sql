-- The devices a person has logged in from: a sha256 of the User-Agent (and of
-- the X-Device-Id header when the app sends one), first and last seen. Filled
-- at registration and login (src/identity/devices.ts); the risk rules ask when
-- a person last logged in from a device they had never used before.
CREATE TABLE identity.devices (
  user_id       uuid        NOT NULL REFERENCES identity.users (id),
  device_hash   text        NOT NULL CHECK (device_hash ~ '^[0-9a-f]{64}$'),
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, device_hash)
);
