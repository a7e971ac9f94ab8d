-- Control accounts that carry spending limits inside the ledger (TigerBeetle's
-- control-account recipe, see src/limits): a person's daily allowance and
-- balance headroom, and the per-currency control account they net against.
-- They hold no money: every transaction touching them balances on its own
-- legs, and the audit's per-currency sums are unchanged.
ALTER TABLE ledger.accounts DROP CONSTRAINT accounts_type_check;
ALTER TABLE ledger.accounts ADD CONSTRAINT accounts_type_check CHECK (type IN (
  'user_wallet', 'gateway_clearing', 'payout_clearing', 'provider_float', 'fee_revenue',
  'commission_receivable', 'promotion_expense', 'suspense', 'equity', 'test', 'limit_control'));
