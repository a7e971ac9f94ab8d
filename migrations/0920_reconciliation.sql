-- Reconciliation: an outside report (a provider's, the gateway's, the bank's)
-- against our own records of the same period. A run keeps the report's lines
-- (external_items), a snapshot of our side taken once (internal_items, so a
-- resumed run sees exactly what the first attempt saw) and one result row per
-- external line or unpaired internal item, written in chunks with the run's
-- progress. See src/reconciliation.
CREATE SCHEMA reconciliation;

-- Matching rules as data, tried in priority order (lowest first). criteria is a
-- JSON array of {field, operator, ...}:
--   {"field": "reference", "operator": "equals" | "contains"}
--   {"field": "amount", "operator": "equals"} | {"field": "amount", "operator": "within",
--        "driftMinor": N, "driftBps": B}      (either or both; minor units, basis points)
--   {"field": "date", "operator": "within", "windowSeconds": S}
--   {"field": "currency", "operator": "equals"}
-- sources: which runs a rule applies to ('*', 'gateway', 'bank', 'provider:*', 'provider:vtpass').
CREATE TABLE reconciliation.rules (
  id          uuid        PRIMARY KEY,
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  priority    integer     NOT NULL CHECK (priority BETWEEN 0 AND 1000000),
  strategy    text        NOT NULL CHECK (strategy IN ('one_to_one', 'one_to_many', 'many_to_one')),
  sources     text[]      NOT NULL CHECK (cardinality(sources) BETWEEN 1 AND 20),
  criteria    jsonb       NOT NULL CHECK (jsonb_typeof(criteria) = 'array'),
  enabled     boolean     NOT NULL DEFAULT true,
  created_by  uuid,       -- NULL: the seed below
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO reconciliation.rules (id, name, priority, strategy, sources, criteria) VALUES
  ('8d7f6a2e-1c3b-4e5d-9f0a-1b2c3d4e5f60', 'Same reference and currency', 100, 'one_to_one', ARRAY['*'],
   '[{"field": "reference", "operator": "equals"}, {"field": "currency", "operator": "equals"},
     {"field": "amount", "operator": "equals"}]');

CREATE TABLE reconciliation.runs (
  id              uuid        PRIMARY KEY,
  source          text        NOT NULL CHECK (source ~ '^(gateway|bank|provider:[a-z0-9_-]{1,40})$'),
  origin          text        NOT NULL CHECK (origin IN ('upload', 'pull', 'nightly')),
  status          text        NOT NULL CHECK (status IN ('started', 'in_progress', 'completed', 'failed')),
  -- Same file twice for one source: the first run answers (uploads and pulls alike).
  file_sha256     text        NOT NULL,
  file_name       text,
  report_date     date,       -- pulled reports: the Africa/Lagos day asked for
  period_from     timestamptz NOT NULL,
  period_to       timestamptz NOT NULL CHECK (period_to > period_from),
  rules           jsonb       NOT NULL,  -- the rules as they were when the run started (a resume uses them)
  external_count  integer     NOT NULL CHECK (external_count >= 0),
  internal_count  integer,               -- set with the snapshot
  results_total   integer,               -- result rows the run will write (set with the snapshot)
  results_written integer     NOT NULL DEFAULT 0,
  counts          jsonb,                 -- per class, set at completion
  attempts        integer     NOT NULL DEFAULT 0,
  lease_until     timestamptz,
  failure_reason  text,
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  completed_at    timestamptz,
  CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  UNIQUE (source, file_sha256)
);
CREATE INDEX runs_created ON reconciliation.runs (created_at DESC, id DESC);
CREATE INDEX runs_unfinished ON reconciliation.runs (created_at) WHERE status IN ('started', 'in_progress');
CREATE INDEX runs_report_date ON reconciliation.runs (source, report_date) WHERE report_date IS NOT NULL;

-- The report's lines, normalised (amount in minor units; status one of success,
-- failed, reversed, pending; raw_status as the report wrote it).
CREATE TABLE reconciliation.external_items (
  run_id      uuid        NOT NULL REFERENCES reconciliation.runs (id),
  seq         integer     NOT NULL CHECK (seq >= 1),
  reference   text        NOT NULL,
  amount      bigint      NOT NULL,
  currency    char(3)     NOT NULL,
  status      text        NOT NULL CHECK (status IN ('success', 'failed', 'reversed', 'pending')),
  raw_status  text        NOT NULL,
  occurred_at timestamptz NOT NULL,
  PRIMARY KEY (run_id, seq)
);

-- Our side, read once through the owning module's index.ts when the run starts.
CREATE TABLE reconciliation.internal_items (
  run_id      uuid        NOT NULL REFERENCES reconciliation.runs (id),
  item_id     uuid        NOT NULL,   -- the bill payment, deposit or withdrawal
  kind        text        NOT NULL CHECK (kind IN ('bill_payment', 'deposit', 'withdrawal')),
  reference   text        NOT NULL,
  amount      bigint      NOT NULL,
  currency    char(3)     NOT NULL,
  status      text        NOT NULL CHECK (status IN ('success', 'failed', 'reversed', 'pending')),
  raw_status  text        NOT NULL,
  occurred_at timestamptz NOT NULL,
  in_period   boolean     NOT NULL,   -- false: read only to pair with (the date window), never missing_external
  PRIMARY KEY (run_id, item_id)
);

-- One row per external line (its class, the internal items it was paired with)
-- or per unpaired internal item (missing_external). Every item ends in exactly
-- one class. An exception (any class but matched) is resolved once by an operator.
CREATE TABLE reconciliation.results (
  id             uuid        PRIMARY KEY,   -- derived from (run, position): a rewritten chunk is the same rows
  run_id         uuid        NOT NULL REFERENCES reconciliation.runs (id),
  position       integer     NOT NULL CHECK (position >= 1),
  class          text        NOT NULL CHECK (class IN ('matched', 'missing_internal', 'missing_external',
                               'amount_mismatch', 'status_mismatch', 'duplicate_external')),
  external_seqs  integer[]   NOT NULL DEFAULT '{}',
  internal_ids   uuid[]      NOT NULL DEFAULT '{}',
  rule_id        uuid,
  external_amount bigint,
  internal_amount bigint,
  resolution     text        CHECK (resolution IN ('requeried', 'adjusted', 'linked', 'accepted')),
  resolution_reason text,
  resolution_detail jsonb,
  resolved_by    uuid,
  resolved_at    timestamptz,
  UNIQUE (run_id, position),
  CHECK ((resolution IS NULL) = (resolved_at IS NULL)),
  CHECK (resolution IS NULL OR class <> 'matched')
);
CREATE INDEX results_exceptions ON reconciliation.results (run_id, class, position) WHERE class <> 'matched';
