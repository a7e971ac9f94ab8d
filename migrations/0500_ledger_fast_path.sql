-- ledger.create_transactions with a set-based fast path.
--
-- Most batches are transfers and holds that all succeed. For those the function
-- now applies the whole batch in one statement: per-account deltas are added to
-- the single-row balances (locked in account order by the UPDATE itself) under a
-- conservative limit check, and the journal rows are inserted alongside. If any
-- item could fail (unknown, frozen or closed account, wrong currency, or a wallet
-- whose debits in this batch exceed what it held before the batch), the block is
-- rolled back to its savepoint and the batch takes the exact, item-by-item path
-- of 0002, which decides every item in order. Results are the same either way.

-- Every balance row now carries its account's currency, status and bucket count,
-- so a batch reads and locks one row per account instead of also reading the
-- account, and a freeze (which updates the rows under their lock) is seen by
-- every batch that locks the row after it. Bucketed accounts get all their rows
-- when they are created (they used to appear on first use).
ALTER TABLE ledger.balances
  ADD COLUMN currency char(3),
  ADD COLUMN status   text     NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen', 'closed')),
  ADD COLUMN buckets  smallint NOT NULL DEFAULT 1 CHECK (buckets BETWEEN 1 AND 64);
UPDATE ledger.balances b SET currency = a.currency, status = a.status, buckets = a.buckets
  FROM ledger.accounts a WHERE a.id = b.account_id;
INSERT INTO ledger.balances (account_id, bucket, dr_limit, cr_limit, currency, status, buckets)
SELECT a.id, g.k, false, false, a.currency, a.status, a.buckets
  FROM ledger.accounts a, generate_series(0, a.buckets - 1) AS g(k)
 WHERE a.buckets > 1
ON CONFLICT (account_id, bucket) DO NOTHING;
ALTER TABLE ledger.balances ALTER COLUMN currency SET NOT NULL;
ALTER TABLE ledger.balances ADD CHECK (bucket < buckets);

