-- Operations, sixth step (issue 17): ticket events reach the aggregates after their transaction.
--
-- Profile (bench/queue-http.ts with BENCH_WAITS=1, PostgreSQL 15, 16 counters calling one service):
-- on average 5.7 of the app's ~7 busy connections were waiting on a row lock inside
-- INSERT INTO ticket_events: ops_apply (run by the trigger on every event) updates the MPP's day row
-- of the service, the agency's day and hour rows and the service's month row, which every counter's
-- transaction then held until its commit; pgbench showed that insert at 250-550 ms of a call.
--
-- Now the trigger only records the event in ops_pending (an insert no other transaction waits for),
-- and ops_fold(mpp) applies an MPP's pending events with the same ops_apply, in one transaction:
--   * readers of the statistics fold first (operations/repository.ts foldPending), so what they
--     read counts every event committed before the read, exactly as before;
--   * each node folds every few seconds (operations/aggregate-folder.ts), so the table stays short.
-- ops_apply is unchanged and the order of folding does not matter: every aggregate is a sum, a count
-- or a maximum, and ops_apply reads the earlier times from ticket_events, not from the aggregates.
-- Folds of one MPP take a transaction-scoped advisory lock, so two never interleave their row updates
-- (no deadlock), and a fold that waited sees the one before it committed (no event read twice).

CREATE TABLE ops_pending (
  mpp_id uuid NOT NULL,
  event_id bigint NOT NULL,
  PRIMARY KEY (mpp_id, event_id)
) WITH (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);

CREATE OR REPLACE FUNCTION ops_ticket_event_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ops_pending (mpp_id, event_id) VALUES (NEW.mpp_id, NEW.id);
  RETURN NULL;
END;
$$;

