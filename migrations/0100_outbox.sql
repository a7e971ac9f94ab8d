-- Transactional outbox: events are written in the producer's transaction,
-- with one delivery row per subscribed consumer. Workers claim due deliveries
-- with FOR UPDATE SKIP LOCKED and hold them under a lease (locked_until).
CREATE SCHEMA IF NOT EXISTS outbox;

CREATE TABLE outbox.events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type       text NOT NULL CHECK (type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$' AND length(type) <= 100),
  key        text CHECK (length(key) <= 200),
  payload    jsonb NOT NULL,
  user_id    text CHECK (length(user_id) <= 64),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_created_at ON outbox.events (created_at);

-- status: pending (due when available_at <= now() and no live lease), done, dead.
CREATE TABLE outbox.deliveries (
  event_id     bigint NOT NULL REFERENCES outbox.events (id),
  consumer     text NOT NULL CHECK (length(consumer) <= 64),
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
  attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  available_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  lease_id     uuid,
  last_error   text CHECK (length(last_error) <= 2000),
  created_at   timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (event_id, consumer)
);
CREATE INDEX deliveries_due ON outbox.deliveries (available_at) WHERE status = 'pending';
CREATE INDEX deliveries_done ON outbox.deliveries (completed_at) WHERE status = 'done';
CREATE INDEX deliveries_dead ON outbox.deliveries (consumer, event_id) WHERE status = 'dead';

-- Consumer idempotency: a consumer records the event it applied in the same
-- transaction as its effect, so a redelivery does nothing twice.
CREATE TABLE outbox.applied (
  consumer   text NOT NULL CHECK (length(consumer) <= 64),
  event_id   bigint NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
CREATE INDEX applied_applied_at ON outbox.applied (applied_at);
