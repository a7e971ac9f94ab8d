-- Gateway settlement days: deposits captured (card, bank transfer), the gateway's fees by its
-- rule table, and what it should pay out to our bank. Closed days are stored and never change.
CREATE TABLE settlement.gateway_statements (
  id              text        PRIMARY KEY,   -- 'gateway:<YYYY-MM-DD>'
  day             date        NOT NULL UNIQUE,
  currency        char(3)     NOT NULL,
  card_count      integer     NOT NULL,
  card_gross      bigint      NOT NULL,
  card_fees       bigint      NOT NULL,
  transfer_count  integer     NOT NULL,
  transfer_gross  bigint      NOT NULL,
  transfer_fees   bigint      NOT NULL,
  payout_expected bigint      NOT NULL,
  truncated       boolean     NOT NULL,
  closed_at       timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER gateway_statements_closed BEFORE UPDATE OR DELETE ON settlement.gateway_statements
  FOR EACH ROW EXECUTE FUNCTION settlement.refuse_change();