-- Applies an MPP's pending events to the aggregates; returns how many.
CREATE FUNCTION ops_fold(p_mpp uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
  e ticket_events;
  n integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ops_fold'), hashtext(p_mpp::text));
  WITH taken AS (DELETE FROM ops_pending WHERE mpp_id = p_mpp RETURNING event_id)
  SELECT array_agg(event_id) INTO ids FROM taken;
  IF ids IS NULL THEN RETURN 0; END IF;
  FOR e IN SELECT * FROM ticket_events WHERE mpp_id = p_mpp AND id = ANY (ids) ORDER BY id LOOP
    PERFORM ops_apply(e);
    n := n + 1;
  END LOOP;
  RETURN n;
END;
$$;

CREATE OR REPLACE FUNCTION ops_rebuild(p_mpp uuid, p_from timestamptz, p_to timestamptz) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  e ticket_events;
  n bigint := 0;
  tz text;
  d1 date;
  d2 date;
  f timestamptz;
  t timestamptz;
  m1 date;
  m2 date;
  days date[];
BEGIN
  -- Fold what is pending first (under the MPP's fold lock, held to the end), so no event is both
  -- replayed here and folded again later.
  PERFORM ops_fold(p_mpp);
  SELECT timezone INTO tz FROM mpps WHERE id = p_mpp;
  d1 := (p_from AT TIME ZONE tz)::date;
  d2 := (p_to AT TIME ZONE tz)::date;
  f := CASE WHEN isfinite(d1) THEN d1::timestamp AT TIME ZONE tz ELSE '-infinity' END;
  t := CASE WHEN isfinite(d2) THEN (d2 + 1)::timestamp AT TIME ZONE tz ELSE 'infinity' END;
  m1 := CASE WHEN isfinite(d1) THEN date_trunc('month', d1)::date ELSE '-infinity'::date END;
  m2 := CASE WHEN isfinite(d2) THEN date_trunc('month', d2)::date ELSE 'infinity'::date END;
  -- Only the local days that have events are re-derived: a day without any (the demo's generated
  -- history, written straight into the aggregates) keeps its rows (as 0720).
  SELECT coalesce(array_agg(DISTINCT (at AT TIME ZONE tz)::date), '{}') INTO days FROM ticket_events WHERE mpp_id = p_mpp AND at >= f AND at < t;
  DELETE FROM ops_hourly WHERE mpp_id = p_mpp AND hour >= f AND hour < t AND (hour AT TIME ZONE tz)::date = ANY (days);
  DELETE FROM ops_daily WHERE mpp_id = p_mpp AND local_day = ANY (days);
  DELETE FROM ops_daily_staff WHERE mpp_id = p_mpp AND local_day = ANY (days);
  DELETE FROM ops_daily_hour WHERE mpp_id = p_mpp AND local_day = ANY (days);
  DELETE FROM ops_daily_tenant WHERE mpp_id = p_mpp AND local_day = ANY (days);
  FOR e IN SELECT * FROM ticket_events WHERE mpp_id = p_mpp AND at >= f AND at < t ORDER BY id LOOP
    PERFORM ops_apply(e);
    -- An event committed after the fold above is replayed here: it must not be folded again.
    DELETE FROM ops_pending WHERE mpp_id = p_mpp AND event_id = e.id;
    n := n + 1;
  END LOOP;
  -- The months touched are re-summed from ops_daily (which holds the days outside the replayed range too).
  DELETE FROM ops_monthly WHERE mpp_id = p_mpp AND local_month >= m1 AND local_month <= m2;
  INSERT INTO ops_monthly (mpp_id, local_month, service_id, tenant_id, issued, issued_booked, called, recalled, served, no_show, cancelled, transferred, wait_n, wait_sum, wait_max, walk_n, walk_sum, service_n, service_sum, service_max, total_n, total_sum, w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15, w16, w17, w18, w19, w20, w21, w22, w23, w24, w25, w26, w27, w28, w29, w30, w31, w32, w33, w34, w35, w36, w37, w38, w39, k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19, s20, s21, s22, s23, s24, s25, s26, s27, s28, s29, s30, s31, s32, s33, s34, s35, s36, s37, s38, s39, t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20, t21, t22, t23, t24, t25, t26, t27, t28, t29, t30, t31, t32, t33, t34, t35, t36, t37, t38, t39)
  SELECT mpp_id, date_trunc('month', local_day)::date, service_id, min(tenant_id::text)::uuid, sum(issued), sum(issued_booked), sum(called), sum(recalled), sum(served), sum(no_show), sum(cancelled), sum(transferred), sum(wait_n), sum(wait_sum), max(wait_max), sum(walk_n), sum(walk_sum), sum(service_n), sum(service_sum), max(service_max), sum(total_n), sum(total_sum), sum(w0), sum(w1), sum(w2), sum(w3), sum(w4), sum(w5), sum(w6), sum(w7), sum(w8), sum(w9), sum(w10), sum(w11), sum(w12), sum(w13), sum(w14), sum(w15), sum(w16), sum(w17), sum(w18), sum(w19), sum(w20), sum(w21), sum(w22), sum(w23), sum(w24), sum(w25), sum(w26), sum(w27), sum(w28), sum(w29), sum(w30), sum(w31), sum(w32), sum(w33), sum(w34), sum(w35), sum(w36), sum(w37), sum(w38), sum(w39), sum(k0), sum(k1), sum(k2), sum(k3), sum(k4), sum(k5), sum(k6), sum(k7), sum(k8), sum(k9), sum(k10), sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7), sum(s8), sum(s9), sum(s10), sum(s11), sum(s12), sum(s13), sum(s14), sum(s15), sum(s16), sum(s17), sum(s18), sum(s19), sum(s20), sum(s21), sum(s22), sum(s23), sum(s24), sum(s25), sum(s26), sum(s27), sum(s28), sum(s29), sum(s30), sum(s31), sum(s32), sum(s33), sum(s34), sum(s35), sum(s36), sum(s37), sum(s38), sum(s39), sum(t0), sum(t1), sum(t2), sum(t3), sum(t4), sum(t5), sum(t6), sum(t7), sum(t8), sum(t9), sum(t10), sum(t11), sum(t12), sum(t13), sum(t14), sum(t15), sum(t16), sum(t17), sum(t18), sum(t19), sum(t20), sum(t21), sum(t22), sum(t23), sum(t24), sum(t25), sum(t26), sum(t27), sum(t28), sum(t29), sum(t30), sum(t31), sum(t32), sum(t33), sum(t34), sum(t35), sum(t36), sum(t37), sum(t38), sum(t39)
    FROM ops_daily WHERE mpp_id = p_mpp AND local_day >= m1 AND local_day < (date_trunc('month', m2) + interval '1 month')::date
   GROUP BY 1, 2, 3;
  RETURN n;
END;
$$;

