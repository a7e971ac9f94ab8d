-- A withdrawal the risk rules hold waits in pending_review (money held, no payout job) until an
-- operator releases it (-> pending) or refuses it (-> failed, hold voided).
ALTER TABLE wallets.withdrawals DROP CONSTRAINT withdrawals_status_check;
ALTER TABLE wallets.withdrawals ADD CONSTRAINT withdrawals_status_check
  CHECK (status IN ('pending_review', 'pending', 'processing', 'succeeded', 'failed', 'needs_review'));
