-- The money dashboard reads deposits and transfers by creation time (withdrawals have withdrawals_created).
CREATE INDEX deposits_created ON wallets.deposits (created_at);
-- Only wallet-to-wallet transfers: the ledger's hottest table gets the smallest index that serves it.
CREATE INDEX transactions_transfer_created ON ledger.transactions (created_at)
  WHERE code = 'transfer' AND status = 'committed';
