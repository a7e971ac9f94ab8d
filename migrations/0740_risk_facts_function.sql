-- The risk checker's first step in one round trip: lock each person of the batch (a
-- transaction-scoped advisory lock, in hash order so batches cannot deadlock), then read
-- their facts. A plpgsql function (VOLATILE) takes a new snapshot per statement, so the
-- facts are read after the locks are held and see every debit committed before.
-- Rows: 's' the rules' stamp (label); 'w' per (person, velocity rule key) the count (n) and
-- total (amount) of debits in the rule's window, kinds and currency; 'k' a counterparty of
-- the batch the person paid before; 'n' a new counterparty of the person since p_day_start.
CREATE FUNCTION risk.lock_and_facts(
  p_users uuid[], p_attempt_users uuid[], p_attempt_counterparties text[],
  p_w_users uuid[], p_w_keys text[], p_w_minutes int[], p_w_currencies text[], p_w_kinds text[],
  p_w_at timestamptz[], p_day_start timestamptz, p_lock_class int)
RETURNS TABLE (t text, user_id text, label text, amount bigint, n bigint, created_at timestamptz)
LANGUAGE plpgsql VOLATILE AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(p_lock_class, h)
     FROM (SELECT DISTINCT hashtext(u::text) AS h FROM unnest(p_users) AS u ORDER BY 1) s;
  RETURN QUERY
    SELECT 's'::text, NULL::text,
           (SELECT coalesce(max(r.id), 0)::text || '@' || coalesce(max(r.created_at)::text, '') FROM risk.rules r),
           NULL::bigint, NULL::bigint, NULL::timestamptz
    UNION ALL
    SELECT 'w'::text, x.u::text, x.k, coalesce(sum(d.amount), 0)::bigint, count(d.amount)::bigint,
           NULL::timestamptz
      FROM unnest(p_w_users, p_w_keys, p_w_minutes, p_w_currencies, p_w_kinds, p_w_at) AS x(u, k, m, cur, kinds, at)
      LEFT JOIN risk.debits d ON d.user_id = x.u AND d.created_at > x.at - make_interval(mins => x.m)
       AND d.currency = x.cur AND d.kind = ANY (string_to_array(x.kinds, ','))
     GROUP BY x.u, x.k
    UNION ALL
    SELECT DISTINCT 'k'::text, p.u::text, p.c, NULL::bigint, NULL::bigint, NULL::timestamptz
      FROM unnest(p_attempt_users, p_attempt_counterparties) AS p(u, c)
     WHERE EXISTS (SELECT 1 FROM risk.debits d WHERE d.user_id = p.u AND d.counterparty = p.c)
    UNION ALL
    SELECT 'n'::text, d.user_id::text, d.counterparty, NULL::bigint, NULL::bigint, d.created_at
      FROM risk.debits d
     WHERE d.user_id = ANY (p_users) AND d.new_counterparty AND d.created_at >= p_day_start;
END
$fn$;
