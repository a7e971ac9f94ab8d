-- ledger.create_transactions: a whole batch in one round trip.
--
-- A repeatable migration: this file is the function's one definition. It is
-- applied after the numbered migrations whenever its sha256 changes (see
-- src/db/migrate.ts), so a change to the function is an edit here, not a copy
-- in a new numbered file. It replaces what 0002 and 0500 created (a fresh
-- database applies those first); its schema (balance rows carrying currency,
-- status and bucket count) is 0500's. A change to the signature needs a
-- numbered migration that drops the function first: CREATE OR REPLACE cannot.
--
-- Input: a JSON array of items, already validated in TypeScript (shapes, positive
-- amounts, balanced legs); the function re-asserts balance before writing.
--   {"id": uuid, "k": "transfer"|"hold"|"post"|"void", "c": "NGN",
--    "l": [[account_id, "D"|"C", "amount"], ...],   -- transfer/hold; optional on post (partial)
--    "p": pending_id, "x": expires_at, "f": linked, "e": expiry_void,
--    "h": request_hash, "code": "transfer", "m": {metadata}}
-- Output: one code per item ('ok', 'exists', or an error code), whether it was
-- answered from an earlier request with the same id, and whether the batch took
-- the set-based path (for metrics and tests).
--
-- Two paths with the same results. Most batches are transfers and holds that all
-- succeed: the set-based path applies the whole batch in one statement (per-
-- account deltas added to the single-row balances, locked in account order by the
-- UPDATE itself, under a conservative limit check; the journal rows inserted
-- alongside). If any item could fail (unknown, frozen or closed account, wrong
-- currency, or a wallet whose debits in this batch exceed what it held before the
-- batch), that block is rolled back to its savepoint and the exact path decides
-- every item in order against running balances.
--
-- Locks are taken in one global order so that no two batches can deadlock:
--   transaction ids (advisory, by hash) -> holds being resolved (by id) -> single-row balances (by account id)
--   -> bucket rows of hot accounts (by account id) -> new transaction ids (by id).
-- Hot accounts (buckets > 1) are never locked for the checks; their deltas are
-- summed per batch and added to one bucket row chosen by the backend pid.
--
-- Naming: the arrays come in four families of parallel arrays, one element per
-- item (item_*, in batch order), per hold being resolved (hold_*, by hold id),
-- per leg (leg_*, by item then leg) and per account (account_*, by account id).
-- item_hold and leg_account hold 1-based positions into the hold and account
-- arrays; item_first_leg..item_last_leg is an item's range in the leg arrays.
-- Loop variables: i an item, j a leg (or a hold), a an account.
-- (No variable may be named like a column the statements use, e.g. account_id:
-- PL/pgSQL would find the reference ambiguous.)

-- Adds (direction 1) or takes back (direction -1) one item's legs on the running
-- balances of the single-row accounts they touch, and returns each leg's posted
-- balance after it (meaningful when applying). The exact path's apply and both
-- of its undos are this one function, so they cannot drift apart. The legs come
-- as slices of the leg arrays (1-based), so a call costs the item's legs, not
-- the batch's. Bucketed accounts have no limit and are summed when written, so
-- they are skipped here.
CREATE OR REPLACE FUNCTION ledger.move_legs(
  INOUT debits_posted bigint[], INOUT credits_posted bigint[],
  INOUT debits_pending bigint[], INOUT credits_pending bigint[], account_single_row boolean[],
  leg_account int[], leg_debit boolean[], leg_pending boolean[], leg_amount bigint[], direction int,
  OUT balance_after bigint[])
LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  j int; a int; delta bigint;
BEGIN
  balance_after := array_fill(NULL::bigint, ARRAY[cardinality(leg_account)]);
  FOR j IN 1..cardinality(leg_account) LOOP
    a := leg_account[j];
    CONTINUE WHEN NOT account_single_row[a];
    delta := direction * leg_amount[j];
    IF leg_pending[j] THEN
      IF leg_debit[j] THEN debits_pending[a] := debits_pending[a] + delta;
      ELSE credits_pending[a] := credits_pending[a] + delta; END IF;
    ELSE
      IF leg_debit[j] THEN debits_posted[a] := debits_posted[a] + delta;
      ELSE credits_posted[a] := credits_posted[a] + delta; END IF;
    END IF;
    balance_after[j] := credits_posted[a] - debits_posted[a];
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION ledger.create_transactions(p_items jsonb, OUT r_code text[], OUT r_replayed boolean[],
                                                      OUT r_fast boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  item_count int := jsonb_array_length(p_items);
  leg_count int;
  account_count int;
  -- items
  item_id uuid[]; item_kind text[]; item_currency text[]; item_pending_id uuid[]; item_linked boolean[];
  item_expires_at timestamptz[]; item_request_hash text[]; item_expiry_void boolean[]; item_hold int[];
  item_first_leg int[]; item_last_leg int[]; item_exceeds_hold boolean[]; item_position int[];
  -- holds referenced by post/void; hold_resolved_by is the item that resolves it
  hold_id uuid[]; hold_status text[]; hold_expires_at timestamptz[]; hold_currency text[]; hold_legs jsonb[];
  hold_new_status text[]; hold_resolved_by int[];
  -- legs, ordered by item
  leg_item int[]; leg_account_uuid uuid[]; leg_account int[]; leg_debit boolean[]; leg_pending boolean[];
  leg_amount bigint[]; leg_balance_after bigint[];
  -- accounts, ordered by id; debit_limit: debits must not exceed credits, credit_limit the converse
  account_uuid uuid[]; account_currency text[]; account_status text[]; account_debit_limit boolean[];
  account_credit_limit boolean[]; account_buckets smallint[]; account_single_row boolean[];
  account_debits_posted bigint[]; account_credits_posted bigint[];
  account_debits_pending bigint[]; account_credits_pending bigint[];
  account_touched boolean[]; account_position int[];
  -- failures recorded under the id, so that a retry fails the same way
  transient_errors constant text[] := ARRAY['insufficient_funds', 'credit_limit_exceeded', 'account_frozen', 'account_closed'];
  rec record;
  moved record;
  any_resolution boolean;
  any_linked boolean;
  fast_path_ok boolean;
  balanced boolean;
  sum_posted bigint;
  sum_pending bigint;
  i int; j int; a int; chain_item int; chain_start int; decision text;
  first_leg int; last_leg int; -- the legs of the item being moved
BEGIN
  r_fast := false;
  IF item_count IS NULL OR item_count = 0 THEN
    r_code := '{}'; r_replayed := '{}';
    RETURN;
  END IF;

  -- Aggregates read the elements in order (sorted once below); item_position proves it.
  SELECT array_agg((t.j->>'id')::uuid), array_agg(t.j->>'k'), array_agg(t.j->>'c'), array_agg((t.j->>'p')::uuid),
         array_agg(coalesce((t.j->>'f')::boolean, false)), array_agg((t.j->>'x')::timestamptz),
         array_agg(t.j->>'h'), array_agg(coalesce((t.j->>'e')::boolean, false)), array_agg(t.o::int),
         bool_or(t.j->>'k' IN ('post', 'void')), bool_or(coalesce((t.j->>'f')::boolean, false))
    INTO item_id, item_kind, item_currency, item_pending_id, item_linked, item_expires_at, item_request_hash,
         item_expiry_void, item_position, any_resolution, any_linked
    FROM (SELECT e.j, e.o FROM jsonb_array_elements(p_items) WITH ORDINALITY AS e(j, o) ORDER BY e.o) t;
  FOR i IN 1..item_count LOOP
    IF item_position[i] IS DISTINCT FROM i THEN
      RAISE EXCEPTION 'ledger: items out of order' USING ERRCODE = 'XX000';
    END IF;
  END LOOP;

  IF (SELECT count(DISTINCT x) FROM unnest(item_id) AS x) <> item_count THEN
    RAISE EXCEPTION 'ledger: duplicate transaction id within one batch' USING ERRCODE = '22023';
  END IF;

  r_code := array_fill(NULL::text, ARRAY[item_count]);
  r_replayed := array_fill(false, ARRAY[item_count]);
  item_hold := array_fill(NULL::int, ARRAY[item_count]);
  item_first_leg := array_fill(NULL::int, ARRAY[item_count]);
  item_last_leg := array_fill(NULL::int, ARRAY[item_count]);
  item_exceeds_hold := array_fill(false, ARRAY[item_count]);

  -- 1. Ids seen before: the same request gets the same answer. A transaction-
  --    scoped advisory lock per id (taken in order) makes a concurrent request
  --    with the same id wait for the first to commit, so this check then sees it.
  PERFORM pg_advisory_xact_lock(s.h)
     FROM (SELECT hashtextextended(x::text, 7411) AS h FROM unnest(item_id) AS x ORDER BY 1) s;

  FOR rec IN
    SELECT x.o::int AS o, t.status, t.error, t.request_hash
      FROM unnest(item_id) WITH ORDINALITY AS x(id, o)
      JOIN ledger.transactions t ON t.id = x.id
  LOOP
    IF rec.request_hash <> item_request_hash[rec.o] THEN
      r_code[rec.o] := 'exists_with_different_fields';
    ELSE
      r_replayed[rec.o] := true;
      r_code[rec.o] := CASE WHEN rec.status = 'committed' THEN 'exists' ELSE rec.error END;
    END IF;
  END LOOP;

  -- Set-based path: a batch of transfers and holds, none linked, none seen before.
  -- Applied under a savepoint; if any item might fail, the savepoint is rolled
  -- back and the exact path below decides item by item.
  IF NOT any_resolution AND NOT any_linked AND cardinality(array_remove(r_code, NULL)) = 0 THEN
    BEGIN
      -- Legs in (item, leg) order; every item must have some (s = 1 once per item).
      SELECT array_agg(lg.o), array_agg(lg.acc), array_agg(lg.deb), array_agg(lg.amt),
             count(*) FILTER (WHERE lg.s = 1) = item_count
        INTO leg_item, leg_account_uuid, leg_debit, leg_amount, fast_path_ok
        FROM (SELECT t.o::int AS o, l.s AS s, (l.v->>0)::uuid AS acc, (l.v->>1) = 'D' AS deb,
                     (l.v->>2)::bigint AS amt
                FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o),
                     jsonb_array_elements(t.j->'l') WITH ORDINALITY AS l(v, s)
               ORDER BY t.o, l.s) lg;
      IF NOT coalesce(fast_path_ok, false) THEN
        RAISE EXCEPTION 'ledger: take the exact path' USING ERRCODE = 'VL001';
      END IF;

      WITH l AS (
        SELECT x.item, x.acc, x.deb, item_kind[x.item] = 'hold' AS pend, x.amt, x.ord
          FROM unnest(leg_item, leg_account_uuid, leg_debit, leg_amount) WITH ORDINALITY AS x(item, acc, deb, amt, ord)
      ),
      -- per account: the batch's deltas
      d AS (
        SELECT l.acc,
               coalesce(sum(l.amt) FILTER (WHERE l.deb AND NOT l.pend), 0)::bigint AS dp,
               coalesce(sum(l.amt) FILTER (WHERE NOT l.deb AND NOT l.pend), 0)::bigint AS cp,
               coalesce(sum(l.amt) FILTER (WHERE l.deb AND l.pend), 0)::bigint AS dpe,
               coalesce(sum(l.amt) FILTER (WHERE NOT l.deb AND l.pend), 0)::bigint AS cpe,
               min(item_currency[l.item]) AS cur, max(item_currency[l.item]) = min(item_currency[l.item]) AS one_cur
          FROM l GROUP BY l.acc
      ),
      -- Single-row balances, locked in account order as they are updated: the
      -- function may reach ledger.balances only through its primary key (seq and
      -- bitmap scans are off for it, below), so whichever side of the join the
      -- planner puts it on, rows come in account order. (A LATERAL FOR UPDATE
      -- probe would also fix the order, but costs a lock record per row, and an
      -- UPDATE by the locked row's ctid misses a version committed after this
      -- statement's snapshot.) The limit check ignores this batch's credits, so it
      -- holds for every prefix of the batch in item order: an account passing it
      -- passes every item's check. The row's status is read under the lock, after
      -- any freeze that held it (EvalPlanQual rechecks the newest version).
      u AS (
        UPDATE ledger.balances b
           SET debits_posted = b.debits_posted + s.dp, credits_posted = b.credits_posted + s.cp,
               debits_pending = b.debits_pending + s.dpe, credits_pending = b.credits_pending + s.cpe
          FROM (SELECT * FROM d ORDER BY d.acc) s
         WHERE b.account_id = s.acc AND b.bucket = 0 AND b.buckets = 1
           AND b.status = 'active' AND b.currency = s.cur AND s.one_cur
           AND (NOT b.dr_limit OR b.debits_posted + s.dp + b.debits_pending + s.dpe <= b.credits_posted)
           AND (NOT b.cr_limit OR b.credits_posted + s.cp + b.credits_pending + s.cpe <= b.debits_posted)
        RETURNING b.account_id, b.credits_posted - b.debits_posted AS bal
      ),
      -- The other accounts must be hot (bucketed) ones: their sums go to this
      -- backend's bucket row, unlocked by any check, in account order after
      -- every single-row lock (the order every batch shares).
      hot AS (
        SELECT s.acc, s.dp, s.cp, s.dpe, s.cpe, z.currency, z.status, z.buckets,
               (pg_backend_pid() % z.buckets)::smallint AS bucket
          FROM (SELECT * FROM d WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.account_id = d.acc)) s
          JOIN ledger.balances z ON z.account_id = s.acc AND z.bucket = 0
         WHERE z.buckets > 1 AND z.status = 'active' AND z.currency = s.cur AND s.one_cur
      ),
      hb AS (
        INSERT INTO ledger.balances AS b
               (account_id, bucket, debits_posted, credits_posted, debits_pending, credits_pending,
                dr_limit, cr_limit, currency, status, buckets)
        SELECT h.acc, h.bucket, h.dp, h.cp, h.dpe, h.cpe, false, false, h.currency, h.status, h.buckets
          FROM hot h
         ORDER BY h.acc
        ON CONFLICT (account_id, bucket) DO UPDATE
           SET debits_posted = b.debits_posted + EXCLUDED.debits_posted,
               credits_posted = b.credits_posted + EXCLUDED.credits_posted,
               debits_pending = b.debits_pending + EXCLUDED.debits_pending,
               credits_pending = b.credits_pending + EXCLUDED.credits_pending
        RETURNING 1
      ),
      per_item AS (
        SELECT l.item, sum(l.amt) FILTER (WHERE l.deb)::bigint AS amt,
               sum(CASE WHEN l.deb THEN l.amt ELSE -l.amt END) AS net
          FROM l GROUP BY l.item
      ),
      t AS (
        INSERT INTO ledger.transactions (id, kind, status, error, currency, pending_id, amount, request_hash, code, metadata)
        SELECT item_id[s.item], item_kind[s.item], 'committed', NULL, item_currency[s.item], NULL, s.amt,
               item_request_hash[s.item],
               coalesce(p_items->(s.item - 1)->>'code', ''), coalesce(p_items->(s.item - 1)->'m', '{}'::jsonb)
          FROM per_item s
         ORDER BY item_id[s.item]
      ),
      h AS (
        INSERT INTO ledger.holds (id, currency, legs, amount, expires_at)
        SELECT item_id[s.item], item_currency[s.item], p_items->(s.item - 1)->'l', s.amt, item_expires_at[s.item]
          FROM per_item s
         WHERE item_kind[s.item] = 'hold'
      ),
      -- balance_after: the account's new posted balance less what later legs of the batch moved
      p AS (
        INSERT INTO ledger.postings (account_id, transaction_id, side, pending, amount, balance_after)
        SELECT w.acc, item_id[w.item], CASE WHEN w.deb THEN 'D' ELSE 'C' END, w.pend, w.amt,
               w.bal - coalesce(w.later, 0)
          FROM (SELECT l.item, l.acc, l.deb, l.pend, l.amt, l.ord, u.bal,
                       (sum(CASE WHEN l.pend THEN 0 WHEN l.deb THEN -l.amt ELSE l.amt END)
                         OVER (PARTITION BY l.acc ORDER BY l.ord ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING))::bigint AS later
                  FROM l LEFT JOIN u ON u.account_id = l.acc) w
         ORDER BY w.ord
      )
      SELECT (SELECT count(*) FROM u) + (SELECT count(*) FROM hb) = (SELECT count(*) FROM d),
             (SELECT bool_and(s.net = 0) FROM per_item s)
        INTO fast_path_ok, balanced;
      -- Assert: every item balances (TypeScript checked it; a bug must not slip past).
      IF NOT balanced THEN
        RAISE EXCEPTION 'ledger: unbalanced transaction reached the database' USING ERRCODE = '23514';
      END IF;
      IF NOT coalesce(fast_path_ok, false) THEN
        RAISE EXCEPTION 'ledger: take the exact path' USING ERRCODE = 'VL001';
      END IF;
      r_code := array_fill('ok'::text, ARRAY[item_count]);
      r_fast := true;
      RETURN;
    EXCEPTION WHEN SQLSTATE 'VL001' THEN
      NULL; -- rolled back to the block's savepoint; decide item by item below
    END;
  END IF;

  -- 2. Holds to post or void, locked in id order (skipped when the batch has none).
  hold_resolved_by := '{}';
  IF any_resolution THEN
  SELECT array_agg(s.id ORDER BY s.id), array_agg(s.status ORDER BY s.id), array_agg(s.expires_at ORDER BY s.id),
         array_agg(s.currency ORDER BY s.id), array_agg(s.legs ORDER BY s.id)
    INTO hold_id, hold_status, hold_expires_at, hold_currency, hold_legs
    FROM (SELECT h.id, h.status, h.expires_at, h.currency::text AS currency, h.legs
            FROM ledger.holds h
           WHERE h.id IN (SELECT x.p FROM unnest(item_pending_id, item_kind, r_code) AS x(p, k, c)
                           WHERE x.k IN ('post', 'void') AND x.c IS NULL)
           ORDER BY h.id
             FOR UPDATE) s;
  hold_new_status := hold_status;
  hold_resolved_by := array_fill(NULL::int, ARRAY[coalesce(array_length(hold_id, 1), 0)]);

  FOR rec IN
    SELECT x.o::int AS o, hh.idx::int AS idx
      FROM unnest(item_pending_id) WITH ORDINALITY AS x(p, o)
      JOIN unnest(hold_id) WITH ORDINALITY AS hh(id, idx) ON hh.id = x.p
  LOOP
    item_hold[rec.o] := rec.idx;
  END LOOP;

  FOR i IN 1..item_count LOOP
    CONTINUE WHEN r_code[i] IS NOT NULL OR item_kind[i] NOT IN ('post', 'void');
    IF item_hold[i] IS NULL THEN
      r_code[i] := 'pending_not_found';
      CONTINUE;
    END IF;
    j := item_hold[i];
    item_currency[i] := hold_currency[j];
    IF hold_status[j] = 'posted' THEN r_code[i] := 'pending_already_posted';
    ELSIF hold_status[j] = 'voided' THEN r_code[i] := 'pending_already_voided';
    ELSIF hold_status[j] = 'expired' THEN r_code[i] := 'pending_expired';
    ELSIF item_expiry_void[i] AND (hold_expires_at[j] IS NULL OR hold_expires_at[j] > now()) THEN
      r_code[i] := 'pending_not_expired';
    ELSIF NOT item_expiry_void[i] AND hold_expires_at[j] IS NOT NULL AND hold_expires_at[j] <= now() THEN
      r_code[i] := 'pending_expired';
    END IF;
  END LOOP;

  -- A partial post may post at most what each leg of the hold reserved.
  FOR rec IN
    SELECT t.o::int AS o
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o)
     WHERE t.j->>'k' = 'post' AND t.j ? 'l' AND r_code[t.o] IS NULL
       AND EXISTS (
         SELECT 1
           FROM (SELECT (v->>0)::uuid AS acc, v->>1 AS side, sum((v->>2)::bigint) AS amt
                   FROM jsonb_array_elements(t.j->'l') AS v GROUP BY 1, 2) posted
           LEFT JOIN (SELECT (v->>0)::uuid AS acc, v->>1 AS side, sum((v->>2)::bigint) AS amt
                        FROM jsonb_array_elements(hold_legs[item_hold[t.o]]) AS v GROUP BY 1, 2) held
             ON held.acc = posted.acc AND held.side = posted.side
          WHERE held.amt IS NULL OR posted.amt > held.amt)
  LOOP
    item_exceeds_hold[rec.o] := true; -- reported after the hold's state, which may change earlier in the batch
  END LOOP;
  END IF;

  -- 3. Legs of every item still to decide, ordered by item. A post releases the
  --    hold's pending legs and posts its own (or the hold's); a void only releases.
  -- Sorted once by (item, leg) below; the decision loop checks that items are contiguous.
  -- (No aggregate here may have its own ORDER BY: PostgreSQL 16+ would presort the input by it.)
  SELECT array_agg(lg.o), array_agg(lg.acc), array_agg(lg.deb), array_agg(lg.pend), array_agg(lg.amt)
    INTO leg_item, leg_account_uuid, leg_debit, leg_pending, leg_amount
    FROM (SELECT * FROM (
      SELECT t.o::int AS o, l.s AS s, (l.v->>0)::uuid AS acc, (l.v->>1) = 'D' AS deb,
             (t.j->>'k') = 'hold' AS pend, (l.v->>2)::bigint AS amt
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o),
             jsonb_array_elements(t.j->'l') WITH ORDINALITY AS l(v, s)
       WHERE t.j->>'k' IN ('transfer', 'hold') AND r_code[t.o] IS NULL
      UNION ALL
      SELECT t.o::int, l.s, (l.v->>0)::uuid, (l.v->>1) = 'D', true, -((l.v->>2)::bigint)
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o),
             jsonb_array_elements(hold_legs[item_hold[t.o]]) WITH ORDINALITY AS l(v, s)
       WHERE t.j->>'k' IN ('post', 'void') AND r_code[t.o] IS NULL
      UNION ALL
      SELECT t.o::int, 1000 + l.s, (l.v->>0)::uuid, (l.v->>1) = 'D', false, (l.v->>2)::bigint
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o),
             jsonb_array_elements(coalesce(t.j->'l', hold_legs[item_hold[t.o]])) WITH ORDINALITY AS l(v, s)
       WHERE t.j->>'k' = 'post' AND r_code[t.o] IS NULL
    ) lg0
    ORDER BY lg0.o, lg0.s) lg;
  leg_count := coalesce(array_length(leg_item, 1), 0);

  IF leg_count > 0 THEN
    -- 4. Accounts, in id order. Single-row accounts are locked (their limits are
    --    checked); bucketed hot accounts are not.
    SELECT array_agg(DISTINCT x ORDER BY x) INTO account_uuid FROM unnest(leg_account_uuid) AS x;
    account_count := array_length(account_uuid, 1);
    -- The rows arrive in account_uuid order (a nested loop over the sorted
    -- array); the aggregates keep that order, and account_position proves it
    -- (checked below) rather than sorting ten times.
    SELECT array_agg(s.currency), array_agg(s.status), array_agg(s.dr), array_agg(s.cr),
           array_agg(s.buckets), array_agg(coalesce(s.buckets = 1, false)),
           array_agg(s.dp), array_agg(s.cp), array_agg(s.dpe), array_agg(s.cpe), array_agg(s.o::int),
           (SELECT array_agg(x2.o::int ORDER BY l.o)
              FROM unnest(leg_account_uuid) WITH ORDINALITY AS l(id, o)
              JOIN unnest(account_uuid) WITH ORDINALITY AS x2(id, o) ON x2.id = l.id)
      INTO account_currency, account_status, account_debit_limit, account_credit_limit, account_buckets,
           account_single_row, account_debits_posted, account_credits_posted, account_debits_pending,
           account_credits_pending, account_position, leg_account
      FROM (SELECT x.o, ac.currency::text AS currency, coalesce(b.status, ac.status) AS status,
                   ac.debits_must_not_exceed_credits AS dr,
                   ac.credits_must_not_exceed_debits AS cr, ac.buckets,
                   b.debits_posted AS dp, b.credits_posted AS cp, b.debits_pending AS dpe, b.credits_pending AS cpe
              FROM unnest(account_uuid) WITH ORDINALITY AS x(id, o)
              LEFT JOIN ledger.accounts ac ON ac.id = x.id
              -- one index probe and row lock per account, in account_uuid order (sorted):
              -- robust whatever the batch size, and the lock order every batch shares
              LEFT JOIN LATERAL (SELECT bl.* FROM ledger.balances bl
                                  WHERE bl.account_id = x.id AND bl.bucket = 0 AND ac.buckets = 1
                                    FOR UPDATE) b ON true
             ORDER BY x.o) s;
    FOR a IN 1..account_count LOOP
      IF account_position[a] IS DISTINCT FROM a THEN
        RAISE EXCEPTION 'ledger: account rows out of order' USING ERRCODE = 'XX000';
      END IF;
    END LOOP;
    account_touched := array_fill(false, ARRAY[account_count]);

    leg_balance_after := array_fill(NULL::bigint, ARRAY[leg_count]);
    FOR j IN 1..leg_count LOOP
      i := leg_item[j];
      IF j > 1 AND leg_item[j - 1] > i THEN
        RAISE EXCEPTION 'ledger: legs out of order' USING ERRCODE = 'XX000';
      END IF;
      IF item_first_leg[i] IS NULL THEN item_first_leg[i] := j; END IF;
      item_last_leg[i] := j;
    END LOOP;
  END IF;

  -- 5. Decide each item in order against running balances; a linked chain
  --    succeeds or fails as a whole.
  IF item_linked[item_count] AND r_code[item_count] IS NULL THEN
    -- An unterminated chain at the end of the batch fails.
    i := item_count;
    WHILE i >= 1 AND item_linked[i] LOOP
      IF r_code[i] IS NULL THEN r_code[i] := 'linked_event_chain_open'; END IF;
      i := i - 1;
    END LOOP;
  END IF;

  chain_start := NULL;
  i := 1;
  WHILE i <= item_count LOOP
    IF chain_start IS NULL AND item_linked[i] THEN chain_start := i; END IF;
    IF r_code[i] IS NULL THEN
      decision := NULL;
      IF item_first_leg[i] IS NULL AND item_kind[i] IN ('transfer', 'hold') THEN
        decision := 'no_legs';
      END IF;
      IF decision IS NULL AND item_first_leg[i] IS NOT NULL THEN
        FOR j IN item_first_leg[i]..item_last_leg[i] LOOP
          a := leg_account[j];
          IF account_currency[a] IS NULL THEN decision := 'account_not_found'; EXIT; END IF;
          IF account_currency[a] <> item_currency[i] THEN decision := 'currency_mismatch'; EXIT; END IF;
          IF account_status[a] = 'closed' THEN decision := 'account_closed'; EXIT; END IF;
          IF account_status[a] = 'frozen' AND item_kind[i] IN ('transfer', 'hold') THEN
            decision := 'account_frozen'; EXIT;
          END IF;
        END LOOP;
      END IF;
      IF decision IS NULL AND item_hold[i] IS NOT NULL AND hold_new_status[item_hold[i]] <> 'open' THEN
        decision := CASE hold_new_status[item_hold[i]] WHEN 'posted' THEN 'pending_already_posted'
                                                      WHEN 'voided' THEN 'pending_already_voided'
                                                      ELSE 'pending_expired' END;
      END IF;
      IF decision IS NULL AND item_exceeds_hold[i] THEN decision := 'post_exceeds_pending'; END IF;
      IF decision IS NULL AND item_first_leg[i] IS NOT NULL THEN
        -- apply, then check every single-row account the item touched
        first_leg := item_first_leg[i];
        last_leg := item_last_leg[i];
        moved := ledger.move_legs(account_debits_posted, account_credits_posted, account_debits_pending,
                                  account_credits_pending, account_single_row,
                                  leg_account[first_leg:last_leg], leg_debit[first_leg:last_leg],
                                  leg_pending[first_leg:last_leg], leg_amount[first_leg:last_leg], 1);
        account_debits_posted := moved.debits_posted;
        account_credits_posted := moved.credits_posted;
        account_debits_pending := moved.debits_pending;
        account_credits_pending := moved.credits_pending;
        leg_balance_after[first_leg:last_leg] := moved.balance_after;
        FOR j IN item_first_leg[i]..item_last_leg[i] LOOP
          a := leg_account[j];
          CONTINUE WHEN NOT account_single_row[a];
          IF account_debit_limit[a]
             AND account_debits_posted[a] + account_debits_pending[a] > account_credits_posted[a] THEN
            decision := 'insufficient_funds'; EXIT;
          END IF;
          IF account_credit_limit[a]
             AND account_credits_posted[a] + account_credits_pending[a] > account_debits_posted[a] THEN
            decision := 'credit_limit_exceeded'; EXIT;
          END IF;
        END LOOP;
        IF decision IS NOT NULL THEN
          moved := ledger.move_legs(account_debits_posted, account_credits_posted, account_debits_pending,
                                    account_credits_pending, account_single_row,
                                    leg_account[first_leg:last_leg], leg_debit[first_leg:last_leg],
                                    leg_pending[first_leg:last_leg], leg_amount[first_leg:last_leg], -1);
          account_debits_posted := moved.debits_posted;
          account_credits_posted := moved.credits_posted;
          account_debits_pending := moved.debits_pending;
          account_credits_pending := moved.credits_pending;
        ELSE
          -- Assert: the accepted item balances, posted and pending layers apart.
          sum_posted := 0;
          sum_pending := 0;
          FOR j IN item_first_leg[i]..item_last_leg[i] LOOP
            a := leg_account[j];
            IF account_single_row[a] THEN account_touched[a] := true; END IF;
            IF leg_pending[j] THEN
              sum_pending := sum_pending + CASE WHEN leg_debit[j] THEN leg_amount[j] ELSE -leg_amount[j] END;
            ELSE
              sum_posted := sum_posted + CASE WHEN leg_debit[j] THEN leg_amount[j] ELSE -leg_amount[j] END;
            END IF;
          END LOOP;
          IF sum_posted <> 0 OR sum_pending <> 0 THEN
            RAISE EXCEPTION 'ledger: unbalanced transaction % reached the database', item_id[i] USING ERRCODE = '23514';
          END IF;
          IF item_hold[i] IS NOT NULL THEN
            hold_new_status[item_hold[i]] := CASE WHEN item_kind[i] = 'post' THEN 'posted'
                                                  WHEN item_expiry_void[i] THEN 'expired'
                                                  ELSE 'voided' END;
            hold_resolved_by[item_hold[i]] := i;
          END IF;
        END IF;
      END IF;
      r_code[i] := coalesce(decision, 'ok');
    END IF;

    IF chain_start IS NOT NULL THEN
      IF r_code[i] NOT IN ('ok', 'exists') THEN
        -- undo the chain's earlier items and fail the rest of it
        FOR chain_item IN chain_start..(i - 1) LOOP
          IF r_code[chain_item] = 'ok' THEN
            IF item_first_leg[chain_item] IS NOT NULL THEN
              first_leg := item_first_leg[chain_item];
              last_leg := item_last_leg[chain_item];
              moved := ledger.move_legs(account_debits_posted, account_credits_posted, account_debits_pending,
                                        account_credits_pending, account_single_row,
                                        leg_account[first_leg:last_leg], leg_debit[first_leg:last_leg],
                                        leg_pending[first_leg:last_leg], leg_amount[first_leg:last_leg], -1);
              account_debits_posted := moved.debits_posted;
              account_credits_posted := moved.credits_posted;
              account_debits_pending := moved.debits_pending;
              account_credits_pending := moved.credits_pending;
            END IF;
            IF item_hold[chain_item] IS NOT NULL THEN
              hold_new_status[item_hold[chain_item]] := 'open';
              hold_resolved_by[item_hold[chain_item]] := NULL;
            END IF;
            r_code[chain_item] := 'linked_event_failed';
          END IF;
        END LOOP;
        WHILE item_linked[i] AND i < item_count LOOP
          i := i + 1;
          IF r_code[i] IS NULL OR r_code[i] = 'ok' THEN r_code[i] := 'linked_event_failed'; END IF;
        END LOOP;
        chain_start := NULL;
      ELSIF NOT item_linked[i] THEN
        chain_start := NULL;
      END IF;
    END IF;
    i := i + 1;
  END LOOP;

  -- 6. Write. Hot-account buckets first (in account order), then single rows
  --    (already locked), then the journal.
  IF leg_count > 0 THEN
    IF NOT (true = ALL (account_single_row)) THEN
    -- Every bucket row exists (created with the account); rows are written in
    -- account order, after the single-row locks.
    INSERT INTO ledger.balances AS b
           (account_id, bucket, debits_posted, credits_posted, debits_pending, credits_pending,
            dr_limit, cr_limit, currency, status, buckets)
    SELECT account_uuid[l.acc], (pg_backend_pid() % account_buckets[l.acc])::smallint,
           coalesce(sum(l.amt) FILTER (WHERE l.deb AND NOT l.pend), 0),
           coalesce(sum(l.amt) FILTER (WHERE NOT l.deb AND NOT l.pend), 0),
           coalesce(sum(l.amt) FILTER (WHERE l.deb AND l.pend), 0),
           coalesce(sum(l.amt) FILTER (WHERE NOT l.deb AND l.pend), 0),
           false, false, account_currency[l.acc], account_status[l.acc], account_buckets[l.acc]
      FROM unnest(leg_item, leg_account, leg_debit, leg_pending, leg_amount) AS l(item, acc, deb, pend, amt)
     WHERE r_code[l.item] = 'ok' AND NOT account_single_row[l.acc]
     GROUP BY l.acc
     ORDER BY l.acc
    ON CONFLICT (account_id, bucket) DO UPDATE
       SET debits_posted = b.debits_posted + EXCLUDED.debits_posted,
           credits_posted = b.credits_posted + EXCLUDED.credits_posted,
           debits_pending = b.debits_pending + EXCLUDED.debits_pending,
           credits_pending = b.credits_pending + EXCLUDED.credits_pending;
    END IF;

    UPDATE ledger.balances b
       SET debits_posted = v.dp, credits_posted = v.cp, debits_pending = v.dpe, credits_pending = v.cpe
      FROM unnest(account_uuid, account_debits_posted, account_credits_posted, account_debits_pending,
                  account_credits_pending, account_touched) AS v(id, dp, cp, dpe, cpe, touched)
     WHERE v.touched AND b.account_id = v.id AND b.bucket = 0;
  END IF;

  INSERT INTO ledger.transactions (id, kind, status, error, currency, pending_id, amount, request_hash, code, metadata)
  SELECT item_id[t.o], item_kind[t.o],
         CASE WHEN r_code[t.o] = 'ok' THEN 'committed' ELSE 'failed' END,
         NULLIF(r_code[t.o], 'ok'), item_currency[t.o], item_pending_id[t.o], coalesce(s.amt, 0),
         item_request_hash[t.o], coalesce(t.j->>'code', ''), coalesce(t.j->'m', '{}'::jsonb)
    FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o)
    LEFT JOIN (SELECT l.item, sum(abs(l.amt)) FILTER (WHERE l.deb AND (l.amt > 0 OR item_kind[l.item] = 'void')) AS amt
                 FROM unnest(leg_item, leg_debit, leg_amount) AS l(item, deb, amt)
                GROUP BY l.item) s ON s.item = t.o
   WHERE NOT r_replayed[t.o]
     AND (r_code[t.o] = 'ok' OR r_code[t.o] = ANY (transient_errors))
   ORDER BY item_id[t.o];

  IF leg_count > 0 THEN
    INSERT INTO ledger.postings (account_id, transaction_id, side, pending, amount, balance_after)
    SELECT account_uuid[l.acc], item_id[l.item], CASE WHEN l.deb THEN 'D' ELSE 'C' END, l.pend, l.amt,
           CASE WHEN account_single_row[l.acc] THEN l.after END
      FROM unnest(leg_item, leg_account, leg_debit, leg_pending, leg_amount, leg_balance_after)
           AS l(item, acc, deb, pend, amt, after)
     WHERE r_code[l.item] = 'ok';

    IF 'hold' = ANY (item_kind) THEN
      INSERT INTO ledger.holds (id, currency, legs, amount, expires_at)
      SELECT item_id[t.o], item_currency[t.o], t.j->'l',
             (SELECT sum((v->>2)::bigint) FROM jsonb_array_elements(t.j->'l') AS v WHERE v->>1 = 'D'),
             item_expires_at[t.o]
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o)
       WHERE item_kind[t.o] = 'hold' AND r_code[t.o] = 'ok';
    END IF;

    IF any_resolution THEN
      UPDATE ledger.holds h
         SET status = v.st, resolved_by = item_id[v.by], resolved_at = now()
        FROM unnest(hold_id, hold_new_status, hold_resolved_by) AS v(id, st, by)
       WHERE v.by IS NOT NULL AND h.id = v.id;
    END IF;
  END IF;
END
$fn$;

-- CREATE OR REPLACE resets a function's settings, so they are set again here.
-- The statements above are planned once per session, not per call.
ALTER FUNCTION ledger.create_transactions(jsonb) SET plan_cache_mode = force_generic_plan;
-- JIT compilation costs more than these small statements ever run.
ALTER FUNCTION ledger.create_transactions(jsonb) SET jit = off;
-- Lock order: every table this function locks rows of is reached through a
-- btree in key order, never by a sequential or bitmap scan (physical order,
-- which differs between snapshots and would let two batches deadlock).
ALTER FUNCTION ledger.create_transactions(jsonb) SET enable_seqscan = off;
ALTER FUNCTION ledger.create_transactions(jsonb) SET enable_bitmapscan = off;