-- r_fast (new): whether the batch took the set-based path, for metrics and tests.
DROP FUNCTION ledger.create_transactions(jsonb);
CREATE FUNCTION ledger.create_transactions(p_items jsonb, OUT r_code text[], OUT r_replayed boolean[],
                                           OUT r_fast boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  n int := jsonb_array_length(p_items);
  m int;
  k int;
  -- items
  i_id uuid[]; i_kind text[]; i_cur text[]; i_pending uuid[]; i_linked boolean[];
  i_expires timestamptz[]; i_hash text[]; i_expiry_void boolean[]; i_hold int[];
  i_lo int[]; i_hi int[]; i_exceeds boolean[]; i_pos int[];
  -- holds referenced by post/void
  h_id uuid[]; h_status text[]; h_expires timestamptz[]; h_cur text[]; h_legs jsonb[];
  h_new text[]; h_by int[];
  -- legs, ordered by item
  l_item int[]; l_accid uuid[]; l_acc int[]; l_debit boolean[]; l_pending boolean[]; l_amount bigint[]; l_after bigint[];
  -- accounts, ordered by id
  a_id uuid[]; a_cur text[]; a_status text[]; a_dr boolean[]; a_cr boolean[]; a_buckets smallint[]; a_single boolean[];
  a_dp bigint[]; a_cp bigint[]; a_dpe bigint[]; a_cpe bigint[]; a_touched boolean[]; a_pos int[];
  transient constant text[] := ARRAY['insufficient_funds', 'credit_limit_exceeded', 'account_frozen', 'account_closed'];
  rec record;
  any_resolution boolean;
  any_linked boolean;
  fast_ok boolean;
  balanced boolean;
  sum_posted bigint;
  sum_pending bigint;
  i int; j int; a int; hi int; chain_start int; code text; amt bigint;
BEGIN
  r_fast := false;
  IF n IS NULL OR n = 0 THEN
    r_code := '{}'; r_replayed := '{}';
    RETURN;
  END IF;

  -- Aggregates read the elements in order (sorted once below); i_pos proves it.
  SELECT array_agg((t.j->>'id')::uuid), array_agg(t.j->>'k'), array_agg(t.j->>'c'), array_agg((t.j->>'p')::uuid),
         array_agg(coalesce((t.j->>'f')::boolean, false)), array_agg((t.j->>'x')::timestamptz),
         array_agg(t.j->>'h'), array_agg(coalesce((t.j->>'e')::boolean, false)), array_agg(t.o::int),
         bool_or(t.j->>'k' IN ('post', 'void')), bool_or(coalesce((t.j->>'f')::boolean, false))
    INTO i_id, i_kind, i_cur, i_pending, i_linked, i_expires, i_hash, i_expiry_void, i_pos, any_resolution, any_linked
    FROM (SELECT e.j, e.o FROM jsonb_array_elements(p_items) WITH ORDINALITY AS e(j, o) ORDER BY e.o) t;
  FOR i IN 1..n LOOP
    IF i_pos[i] IS DISTINCT FROM i THEN
      RAISE EXCEPTION 'ledger: items out of order' USING ERRCODE = 'XX000';
    END IF;
  END LOOP;

  IF (SELECT count(DISTINCT x) FROM unnest(i_id) AS x) <> n THEN
    RAISE EXCEPTION 'ledger: duplicate transaction id within one batch' USING ERRCODE = '22023';
  END IF;

  r_code := array_fill(NULL::text, ARRAY[n]);
  r_replayed := array_fill(false, ARRAY[n]);
  i_hold := array_fill(NULL::int, ARRAY[n]);
  i_lo := array_fill(NULL::int, ARRAY[n]);
  i_hi := array_fill(NULL::int, ARRAY[n]);
  i_exceeds := array_fill(false, ARRAY[n]);

  -- 1. Ids seen before: the same request gets the same answer. A transaction-
  --    scoped advisory lock per id (taken in order) makes a concurrent request
  --    with the same id wait for the first to commit, so this check then sees it.
  PERFORM pg_advisory_xact_lock(s.h)
     FROM (SELECT hashtextextended(x::text, 7411) AS h FROM unnest(i_id) AS x ORDER BY 1) s;

  FOR rec IN
    SELECT x.o::int AS o, t.status, t.error, t.request_hash
      FROM unnest(i_id) WITH ORDINALITY AS x(id, o)
      JOIN ledger.transactions t ON t.id = x.id
  LOOP
    IF rec.request_hash <> i_hash[rec.o] THEN
      r_code[rec.o] := 'exists_with_different_fields';
    ELSE
      r_replayed[rec.o] := true;
      r_code[rec.o] := CASE WHEN rec.status = 'committed' THEN 'exists' ELSE rec.error END;
    END IF;
  END LOOP;

  -- Fast path: a batch of transfers and holds, none linked, none seen before.
  -- Applied set-based under a savepoint; if any item might fail, the savepoint
  -- is rolled back and the exact path below decides item by item.
  IF NOT any_resolution AND NOT any_linked AND cardinality(array_remove(r_code, NULL)) = 0 THEN
    BEGIN
      -- Legs in (item, leg) order; every item must have some (s = 1 once per item).
      SELECT array_agg(lg.o), array_agg(lg.acc), array_agg(lg.deb), array_agg(lg.amt),
             count(*) FILTER (WHERE lg.s = 1) = n
        INTO l_item, l_accid, l_debit, l_amount, fast_ok
        FROM (SELECT t.o::int AS o, l.s AS s, (l.v->>0)::uuid AS acc, (l.v->>1) = 'D' AS deb,
                     (l.v->>2)::bigint AS amt
                FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o),
                     jsonb_array_elements(t.j->'l') WITH ORDINALITY AS l(v, s)
               ORDER BY t.o, l.s) lg;
      IF NOT coalesce(fast_ok, false) THEN
        RAISE EXCEPTION 'ledger: take the exact path' USING ERRCODE = 'VL001';
      END IF;

      WITH l AS (
        SELECT x.item, x.acc, x.deb, i_kind[x.item] = 'hold' AS pend, x.amt, x.ord
          FROM unnest(l_item, l_accid, l_debit, l_amount) WITH ORDINALITY AS x(item, acc, deb, amt, ord)
      ),
      -- per account: the batch's deltas
      d AS (
        SELECT l.acc,
               coalesce(sum(l.amt) FILTER (WHERE l.deb AND NOT l.pend), 0)::bigint AS dp,
               coalesce(sum(l.amt) FILTER (WHERE NOT l.deb AND NOT l.pend), 0)::bigint AS cp,
               coalesce(sum(l.amt) FILTER (WHERE l.deb AND l.pend), 0)::bigint AS dpe,
               coalesce(sum(l.amt) FILTER (WHERE NOT l.deb AND l.pend), 0)::bigint AS cpe,
               min(i_cur[l.item]) AS cur, max(i_cur[l.item]) = min(i_cur[l.item]) AS one_cur
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
        SELECT i_id[s.item], i_kind[s.item], 'committed', NULL, i_cur[s.item], NULL, s.amt, i_hash[s.item],
               coalesce(p_items->(s.item - 1)->>'code', ''), coalesce(p_items->(s.item - 1)->'m', '{}'::jsonb)
          FROM per_item s
         ORDER BY i_id[s.item]
      ),
      h AS (
        INSERT INTO ledger.holds (id, currency, legs, amount, expires_at)
        SELECT i_id[s.item], i_cur[s.item], p_items->(s.item - 1)->'l', s.amt, i_expires[s.item]
          FROM per_item s
         WHERE i_kind[s.item] = 'hold'
      ),
      -- balance_after: the account's new posted balance less what later legs of the batch moved
      p AS (
        INSERT INTO ledger.postings (account_id, transaction_id, side, pending, amount, balance_after)
        SELECT w.acc, i_id[w.item], CASE WHEN w.deb THEN 'D' ELSE 'C' END, w.pend, w.amt,
               w.bal - coalesce(w.later, 0)
          FROM (SELECT l.item, l.acc, l.deb, l.pend, l.amt, l.ord, u.bal,
                       (sum(CASE WHEN l.pend THEN 0 WHEN l.deb THEN -l.amt ELSE l.amt END)
                         OVER (PARTITION BY l.acc ORDER BY l.ord ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING))::bigint AS later
                  FROM l LEFT JOIN u ON u.account_id = l.acc) w
         ORDER BY w.ord
      )
      SELECT (SELECT count(*) FROM u) + (SELECT count(*) FROM hb) = (SELECT count(*) FROM d),
             (SELECT bool_and(s.net = 0) FROM per_item s)
        INTO fast_ok, balanced;
      -- Assert: every item balances (TypeScript checked it; a bug must not slip past).
      IF NOT balanced THEN
        RAISE EXCEPTION 'ledger: unbalanced transaction reached the database' USING ERRCODE = '23514';
      END IF;
      IF NOT coalesce(fast_ok, false) THEN
        RAISE EXCEPTION 'ledger: take the exact path' USING ERRCODE = 'VL001';
      END IF;
      r_code := array_fill('ok'::text, ARRAY[n]);
      r_fast := true;
      RETURN;
    EXCEPTION WHEN SQLSTATE 'VL001' THEN
      NULL; -- rolled back to the block's savepoint; decide item by item below
    END;
  END IF;

  -- 2. Holds to post or void, locked in id order (skipped when the batch has none).
  h_by := '{}';
  IF any_resolution THEN
  SELECT array_agg(s.id ORDER BY s.id), array_agg(s.status ORDER BY s.id), array_agg(s.expires_at ORDER BY s.id),
         array_agg(s.currency ORDER BY s.id), array_agg(s.legs ORDER BY s.id)
    INTO h_id, h_status, h_expires, h_cur, h_legs
    FROM (SELECT h.id, h.status, h.expires_at, h.currency::text AS currency, h.legs
            FROM ledger.holds h
           WHERE h.id IN (SELECT x.p FROM unnest(i_pending, i_kind, r_code) AS x(p, k, c)
                           WHERE x.k IN ('post', 'void') AND x.c IS NULL)
           ORDER BY h.id
             FOR UPDATE) s;
  h_new := h_status;
  h_by := array_fill(NULL::int, ARRAY[coalesce(array_length(h_id, 1), 0)]);

  FOR rec IN
    SELECT x.o::int AS o, hh.idx::int AS idx
      FROM unnest(i_pending) WITH ORDINALITY AS x(p, o)
      JOIN unnest(h_id) WITH ORDINALITY AS hh(id, idx) ON hh.id = x.p
  LOOP
    i_hold[rec.o] := rec.idx;
  END LOOP;

  FOR i IN 1..n LOOP
    CONTINUE WHEN r_code[i] IS NOT NULL OR i_kind[i] NOT IN ('post', 'void');
    IF i_hold[i] IS NULL THEN
      r_code[i] := 'pending_not_found';
      CONTINUE;
    END IF;
    j := i_hold[i];
    i_cur[i] := h_cur[j];
    IF h_status[j] = 'posted' THEN r_code[i] := 'pending_already_posted';
    ELSIF h_status[j] = 'voided' THEN r_code[i] := 'pending_already_voided';
    ELSIF h_status[j] = 'expired' THEN r_code[i] := 'pending_expired';
    ELSIF i_expiry_void[i] AND (h_expires[j] IS NULL OR h_expires[j] > now()) THEN r_code[i] := 'pending_not_expired';
    ELSIF NOT i_expiry_void[i] AND h_expires[j] IS NOT NULL AND h_expires[j] <= now() THEN r_code[i] := 'pending_expired';
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
                        FROM jsonb_array_elements(h_legs[i_hold[t.o]]) AS v GROUP BY 1, 2) held
             ON held.acc = posted.acc AND held.side = posted.side
          WHERE held.amt IS NULL OR posted.amt > held.amt)
  LOOP
    i_exceeds[rec.o] := true; -- reported after the hold's state, which may change earlier in the batch
  END LOOP;
  END IF;

  -- 3. Legs of every item still to decide, ordered by item. A post releases the
  --    hold's pending legs and posts its own (or the hold's); a void only releases.
  -- Sorted once by (item, leg) below; the decision loop checks that items are contiguous.
  -- (No aggregate here may have its own ORDER BY: PostgreSQL 16+ would presort the input by it.)
  SELECT array_agg(lg.o), array_agg(lg.acc), array_agg(lg.deb), array_agg(lg.pend), array_agg(lg.amt)
    INTO l_item, l_accid, l_debit, l_pending, l_amount
    FROM (SELECT * FROM (
      SELECT t.o::int AS o, l.s AS s, (l.v->>0)::uuid AS acc, (l.v->>1) = 'D' AS deb,
             (t.j->>'k') = 'hold' AS pend, (l.v->>2)::bigint AS amt
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o),
             jsonb_array_elements(t.j->'l') WITH ORDINALITY AS l(v, s)
       WHERE t.j->>'k' IN ('transfer', 'hold') AND r_code[t.o] IS NULL
      UNION ALL
      SELECT t.o::int, l.s, (l.v->>0)::uuid, (l.v->>1) = 'D', true, -((l.v->>2)::bigint)
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o),
             jsonb_array_elements(h_legs[i_hold[t.o]]) WITH ORDINALITY AS l(v, s)
       WHERE t.j->>'k' IN ('post', 'void') AND r_code[t.o] IS NULL
      UNION ALL
      SELECT t.o::int, 1000 + l.s, (l.v->>0)::uuid, (l.v->>1) = 'D', false, (l.v->>2)::bigint
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o),
             jsonb_array_elements(coalesce(t.j->'l', h_legs[i_hold[t.o]])) WITH ORDINALITY AS l(v, s)
       WHERE t.j->>'k' = 'post' AND r_code[t.o] IS NULL
    ) lg0
    ORDER BY lg0.o, lg0.s) lg;
  m := coalesce(array_length(l_item, 1), 0);

  IF m > 0 THEN
    -- 4. Accounts, in id order. Single-row accounts are locked (their limits are
    --    checked); bucketed hot accounts are not.
    SELECT array_agg(DISTINCT x ORDER BY x) INTO a_id FROM unnest(l_accid) AS x;
    k := array_length(a_id, 1);
    -- The rows arrive in a_id order (a nested loop over the sorted array); the
    -- aggregates keep that order, and a_pos proves it (checked below) rather
    -- than sorting ten times.
    SELECT array_agg(s.currency), array_agg(s.status), array_agg(s.dr), array_agg(s.cr),
           array_agg(s.buckets), array_agg(coalesce(s.buckets = 1, false)),
           array_agg(s.dp), array_agg(s.cp), array_agg(s.dpe), array_agg(s.cpe), array_agg(s.o::int),
           (SELECT array_agg(x2.o::int ORDER BY l.o)
              FROM unnest(l_accid) WITH ORDINALITY AS l(id, o)
              JOIN unnest(a_id) WITH ORDINALITY AS x2(id, o) ON x2.id = l.id)
      INTO a_cur, a_status, a_dr, a_cr, a_buckets, a_single, a_dp, a_cp, a_dpe, a_cpe, a_pos, l_acc
      FROM (SELECT x.o, ac.currency::text AS currency, coalesce(b.status, ac.status) AS status,
                   ac.debits_must_not_exceed_credits AS dr,
                   ac.credits_must_not_exceed_debits AS cr, ac.buckets,
                   b.debits_posted AS dp, b.credits_posted AS cp, b.debits_pending AS dpe, b.credits_pending AS cpe
              FROM unnest(a_id) WITH ORDINALITY AS x(id, o)
              LEFT JOIN ledger.accounts ac ON ac.id = x.id
              -- one index probe and row lock per account, in a_id order (sorted): robust
              -- whatever the batch size, and the lock order every batch shares
              LEFT JOIN LATERAL (SELECT bl.* FROM ledger.balances bl
                                  WHERE bl.account_id = x.id AND bl.bucket = 0 AND ac.buckets = 1
                                    FOR UPDATE) b ON true
             ORDER BY x.o) s;
    FOR j IN 1..k LOOP
      IF a_pos[j] IS DISTINCT FROM j THEN
        RAISE EXCEPTION 'ledger: account rows out of order' USING ERRCODE = 'XX000';
      END IF;
    END LOOP;
    a_touched := array_fill(false, ARRAY[k]);

    l_after := array_fill(NULL::bigint, ARRAY[m]);
    FOR j IN 1..m LOOP
      i := l_item[j];
      IF j > 1 AND l_item[j - 1] > i THEN
        RAISE EXCEPTION 'ledger: legs out of order' USING ERRCODE = 'XX000';
      END IF;
      IF i_lo[i] IS NULL THEN i_lo[i] := j; END IF;
      i_hi[i] := j;
    END LOOP;
  END IF;

  -- 5. Decide each item in order against running balances; a linked chain
  --    succeeds or fails as a whole.
  IF i_linked[n] AND r_code[n] IS NULL THEN
    -- An unterminated chain at the end of the batch fails.
    i := n;
    WHILE i >= 1 AND i_linked[i] LOOP
      IF r_code[i] IS NULL THEN r_code[i] := 'linked_event_chain_open'; END IF;
      i := i - 1;
    END LOOP;
  END IF;

  chain_start := NULL;
  i := 1;
  WHILE i <= n LOOP
    IF chain_start IS NULL AND i_linked[i] THEN chain_start := i; END IF;
    IF r_code[i] IS NULL THEN
      code := NULL;
      IF i_lo[i] IS NULL AND i_kind[i] IN ('transfer', 'hold') THEN
        code := 'no_legs';
      END IF;
      IF code IS NULL AND i_lo[i] IS NOT NULL THEN
        FOR j IN i_lo[i]..i_hi[i] LOOP
          a := l_acc[j];
          IF a_cur[a] IS NULL THEN code := 'account_not_found'; EXIT; END IF;
          IF a_cur[a] <> i_cur[i] THEN code := 'currency_mismatch'; EXIT; END IF;
          IF a_status[a] = 'closed' THEN code := 'account_closed'; EXIT; END IF;
          IF a_status[a] = 'frozen' AND i_kind[i] IN ('transfer', 'hold') THEN code := 'account_frozen'; EXIT; END IF;
        END LOOP;
      END IF;
      IF code IS NULL AND i_hold[i] IS NOT NULL AND h_new[i_hold[i]] <> 'open' THEN
        code := CASE h_new[i_hold[i]] WHEN 'posted' THEN 'pending_already_posted'
                                      WHEN 'voided' THEN 'pending_already_voided'
                                      ELSE 'pending_expired' END;
      END IF;
      IF code IS NULL AND i_exceeds[i] THEN code := 'post_exceeds_pending'; END IF;
      IF code IS NULL AND i_lo[i] IS NOT NULL THEN
        -- apply, then check every single-row account the item touched
        FOR j IN i_lo[i]..i_hi[i] LOOP
          a := l_acc[j];
          CONTINUE WHEN NOT a_single[a];
          IF l_pending[j] THEN
            IF l_debit[j] THEN a_dpe[a] := a_dpe[a] + l_amount[j]; ELSE a_cpe[a] := a_cpe[a] + l_amount[j]; END IF;
          ELSE
            IF l_debit[j] THEN a_dp[a] := a_dp[a] + l_amount[j]; ELSE a_cp[a] := a_cp[a] + l_amount[j]; END IF;
          END IF;
          l_after[j] := a_cp[a] - a_dp[a];
        END LOOP;
        FOR j IN i_lo[i]..i_hi[i] LOOP
          a := l_acc[j];
          CONTINUE WHEN NOT a_single[a];
          IF a_dr[a] AND a_dp[a] + a_dpe[a] > a_cp[a] THEN code := 'insufficient_funds'; EXIT; END IF;
          IF a_cr[a] AND a_cp[a] + a_cpe[a] > a_dp[a] THEN code := 'credit_limit_exceeded'; EXIT; END IF;
        END LOOP;
        IF code IS NOT NULL THEN
          PERFORM 1; -- undo below
          FOR j IN i_lo[i]..i_hi[i] LOOP
            a := l_acc[j];
            CONTINUE WHEN NOT a_single[a];
            IF l_pending[j] THEN
              IF l_debit[j] THEN a_dpe[a] := a_dpe[a] - l_amount[j]; ELSE a_cpe[a] := a_cpe[a] - l_amount[j]; END IF;
            ELSE
              IF l_debit[j] THEN a_dp[a] := a_dp[a] - l_amount[j]; ELSE a_cp[a] := a_cp[a] - l_amount[j]; END IF;
            END IF;
          END LOOP;
        ELSE
          -- Assert: the accepted item balances, posted and pending layers apart.
          sum_posted := 0;
          sum_pending := 0;
          FOR j IN i_lo[i]..i_hi[i] LOOP
            a := l_acc[j];
            IF a_single[a] THEN a_touched[a] := true; END IF;
            IF l_pending[j] THEN
              sum_pending := sum_pending + CASE WHEN l_debit[j] THEN l_amount[j] ELSE -l_amount[j] END;
            ELSE
              sum_posted := sum_posted + CASE WHEN l_debit[j] THEN l_amount[j] ELSE -l_amount[j] END;
            END IF;
          END LOOP;
          IF sum_posted <> 0 OR sum_pending <> 0 THEN
            RAISE EXCEPTION 'ledger: unbalanced transaction % reached the database', i_id[i] USING ERRCODE = '23514';
          END IF;
          IF i_hold[i] IS NOT NULL THEN
            h_new[i_hold[i]] := CASE WHEN i_kind[i] = 'post' THEN 'posted'
                                     WHEN i_expiry_void[i] THEN 'expired'
                                     ELSE 'voided' END;
            h_by[i_hold[i]] := i;
          END IF;
        END IF;
      END IF;
      r_code[i] := coalesce(code, 'ok');
    END IF;

    IF chain_start IS NOT NULL THEN
      IF r_code[i] NOT IN ('ok', 'exists') THEN
        -- undo the chain's earlier items and fail the rest of it
        FOR hi IN chain_start..(i - 1) LOOP
          IF r_code[hi] = 'ok' THEN
            IF i_lo[hi] IS NOT NULL THEN
              FOR j IN i_lo[hi]..i_hi[hi] LOOP
                a := l_acc[j];
                CONTINUE WHEN NOT a_single[a];
                IF l_pending[j] THEN
                  IF l_debit[j] THEN a_dpe[a] := a_dpe[a] - l_amount[j]; ELSE a_cpe[a] := a_cpe[a] - l_amount[j]; END IF;
                ELSE
                  IF l_debit[j] THEN a_dp[a] := a_dp[a] - l_amount[j]; ELSE a_cp[a] := a_cp[a] - l_amount[j]; END IF;
                END IF;
              END LOOP;
            END IF;
            IF i_hold[hi] IS NOT NULL THEN
              h_new[i_hold[hi]] := 'open';
              h_by[i_hold[hi]] := NULL;
            END IF;
            r_code[hi] := 'linked_event_failed';
          END IF;
        END LOOP;
        WHILE i_linked[i] AND i < n LOOP
          i := i + 1;
          IF r_code[i] IS NULL OR r_code[i] = 'ok' THEN r_code[i] := 'linked_event_failed'; END IF;
        END LOOP;
        chain_start := NULL;
      ELSIF NOT i_linked[i] THEN
        chain_start := NULL;
      END IF;
    END IF;
    i := i + 1;
  END LOOP;

  -- 6. Write. Hot-account buckets first (in account order), then single rows
  --    (already locked), then the journal.
  IF m > 0 THEN
    IF NOT (true = ALL (a_single)) THEN
    -- Every bucket row exists (created with the account); rows are written in
    -- account order, after the single-row locks.
    INSERT INTO ledger.balances AS b
           (account_id, bucket, debits_posted, credits_posted, debits_pending, credits_pending,
            dr_limit, cr_limit, currency, status, buckets)
    SELECT a_id[l.acc], (pg_backend_pid() % a_buckets[l.acc])::smallint,
           coalesce(sum(l.amt) FILTER (WHERE l.deb AND NOT l.pend), 0),
           coalesce(sum(l.amt) FILTER (WHERE NOT l.deb AND NOT l.pend), 0),
           coalesce(sum(l.amt) FILTER (WHERE l.deb AND l.pend), 0),
           coalesce(sum(l.amt) FILTER (WHERE NOT l.deb AND l.pend), 0),
           false, false, a_cur[l.acc], a_status[l.acc], a_buckets[l.acc]
      FROM unnest(l_item, l_acc, l_debit, l_pending, l_amount) AS l(item, acc, deb, pend, amt)
     WHERE r_code[l.item] = 'ok' AND NOT a_single[l.acc]
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
      FROM unnest(a_id, a_dp, a_cp, a_dpe, a_cpe, a_touched) AS v(id, dp, cp, dpe, cpe, touched)
     WHERE v.touched AND b.account_id = v.id AND b.bucket = 0;
  END IF;

  INSERT INTO ledger.transactions (id, kind, status, error, currency, pending_id, amount, request_hash, code, metadata)
  SELECT i_id[t.o], i_kind[t.o],
         CASE WHEN r_code[t.o] = 'ok' THEN 'committed' ELSE 'failed' END,
         NULLIF(r_code[t.o], 'ok'), i_cur[t.o], i_pending[t.o], coalesce(s.amt, 0), i_hash[t.o],
         coalesce(t.j->>'code', ''), coalesce(t.j->'m', '{}'::jsonb)
    FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o)
    LEFT JOIN (SELECT l.item, sum(abs(l.amt)) FILTER (WHERE l.deb AND (l.amt > 0 OR i_kind[l.item] = 'void')) AS amt
                 FROM unnest(l_item, l_debit, l_amount) AS l(item, deb, amt)
                GROUP BY l.item) s ON s.item = t.o
   WHERE NOT r_replayed[t.o]
     AND (r_code[t.o] = 'ok' OR r_code[t.o] = ANY (transient))
   ORDER BY i_id[t.o];

  IF m > 0 THEN
    INSERT INTO ledger.postings (account_id, transaction_id, side, pending, amount, balance_after)
    SELECT a_id[l.acc], i_id[l.item], CASE WHEN l.deb THEN 'D' ELSE 'C' END, l.pend, l.amt,
           CASE WHEN a_single[l.acc] THEN l.after END
      FROM unnest(l_item, l_acc, l_debit, l_pending, l_amount, l_after) AS l(item, acc, deb, pend, amt, after)
     WHERE r_code[l.item] = 'ok';

    IF 'hold' = ANY (i_kind) THEN
      INSERT INTO ledger.holds (id, currency, legs, amount, expires_at)
      SELECT i_id[t.o], i_cur[t.o], t.j->'l',
             (SELECT sum((v->>2)::bigint) FROM jsonb_array_elements(t.j->'l') AS v WHERE v->>1 = 'D'),
             i_expires[t.o]
        FROM jsonb_array_elements(p_items) WITH ORDINALITY AS t(j, o)
       WHERE i_kind[t.o] = 'hold' AND r_code[t.o] = 'ok';
    END IF;

    IF any_resolution THEN
      UPDATE ledger.holds h
         SET status = v.st, resolved_by = i_id[v.by], resolved_at = now()
        FROM unnest(h_id, h_new, h_by) AS v(id, st, by)
       WHERE v.by IS NOT NULL AND h.id = v.id;
    END IF;
  END IF;
END
$fn$;

-- The statements above are planned once per session, not per call.
ALTER FUNCTION ledger.create_transactions(jsonb) SET plan_cache_mode = force_generic_plan;
-- JIT compilation costs more than these small statements ever run.
ALTER FUNCTION ledger.create_transactions(jsonb) SET jit = off;
-- Lock order: every table this function locks rows of is reached through a
-- btree in key order, never by a sequential or bitmap scan (physical order,
-- which differs between snapshots and would let two batches deadlock).
ALTER FUNCTION ledger.create_transactions(jsonb) SET enable_seqscan = off;
ALTER FUNCTION ledger.create_transactions(jsonb) SET enable_bitmapscan = off;
