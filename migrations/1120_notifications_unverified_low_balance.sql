-- Messages to unverified contacts, and low-balance alerts.
--
-- An email or SMS whose address is not verified is not sent: its row is kept with the reason
-- (it is not a failure, so nothing retries it), except the message that verifies that very
-- address and a phone number the payer typed on a payment.
ALTER TABLE notifications.messages
  ADD COLUMN skipped_reason text CHECK (skipped_reason IN ('email_unverified', 'phone_unverified')),
  ADD CONSTRAINT messages_skipped_not_sent
    CHECK (skipped_reason IS NULL OR (channel <> 'in_app' AND sent_at IS NULL));

-- A person's low-balance threshold per currency (minor units); no row: no alert.
CREATE TABLE notifications.balance_thresholds (
  user_id    uuid        NOT NULL,
  currency   char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  threshold  bigint      NOT NULL CHECK (threshold > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, currency)
);

-- Per wallet: whether its available balance was last seen below the threshold. The alert fires
-- when it goes from false to true (crossings counts them and names each alert), and is armed
-- again when a later balance is at or above the threshold.
CREATE TABLE notifications.balance_alert_state (
  wallet_id  uuid        PRIMARY KEY,
  user_id    uuid        NOT NULL,
  below      boolean     NOT NULL DEFAULT false,
  crossings  integer     NOT NULL DEFAULT 0 CHECK (crossings >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
