-- Notifications: every message rendered for a person on one channel, their preferences, and the
-- sandbox inbox. Owned by the notifications module.
CREATE SCHEMA notifications;

-- One row per (source event, template, channel): the id is derived from them (uuid v5), so a
-- redelivered event inserts nothing and sends nothing twice. in_app rows are the in-app list.
CREATE TABLE notifications.messages (
  id          uuid        PRIMARY KEY,
  user_id     uuid        NOT NULL,
  template    text        NOT NULL,
  channel     text        NOT NULL CHECK (channel IN ('email', 'sms', 'in_app')),
  -- The address it goes to (email or E.164 phone); null for in_app.
  recipient   text,
  subject     text        NOT NULL CHECK (length(subject) <= 200),
  body        text        NOT NULL CHECK (length(body) <= 4000),
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- email/sms: when the adapter accepted it (the deliver consumer skips a sent message).
  sent_at     timestamptz,
  -- in_app: when the person read it.
  read_at     timestamptz,
  CHECK ((channel = 'in_app') = (recipient IS NULL))
);
CREATE INDEX messages_in_app ON notifications.messages (user_id, created_at DESC, id DESC)
  WHERE channel = 'in_app';
CREATE INDEX messages_unread ON notifications.messages (user_id)
  WHERE channel = 'in_app' AND read_at IS NULL;

-- Only what a person changed is stored; a missing row means the template group's default (on).
CREATE TABLE notifications.preferences (
  user_id     uuid        NOT NULL,
  grp         text        NOT NULL CHECK (length(grp) <= 40),
  channel     text        NOT NULL CHECK (channel IN ('email', 'sms', 'in_app')),
  enabled     boolean     NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, grp, channel)
);

-- NOTIFY_MODE=sandbox / SMS_MODE=sandbox: what would have been sent, for /sandbox/inbox.
CREATE TABLE notifications.sandbox_inbox (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id  uuid        NOT NULL UNIQUE,
  recipient   text        NOT NULL,
  channel     text        NOT NULL CHECK (channel IN ('email', 'sms')),
  subject     text        NOT NULL,
  body        text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
