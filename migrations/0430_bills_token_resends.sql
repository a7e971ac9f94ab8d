-- Every time a customer asked for a delivered token to be sent again: the
-- per-payment hourly cap counts these rows (append-only, pruned with the payment's age).
CREATE TABLE bills.token_resends (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payment_id uuid        NOT NULL REFERENCES bills.payments (id),
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX token_resends_payment ON bills.token_resends (payment_id, at);
