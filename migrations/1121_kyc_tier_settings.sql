-- What reaching a tier needs beyond its identity numbers. requires_verified_phone: the person's
-- phone must be verified (one-time code) before they are moved up to the tier: the verification
-- that would complete tier 2 and the tier-3 request (and its approval) are refused without it.
-- One row per tier; changed by admins (audited), never deleted.
CREATE TABLE kyc.tier_settings (
  tier                    smallint    PRIMARY KEY CHECK (tier BETWEEN 1 AND 3),
  requires_verified_phone boolean     NOT NULL,
  updated_at              timestamptz NOT NULL DEFAULT now(),
  updated_by              uuid        -- NULL: the seed below
);

-- Tier 1 is where everyone starts (nothing to upgrade to); tiers 2 and 3 need a proven phone.
INSERT INTO kyc.tier_settings (tier, requires_verified_phone) VALUES (1, false), (2, true), (3, true);
