-- Per person, minute, kind and currency: how many debits and how much, kept with risk.debits by
-- the same statement (the risk.debits writer). A velocity rule's window is summed from these
-- (at most one row per minute of the window) plus the raw debits of its first, partial minute:
-- exact, and its cost does not grow with how busy the person is.
CREATE TABLE risk.debit_minutes (
  user_id   uuid        NOT NULL,
  minute    timestamptz NOT NULL CHECK (minute = date_trunc('minute', minute)),
  kind      text        NOT NULL CHECK (kind IN ('transfer', 'bill_payment', 'withdrawal')),
  currency  char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  n         integer     NOT NULL CHECK (n > 0),
  amount    bigint      NOT NULL CHECK (amount > 0),
  PRIMARY KEY (user_id, minute, kind, currency)
);

INSERT INTO risk.debit_minutes (user_id, minute, kind, currency, n, amount)
SELECT user_id, date_trunc('minute', created_at), kind, currency, count(*), sum(amount)
  FROM risk.debits GROUP BY 1, 2, 3, 4;

CREATE OR REPLACE FUNCTION risk.lock_and_facts(
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
    SELECT 'w'::text, x.u::text, x.k, (whole.amount + edge.amount)::bigint, (whole.n + edge.n)::bigint,
           NULL::timestamptz
      FROM unnest(p_w_users, p_w_keys, p_w_minutes, p_w_currencies, p_w_kinds, p_w_at) AS x(u, k, m, cur, kinds, at)
      CROSS JOIN LATERAL (SELECT x.at - make_interval(mins => x.m) AS start) w
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(dm.amount), 0) AS amount, coalesce(sum(dm.n), 0) AS n FROM risk.debit_minutes dm
         WHERE dm.user_id = x.u AND dm.minute > date_trunc('minute', w.start) AND dm.currency = x.cur
           AND dm.kind = ANY (string_to_array(x.kinds, ','))) whole
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(d.amount), 0) AS amount, count(*) AS n FROM risk.debits d
         WHERE d.user_id = x.u AND d.created_at > w.start
           AND d.created_at < date_trunc('minute', w.start) + interval '1 minute'
           AND d.currency = x.cur AND d.kind = ANY (string_to_array(x.kinds, ','))) edge
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
