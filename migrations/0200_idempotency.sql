-- Idempotency keys of money-moving requests (Stripe's and the IETF draft's rules).
CREATE SCHEMA idempotency;

CREATE TABLE idempotency.keys (
  scope           text        NOT NULL,            -- the caller: user id or API key id
  key             text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash    text        NOT NULL,            -- method, path and body
  status          text        NOT NULL CHECK (status IN ('in_progress', 'done')),
  response_status smallint,
  response_body   text,                            -- the exact bytes sent, replayed byte for byte
  locked_at       timestamptz NOT NULL DEFAULT now(),
  created_at      timestamptz NOT NULL DEFAULT now(),
  completed_at    timestamptz,
  PRIMARY KEY (scope, key),
  CHECK ((status = 'done') = (response_status IS NOT NULL))
);
CREATE INDEX keys_created ON idempotency.keys (created_at);
