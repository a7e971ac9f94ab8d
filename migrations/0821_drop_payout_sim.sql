-- The in-process simulated payout provider is gone: sandbox payouts go through the Paystack
-- adapter to the Paystack-compatible simulator (paystack_sim.transfers).
DROP TABLE wallets.payout_sim;
