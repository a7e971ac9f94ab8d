-- Disputes: a customer's complaint about a bill payment, transfer, deposit or withdrawal,
-- acknowledged at once with a tracking number and due for resolution within DISPUTE_SLA_DAYS
-- (CBN complaint guidance). Owned by the disputes module.
CREATE SCHEMA disputes;

-- DSP-<Lagos year>-<number>: one sequence for every year keeps numbers unique without a lock.
CREATE SEQUENCE disputes.tracking_seq;

CREATE TABLE disputes.disputes (
  id                 uuid        PRIMARY KEY,
  tracking_number    text        NOT NULL UNIQUE,
  user_id            uuid        NOT NULL,
  subject_type       text        NOT NULL
                       CHECK (subject_type IN ('bill_payment', 'transfer', 'deposit', 'withdrawal')),
  subject_id         uuid        NOT NULL,
  reason             text        NOT NULL CHECK (reason IN ('token_not_received', 'wrong_amount',
                       'not_authorised', 'service_not_rendered', 'other')),
  description        text        NOT NULL,
  status             text        NOT NULL DEFAULT 'opened' CHECK (status IN ('opened', 'under_review',
                       'resolved_refunded', 'resolved_rejected', 'resolved_delivered', 'withdrawn')),
  -- What the subject moved when the dispute was opened (minor units), for the queue.
  amount             bigint      NOT NULL CHECK (amount >= 0),
  currency           char(3)     NOT NULL,
  acknowledged_at    timestamptz NOT NULL DEFAULT now(),
  due_at             timestamptz NOT NULL,
  resolved_at        timestamptz,
  resolved_by        uuid,
  resolution_reason  text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
-- One open dispute per subject: a second complaint about it goes on the first as a message.
CREATE UNIQUE INDEX disputes_open_subject ON disputes.disputes (subject_type, subject_id)
  WHERE status IN ('opened', 'under_review');
CREATE INDEX disputes_user ON disputes.disputes (user_id, created_at DESC, id DESC);
CREATE INDEX disputes_queue ON disputes.disputes (status, created_at DESC, id DESC);
CREATE INDEX disputes_due ON disputes.disputes (due_at) WHERE status IN ('opened', 'under_review');

CREATE TABLE disputes.messages (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dispute_id  uuid        NOT NULL REFERENCES disputes.disputes (id),
  author      text        NOT NULL CHECK (author IN ('customer', 'operator', 'system')),
  author_id   uuid,
  body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_dispute ON disputes.messages (dispute_id, id);

-- At most one refund per subject, ever, whichever dispute asked for it: the primary key is the
-- guarantee, written in the same transaction as the ledger refund.
CREATE TABLE disputes.refunds (
  subject_type    text        NOT NULL,
  subject_id      uuid        NOT NULL,
  dispute_id      uuid        NOT NULL UNIQUE REFERENCES disputes.disputes (id),
  transaction_id  uuid        NOT NULL UNIQUE,
  amount          bigint      NOT NULL CHECK (amount > 0),
  currency        char(3)     NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subject_type, subject_id)
);
