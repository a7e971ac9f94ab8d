-- Bill payments: catalogue, payments with their state machine, provider calls.
CREATE SCHEMA bills;

CREATE TABLE bills.billers (
  id                 text        PRIMARY KEY,
  name               text        NOT NULL,
  category           text        NOT NULL CHECK (category IN ('electricity', 'airtime', 'data', 'cable')),
  service_id         text        NOT NULL,
  enabled            boolean     NOT NULL DEFAULT true,
  fee_type           text        NOT NULL CHECK (fee_type IN ('flat', 'percent')),
  fee_flat           bigint      NOT NULL DEFAULT 0 CHECK (fee_flat >= 0),
  fee_percent_bps    integer     NOT NULL DEFAULT 0 CHECK (fee_percent_bps BETWEEN 0 AND 10000),
  fee_cap            bigint      NOT NULL DEFAULT 0 CHECK (fee_cap >= 0),      -- 0: no cap
  commission_bps     integer     NOT NULL DEFAULT 0 CHECK (commission_bps BETWEEN 0 AND 10000),
  -- Providers in priority order; new payments go to the first whose breaker is closed.
  providers          text[]      NOT NULL DEFAULT ARRAY['vtpass', 'vtpass-b'],
  customer_ref_label text        NOT NULL,
  min_amount         bigint      NOT NULL CHECK (min_amount > 0),
  max_amount         bigint      NOT NULL CHECK (max_amount >= min_amount),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bills.products (
  biller_id    text    NOT NULL REFERENCES bills.billers (id),
  code         text    NOT NULL,
  name         text    NOT NULL,
  kind         text    NOT NULL CHECK (kind IN ('prepaid', 'postpaid', 'airtime', 'bundle', 'bouquet')),
  fixed_amount bigint  CHECK (fixed_amount > 0),
  enabled      boolean NOT NULL DEFAULT true,
  PRIMARY KEY (biller_id, code)
);

CREATE TABLE bills.payments (
  id              uuid        PRIMARY KEY,
  user_id         uuid        NOT NULL,
  wallet_id       uuid        NOT NULL,
  biller_id       text        NOT NULL REFERENCES bills.billers (id),
  product_code    text        NOT NULL,
  customer_ref    text        NOT NULL,
  customer_name   text,
  phone           text,
  email           text,
  amount          bigint      NOT NULL CHECK (amount > 0),
  fee             bigint      NOT NULL CHECK (fee >= 0),
  commission      bigint      NOT NULL DEFAULT 0 CHECK (commission >= 0),
  currency        char(3)     NOT NULL,
  status          text        NOT NULL CHECK (status IN
                    ('pending', 'processing', 'succeeded', 'failed', 'reversed', 'needs_review')),
  provider        text        NOT NULL,
  -- Generated once (VTpass request_id: Africa/Lagos YYYYMMDDHHII + suffix); never changes, never reused.
  provider_ref    text        NOT NULL UNIQUE,
  hold_id         uuid        NOT NULL UNIQUE,
  sent_at         timestamptz,
  token           text,
  units           text,
  receipt         jsonb,
  failure_reason  text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  finalized_at    timestamptz,
  CHECK ((status IN ('succeeded', 'failed', 'reversed')) = (finalized_at IS NOT NULL)),
  CHECK (status = 'pending' OR sent_at IS NOT NULL OR status IN ('failed', 'needs_review'))
);
CREATE INDEX payments_user ON bills.payments (user_id, created_at DESC, id DESC);
CREATE INDEX payments_status ON bills.payments (status, created_at DESC) WHERE status IN ('pending', 'processing', 'needs_review');
CREATE INDEX payments_customer ON bills.payments (customer_ref);
CREATE INDEX payments_created ON bills.payments (created_at DESC);

-- Every state change with its time and reason (append-only).
CREATE TABLE bills.payment_events (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payment_id uuid        NOT NULL REFERENCES bills.payments (id),
  status     text        NOT NULL,
  reason     text,
  actor_id   uuid,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_events_payment ON bills.payment_events (payment_id, id);

-- Every call to a provider for a payment: what was asked, what came back, how long it took.
CREATE TABLE bills.provider_calls (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payment_id uuid        NOT NULL REFERENCES bills.payments (id),
  provider   text        NOT NULL,
  op         text        NOT NULL CHECK (op IN ('vend', 'requery')),
  outcome    text        NOT NULL,
  code       text,
  message    text,
  latency_ms integer     NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX provider_calls_payment ON bills.provider_calls (payment_id, id);

INSERT INTO bills.billers (id, name, category, service_id, fee_type, fee_flat, fee_percent_bps, fee_cap, commission_bps, customer_ref_label, min_amount, max_amount) VALUES
  ('ikeja-electric', 'Ikeja Electric Payment - IKEDC', 'electricity', 'ikeja-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('eko-electric', 'Eko Electric Payment - EKEDC', 'electricity', 'eko-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('abuja-electric', 'Abuja Electricity Distribution Company - AEDC', 'electricity', 'abuja-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('kano-electric', 'Kano Electric - KEDCO', 'electricity', 'kano-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('portharcourt-electric', 'Port Harcourt Electric - PHED', 'electricity', 'portharcourt-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('jos-electric', 'Jos Electric - JED', 'electricity', 'jos-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('ibadan-electric', 'Ibadan Electricity Distribution Company - IBEDC', 'electricity', 'ibadan-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('kaduna-electric', 'Kaduna Electric - KAEDCO', 'electricity', 'kaduna-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('enugu-electric', 'Enugu Electric - EEDC', 'electricity', 'enugu-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('benin-electric', 'Benin Electricity - BEDC', 'electricity', 'benin-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('aba-electric', 'Aba Electric Payment - ABEDC', 'electricity', 'aba-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('yola-electric', 'Yola Electric Disco Payment - YEDC', 'electricity', 'yola-electric', 'flat', 10000, 0, 0, 100, 'Meter number', 50000, 50000000),
  ('mtn', 'MTN Airtime VTU', 'airtime', 'mtn', 'flat', 0, 0, 0, 300, 'Phone number', 5000, 5000000),
  ('glo', 'GLO Airtime VTU', 'airtime', 'glo', 'flat', 0, 0, 0, 300, 'Phone number', 5000, 5000000),
  ('airtel', 'Airtel Airtime VTU', 'airtime', 'airtel', 'flat', 0, 0, 0, 300, 'Phone number', 5000, 5000000),
  ('etisalat', '9mobile Airtime VTU', 'airtime', 'etisalat', 'flat', 0, 0, 0, 300, 'Phone number', 5000, 5000000),
  ('mtn-data', 'MTN Data', 'data', 'mtn-data', 'flat', 0, 0, 0, 300, 'Phone number', 10000, 450000),
  ('glo-data', 'Glo Data', 'data', 'glo-data', 'flat', 0, 0, 0, 300, 'Phone number', 10000, 300000),
  ('airtel-data', 'Airtel Data', 'data', 'airtel-data', 'flat', 0, 0, 0, 300, 'Phone number', 10000, 300000),
  ('etisalat-data', '9mobile Data', 'data', 'etisalat-data', 'flat', 0, 0, 0, 300, 'Phone number', 10000, 400000),
  ('dstv', 'DSTV Subscription', 'cable', 'dstv', 'flat', 5000, 0, 0, 150, 'Smartcard number', 440000, 4450000),
  ('gotv', 'Gotv Payment', 'cable', 'gotv', 'flat', 5000, 0, 0, 150, 'Smartcard number', 190000, 1140000),
  ('startimes', 'Startimes Subscription', 'cable', 'startimes', 'flat', 5000, 0, 0, 150, 'Smartcard number', 210000, 980000);

INSERT INTO bills.products (biller_id, code, name, kind, fixed_amount) VALUES
  ('ikeja-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('ikeja-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('eko-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('eko-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('abuja-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('abuja-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('kano-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('kano-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('portharcourt-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('portharcourt-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('jos-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('jos-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('ibadan-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('ibadan-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('kaduna-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('kaduna-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('enugu-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('enugu-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('benin-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('benin-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('aba-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('aba-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('yola-electric', 'prepaid', 'Prepaid', 'prepaid', NULL),
  ('yola-electric', 'postpaid', 'Postpaid', 'postpaid', NULL),
  ('mtn', 'airtime', 'Airtime top-up', 'airtime', NULL),
  ('glo', 'airtime', 'Airtime top-up', 'airtime', NULL),
  ('airtel', 'airtime', 'Airtime top-up', 'airtime', NULL),
  ('etisalat', 'airtime', 'Airtime top-up', 'airtime', NULL),
  ('mtn-data', 'mtn-100mb-100', 'MTN N100 110MB - 1 day', 'bundle', 10000),
  ('mtn-data', 'mtn-500mb-350', 'MTN N350 500MB - 7 days', 'bundle', 35000),
  ('mtn-data', 'mtn-1gb-500', 'MTN N500 1GB - 7 days', 'bundle', 50000),
  ('mtn-data', 'mtn-2gb-1500', 'MTN N1500 2GB - 30 days', 'bundle', 150000),
  ('mtn-data', 'mtn-10gb-4500', 'MTN N4500 10GB - 30 days', 'bundle', 450000),
  ('glo-data', 'glo-105mb-100', 'Glo N100 105MB - 2 days', 'bundle', 10000),
  ('glo-data', 'glo-350mb-200', 'Glo N200 350MB - 4 days', 'bundle', 20000),
  ('glo-data', 'glo-1gb-500', 'Glo N500 1.05GB - 14 days', 'bundle', 50000),
  ('glo-data', 'glo-2-9gb-1000', 'Glo N1000 2.9GB - 30 days', 'bundle', 100000),
  ('glo-data', 'glo-10gb-3000', 'Glo N3000 10GB - 30 days', 'bundle', 300000),
  ('airtel-data', 'airt-100mb-100', 'Airtel N100 100MB - 1 day', 'bundle', 10000),
  ('airtel-data', 'airt-300mb-300', 'Airtel N300 300MB - 2 days', 'bundle', 30000),
  ('airtel-data', 'airt-1gb-1000', 'Airtel N1000 1.5GB - 30 days', 'bundle', 100000),
  ('airtel-data', 'airt-3gb-1500', 'Airtel N1500 3GB - 30 days', 'bundle', 150000),
  ('airtel-data', 'airt-10gb-3000', 'Airtel N3000 10GB - 30 days', 'bundle', 300000),
  ('etisalat-data', 'eti-100mb-100', '9mobile N100 100MB - 1 day', 'bundle', 10000),
  ('etisalat-data', 'eti-650mb-500', '9mobile N500 650MB - 30 days', 'bundle', 50000),
  ('etisalat-data', 'eti-1-5gb-1000', '9mobile N1000 1.5GB - 30 days', 'bundle', 100000),
  ('etisalat-data', 'eti-4-5gb-2000', '9mobile N2000 4.5GB - 30 days', 'bundle', 200000),
  ('etisalat-data', 'eti-11gb-4000', '9mobile N4000 11GB - 30 days', 'bundle', 400000),
  ('dstv', 'dstv-padi', 'DStv Padi', 'bouquet', 440000),
  ('dstv', 'dstv-yanga', 'DStv Yanga', 'bouquet', 600000),
  ('dstv', 'dstv-confam', 'DStv Confam', 'bouquet', 1100000),
  ('dstv', 'dstv79', 'DStv Compact', 'bouquet', 1900000),
  ('dstv', 'dstv7', 'DStv Compact Plus', 'bouquet', 3000000),
  ('dstv', 'dstv3', 'DStv Premium', 'bouquet', 4450000),
  ('gotv', 'gotv-smallie', 'GOtv Smallie - monthly', 'bouquet', 190000),
  ('gotv', 'gotv-jinja', 'GOtv Jinja', 'bouquet', 390000),
  ('gotv', 'gotv-jolli', 'GOtv Jolli', 'bouquet', 580000),
  ('gotv', 'gotv-max', 'GOtv Max', 'bouquet', 850000),
  ('gotv', 'gotv-supa', 'GOtv Supa', 'bouquet', 1140000),
  ('startimes', 'nova', 'Nova - monthly', 'bouquet', 210000),
  ('startimes', 'basic', 'Basic - monthly', 'bouquet', 400000),
  ('startimes', 'smart', 'Smart - monthly', 'bouquet', 510000),
  ('startimes', 'classic', 'Classic - monthly', 'bouquet', 600000),
  ('startimes', 'super', 'Super - monthly', 'bouquet', 980000);
