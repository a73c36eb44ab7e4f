-- Operations, sixth step (issue 14):
-- 1. Per counter and officer, every duration's percentiles: ops_daily_staff gains the wait (w0..w39), walk
--    (k0..k10) and total (t0..t39) buckets beside the service ones of 0717, bumped by ops_apply for the event
--    that ends each duration, so "by counter" and "by officer" give median and p90 of all four times.
-- 2. ops_rebuild re-derives only the local days that have ticket events. A day without events has
--    aggregates no replay can reproduce (the demo's generated history, demo-history.ts): it is kept.
-- Both functions are restated whole (CREATE OR REPLACE has no patch form); only the marked parts changed.

ALTER TABLE ops_daily_staff
  ADD COLUMN w0 integer NOT NULL DEFAULT 0,
  ADD COLUMN w1 integer NOT NULL DEFAULT 0,
  ADD COLUMN w2 integer NOT NULL DEFAULT 0,
  ADD COLUMN w3 integer NOT NULL DEFAULT 0,
  ADD COLUMN w4 integer NOT NULL DEFAULT 0,
  ADD COLUMN w5 integer NOT NULL DEFAULT 0,
  ADD COLUMN w6 integer NOT NULL DEFAULT 0,
  ADD COLUMN w7 integer NOT NULL DEFAULT 0,
  ADD COLUMN w8 integer NOT NULL DEFAULT 0,
  ADD COLUMN w9 integer NOT NULL DEFAULT 0,
  ADD COLUMN w10 integer NOT NULL DEFAULT 0,
  ADD COLUMN w11 integer NOT NULL DEFAULT 0,
  ADD COLUMN w12 integer NOT NULL DEFAULT 0,
  ADD COLUMN w13 integer NOT NULL DEFAULT 0,
  ADD COLUMN w14 integer NOT NULL DEFAULT 0,
  ADD COLUMN w15 integer NOT NULL DEFAULT 0,
  ADD COLUMN w16 integer NOT NULL DEFAULT 0,
  ADD COLUMN w17 integer NOT NULL DEFAULT 0,
  ADD COLUMN w18 integer NOT NULL DEFAULT 0,
  ADD COLUMN w19 integer NOT NULL DEFAULT 0,
  ADD COLUMN w20 integer NOT NULL DEFAULT 0,
  ADD COLUMN w21 integer NOT NULL DEFAULT 0,
  ADD COLUMN w22 integer NOT NULL DEFAULT 0,
  ADD COLUMN w23 integer NOT NULL DEFAULT 0,
  ADD COLUMN w24 integer NOT NULL DEFAULT 0,
  ADD COLUMN w25 integer NOT NULL DEFAULT 0,
  ADD COLUMN w26 integer NOT NULL DEFAULT 0,
  ADD COLUMN w27 integer NOT NULL DEFAULT 0,
  ADD COLUMN w28 integer NOT NULL DEFAULT 0,
  ADD COLUMN w29 integer NOT NULL DEFAULT 0,
  ADD COLUMN w30 integer NOT NULL DEFAULT 0,
  ADD COLUMN w31 integer NOT NULL DEFAULT 0,
  ADD COLUMN w32 integer NOT NULL DEFAULT 0,
  ADD COLUMN w33 integer NOT NULL DEFAULT 0,
  ADD COLUMN w34 integer NOT NULL DEFAULT 0,
  ADD COLUMN w35 integer NOT NULL DEFAULT 0,
  ADD COLUMN w36 integer NOT NULL DEFAULT 0,
  ADD COLUMN w37 integer NOT NULL DEFAULT 0,
  ADD COLUMN w38 integer NOT NULL DEFAULT 0,
  ADD COLUMN w39 integer NOT NULL DEFAULT 0,
  ADD COLUMN k0 integer NOT NULL DEFAULT 0,
  ADD COLUMN k1 integer NOT NULL DEFAULT 0,
  ADD COLUMN k2 integer NOT NULL DEFAULT 0,
  ADD COLUMN k3 integer NOT NULL DEFAULT 0,
  ADD COLUMN k4 integer NOT NULL DEFAULT 0,
  ADD COLUMN k5 integer NOT NULL DEFAULT 0,
  ADD COLUMN k6 integer NOT NULL DEFAULT 0,
  ADD COLUMN k7 integer NOT NULL DEFAULT 0,
  ADD COLUMN k8 integer NOT NULL DEFAULT 0,
  ADD COLUMN k9 integer NOT NULL DEFAULT 0,
  ADD COLUMN k10 integer NOT NULL DEFAULT 0,
  ADD COLUMN t0 integer NOT NULL DEFAULT 0,
  ADD COLUMN t1 integer NOT NULL DEFAULT 0,
  ADD COLUMN t2 integer NOT NULL DEFAULT 0,
  ADD COLUMN t3 integer NOT NULL DEFAULT 0,
  ADD COLUMN t4 integer NOT NULL DEFAULT 0,
  ADD COLUMN t5 integer NOT NULL DEFAULT 0,
  ADD COLUMN t6 integer NOT NULL DEFAULT 0,
  ADD COLUMN t7 integer NOT NULL DEFAULT 0,
  ADD COLUMN t8 integer NOT NULL DEFAULT 0,
  ADD COLUMN t9 integer NOT NULL DEFAULT 0,
  ADD COLUMN t10 integer NOT NULL DEFAULT 0,
  ADD COLUMN t11 integer NOT NULL DEFAULT 0,
  ADD COLUMN t12 integer NOT NULL DEFAULT 0,
  ADD COLUMN t13 integer NOT NULL DEFAULT 0,
  ADD COLUMN t14 integer NOT NULL DEFAULT 0,
  ADD COLUMN t15 integer NOT NULL DEFAULT 0,
  ADD COLUMN t16 integer NOT NULL DEFAULT 0,
  ADD COLUMN t17 integer NOT NULL DEFAULT 0,
  ADD COLUMN t18 integer NOT NULL DEFAULT 0,
  ADD COLUMN t19 integer NOT NULL DEFAULT 0,
  ADD COLUMN t20 integer NOT NULL DEFAULT 0,
  ADD COLUMN t21 integer NOT NULL DEFAULT 0,
  ADD COLUMN t22 integer NOT NULL DEFAULT 0,
  ADD COLUMN t23 integer NOT NULL DEFAULT 0,
  ADD COLUMN t24 integer NOT NULL DEFAULT 0,
  ADD COLUMN t25 integer NOT NULL DEFAULT 0,
  ADD COLUMN t26 integer NOT NULL DEFAULT 0,
  ADD COLUMN t27 integer NOT NULL DEFAULT 0,
  ADD COLUMN t28 integer NOT NULL DEFAULT 0,
  ADD COLUMN t29 integer NOT NULL DEFAULT 0,
  ADD COLUMN t30 integer NOT NULL DEFAULT 0,
  ADD COLUMN t31 integer NOT NULL DEFAULT 0,
  ADD COLUMN t32 integer NOT NULL DEFAULT 0,
  ADD COLUMN t33 integer NOT NULL DEFAULT 0,
  ADD COLUMN t34 integer NOT NULL DEFAULT 0,
  ADD COLUMN t35 integer NOT NULL DEFAULT 0,
  ADD COLUMN t36 integer NOT NULL DEFAULT 0,
  ADD COLUMN t37 integer NOT NULL DEFAULT 0,
  ADD COLUMN t38 integer NOT NULL DEFAULT 0,
  ADD COLUMN t39 integer NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION ops_apply(e ticket_events) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_hour timestamptz := date_trunc('hour', e.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  v_service uuid := CASE WHEN e.type = 'transferred' THEN coalesce(e.from_service_id, e.service_id) ELSE e.service_id END;
  v_counter uuid := coalesce(e.counter_id, '00000000-0000-0000-0000-000000000000');
  v_officer text := CASE WHEN e.actor_type = 'user' AND e.type <> 'issued' THEN coalesce(e.actor_id, '') ELSE '' END;
  v_tenant uuid;
  v_day date;
  v_booked boolean := false;
  v_from timestamptz;
  v_wait integer;
  v_walk integer;
  v_service_s integer;
  v_total integer;
  v_buckets text := '';
BEGIN
  SELECT s.tenant_id, (e.at AT TIME ZONE m.timezone)::date INTO v_tenant, v_day
    FROM services s JOIN mpps m ON m.id = s.mpp_id WHERE s.mpp_id = e.mpp_id AND s.id = v_service;
  IF e.type = 'issued' THEN
    SELECT booked_for IS NOT NULL INTO v_booked FROM tickets WHERE mpp_id = e.mpp_id AND id = e.ticket_id;
    v_booked := coalesce(v_booked, false);
  ELSIF e.type = 'called' THEN
    SELECT at INTO v_from FROM ticket_events
     WHERE mpp_id = e.mpp_id AND ticket_id = e.ticket_id AND id < e.id AND type IN ('issued', 'transferred')
     ORDER BY id DESC LIMIT 1;
    v_wait := round(extract(epoch FROM e.at - v_from));
  ELSIF e.type = 'serving' THEN
    SELECT at INTO v_from FROM ticket_events
     WHERE mpp_id = e.mpp_id AND ticket_id = e.ticket_id AND id < e.id AND type = 'called'
     ORDER BY id DESC LIMIT 1;
    v_walk := round(extract(epoch FROM e.at - v_from));
  ELSIF e.type = 'served' THEN
    SELECT at INTO v_from FROM ticket_events
     WHERE mpp_id = e.mpp_id AND ticket_id = e.ticket_id AND id < e.id AND type = 'serving'
     ORDER BY id DESC LIMIT 1;
    v_service_s := round(extract(epoch FROM e.at - v_from));
    SELECT at INTO v_from FROM ticket_events
     WHERE mpp_id = e.mpp_id AND ticket_id = e.ticket_id AND id < e.id AND type = 'issued'
     ORDER BY id LIMIT 1;
    v_total := round(extract(epoch FROM e.at - v_from));
  END IF;

  INSERT INTO ops_hourly AS h (mpp_id, hour, service_id, counter_id, officer_id, tenant_id,
                               issued, issued_booked, called, recalled, served, no_show, cancelled, transferred,
                               wait_n, wait_sum, wait_max, walk_n, walk_sum, service_n, service_sum, service_max, total_n, total_sum)
  VALUES (e.mpp_id, v_hour, v_service, v_counter, v_officer, v_tenant,
          (e.type = 'issued')::int, (e.type = 'issued' AND v_booked)::int, (e.type = 'called')::int,
          (e.type = 'recalled')::int, (e.type = 'served')::int, (e.type = 'no_show')::int,
          (e.type = 'cancelled')::int, (e.type = 'transferred')::int,
          (v_wait IS NOT NULL)::int, coalesce(v_wait, 0), coalesce(v_wait, 0),
          (v_walk IS NOT NULL)::int, coalesce(v_walk, 0),
          (v_service_s IS NOT NULL)::int, coalesce(v_service_s, 0), coalesce(v_service_s, 0),
          (v_total IS NOT NULL)::int, coalesce(v_total, 0))
  ON CONFLICT (mpp_id, hour, service_id, counter_id, officer_id) DO UPDATE SET
    issued = h.issued + EXCLUDED.issued, issued_booked = h.issued_booked + EXCLUDED.issued_booked,
    called = h.called + EXCLUDED.called, recalled = h.recalled + EXCLUDED.recalled, served = h.served + EXCLUDED.served,
    no_show = h.no_show + EXCLUDED.no_show, cancelled = h.cancelled + EXCLUDED.cancelled, transferred = h.transferred + EXCLUDED.transferred,
    wait_n = h.wait_n + EXCLUDED.wait_n, wait_sum = h.wait_sum + EXCLUDED.wait_sum, wait_max = greatest(h.wait_max, EXCLUDED.wait_max),
    walk_n = h.walk_n + EXCLUDED.walk_n, walk_sum = h.walk_sum + EXCLUDED.walk_sum,
    service_n = h.service_n + EXCLUDED.service_n, service_sum = h.service_sum + EXCLUDED.service_sum,
    service_max = greatest(h.service_max, EXCLUDED.service_max),
    total_n = h.total_n + EXCLUDED.total_n, total_sum = h.total_sum + EXCLUDED.total_sum;

  IF v_wait IS NOT NULL THEN v_buckets := v_buckets || format(', %1$I = d.%1$I + 1', 'w' || ops_bucket_long(v_wait)); END IF;
  IF v_walk IS NOT NULL THEN v_buckets := v_buckets || format(', %1$I = d.%1$I + 1', 'k' || ops_bucket_walk(v_walk)); END IF;
  IF v_service_s IS NOT NULL THEN v_buckets := v_buckets || format(', %1$I = d.%1$I + 1', 's' || ops_bucket_long(v_service_s)); END IF;
  IF v_total IS NOT NULL THEN v_buckets := v_buckets || format(', %1$I = d.%1$I + 1', 't' || ops_bucket_long(v_total)); END IF;

  INSERT INTO ops_daily (mpp_id, local_day, service_id, tenant_id) VALUES (e.mpp_id, v_day, v_service, v_tenant)
  ON CONFLICT (mpp_id, local_day, service_id) DO NOTHING;
  EXECUTE 'UPDATE ops_daily d SET issued = d.issued + $4, issued_booked = d.issued_booked + $5, called = d.called + $6,
             recalled = d.recalled + $7, served = d.served + $8, no_show = d.no_show + $9, cancelled = d.cancelled + $10,
             transferred = d.transferred + $11,
             wait_n = d.wait_n + ($12 IS NOT NULL)::int, wait_sum = d.wait_sum + coalesce($12, 0), wait_max = greatest(d.wait_max, coalesce($12, 0)),
             walk_n = d.walk_n + ($13 IS NOT NULL)::int, walk_sum = d.walk_sum + coalesce($13, 0),
             service_n = d.service_n + ($14 IS NOT NULL)::int, service_sum = d.service_sum + coalesce($14, 0),
             service_max = greatest(d.service_max, coalesce($14, 0)),
             total_n = d.total_n + ($15 IS NOT NULL)::int, total_sum = d.total_sum + coalesce($15, 0)' || v_buckets || '
           WHERE d.mpp_id = $1 AND d.local_day = $2 AND d.service_id = $3'
    USING e.mpp_id, v_day, v_service,
          (e.type = 'issued')::int, (e.type = 'issued' AND v_booked)::int, (e.type = 'called')::int,
          (e.type = 'recalled')::int, (e.type = 'served')::int, (e.type = 'no_show')::int,
          (e.type = 'cancelled')::int, (e.type = 'transferred')::int,
          v_wait, v_walk, v_service_s, v_total;

  INSERT INTO ops_daily_tenant (mpp_id, local_day, tenant_id) VALUES (e.mpp_id, v_day, v_tenant)
  ON CONFLICT (mpp_id, local_day, tenant_id) DO NOTHING;
  EXECUTE 'UPDATE ops_daily_tenant d SET issued = d.issued + $4, issued_booked = d.issued_booked + $5, called = d.called + $6,
             recalled = d.recalled + $7, served = d.served + $8, no_show = d.no_show + $9, cancelled = d.cancelled + $10,
             transferred = d.transferred + $11,
             wait_n = d.wait_n + ($12 IS NOT NULL)::int, wait_sum = d.wait_sum + coalesce($12, 0), wait_max = greatest(d.wait_max, coalesce($12, 0)),
             walk_n = d.walk_n + ($13 IS NOT NULL)::int, walk_sum = d.walk_sum + coalesce($13, 0),
             service_n = d.service_n + ($14 IS NOT NULL)::int, service_sum = d.service_sum + coalesce($14, 0),
             service_max = greatest(d.service_max, coalesce($14, 0)),
             total_n = d.total_n + ($15 IS NOT NULL)::int, total_sum = d.total_sum + coalesce($15, 0)' || v_buckets || '
           WHERE d.mpp_id = $1 AND d.local_day = $2 AND d.tenant_id = $3'
    USING e.mpp_id, v_day, v_tenant,
          (e.type = 'issued')::int, (e.type = 'issued' AND v_booked)::int, (e.type = 'called')::int,
          (e.type = 'recalled')::int, (e.type = 'served')::int, (e.type = 'no_show')::int,
          (e.type = 'cancelled')::int, (e.type = 'transferred')::int,
          v_wait, v_walk, v_service_s, v_total;

  -- The month's row per service (0717): month statistics by service read ~159 rows instead of ~4,800.
  INSERT INTO ops_monthly (mpp_id, local_month, service_id, tenant_id) VALUES (e.mpp_id, date_trunc('month', v_day)::date, v_service, v_tenant)
  ON CONFLICT (mpp_id, local_month, service_id) DO NOTHING;
  EXECUTE 'UPDATE ops_monthly d SET issued = d.issued + $4, issued_booked = d.issued_booked + $5, called = d.called + $6,
             recalled = d.recalled + $7, served = d.served + $8, no_show = d.no_show + $9, cancelled = d.cancelled + $10,
             transferred = d.transferred + $11,
             wait_n = d.wait_n + ($12 IS NOT NULL)::int, wait_sum = d.wait_sum + coalesce($12, 0), wait_max = greatest(d.wait_max, coalesce($12, 0)),
             walk_n = d.walk_n + ($13 IS NOT NULL)::int, walk_sum = d.walk_sum + coalesce($13, 0),
             service_n = d.service_n + ($14 IS NOT NULL)::int, service_sum = d.service_sum + coalesce($14, 0),
             service_max = greatest(d.service_max, coalesce($14, 0)),
             total_n = d.total_n + ($15 IS NOT NULL)::int, total_sum = d.total_sum + coalesce($15, 0)' || v_buckets || '
           WHERE d.mpp_id = $1 AND d.local_month = $2 AND d.service_id = $3'
    USING e.mpp_id, date_trunc('month', v_day)::date, v_service,
          (e.type = 'issued')::int, (e.type = 'issued' AND v_booked)::int, (e.type = 'called')::int,
          (e.type = 'recalled')::int, (e.type = 'served')::int, (e.type = 'no_show')::int,
          (e.type = 'cancelled')::int, (e.type = 'transferred')::int,
          v_wait, v_walk, v_service_s, v_total;

  -- Every duration's bucket per counter and officer (0720; 0717 kept service times only); the row exists:
  -- the ops_hourly write above added to it through ops_rollup_trigger.
  IF v_buckets <> '' THEN
    EXECUTE 'UPDATE ops_daily_staff d SET ' || substr(v_buckets, 3) || ' WHERE d.mpp_id = $1 AND d.local_day = $2 AND d.tenant_id = $3 AND d.counter_id = $4 AND d.officer_id = $5'
      USING e.mpp_id, (v_hour AT TIME ZONE (SELECT timezone FROM mpps WHERE id = e.mpp_id))::date, v_tenant, v_counter, v_officer;
  END IF;
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
  SELECT timezone INTO tz FROM mpps WHERE id = p_mpp;
  d1 := (p_from AT TIME ZONE tz)::date;
  d2 := (p_to AT TIME ZONE tz)::date;
  f := CASE WHEN isfinite(d1) THEN d1::timestamp AT TIME ZONE tz ELSE '-infinity' END;
  t := CASE WHEN isfinite(d2) THEN (d2 + 1)::timestamp AT TIME ZONE tz ELSE 'infinity' END;
  m1 := CASE WHEN isfinite(d1) THEN date_trunc('month', d1)::date ELSE '-infinity'::date END;
  m2 := CASE WHEN isfinite(d2) THEN date_trunc('month', d2)::date ELSE 'infinity'::date END;
  -- Only the local days that have events are re-derived: a day without any (the demo's generated
  -- history, written straight into the aggregates) keeps its rows (0720).
  SELECT coalesce(array_agg(DISTINCT (at AT TIME ZONE tz)::date), '{}') INTO days FROM ticket_events WHERE mpp_id = p_mpp AND at >= f AND at < t;
  DELETE FROM ops_hourly WHERE mpp_id = p_mpp AND hour >= f AND hour < t AND (hour AT TIME ZONE tz)::date = ANY (days);
  DELETE FROM ops_daily WHERE mpp_id = p_mpp AND local_day = ANY (days);
  DELETE FROM ops_daily_staff WHERE mpp_id = p_mpp AND local_day = ANY (days);
  DELETE FROM ops_daily_hour WHERE mpp_id = p_mpp AND local_day = ANY (days);
  DELETE FROM ops_daily_tenant WHERE mpp_id = p_mpp AND local_day = ANY (days);
  FOR e IN SELECT * FROM ticket_events WHERE mpp_id = p_mpp AND at >= f AND at < t ORDER BY id LOOP
    PERFORM ops_apply(e);
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

-- Existing events: each duration bucketed on the counter and officer of the event that ends it, as
-- ops_apply does (wait at the call, walk at the start, total at the finish).
WITH e AS (
  SELECT e.mpp_id, (date_trunc('hour', e.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AT TIME ZONE m.timezone)::date AS local_day,
         sv.tenant_id, coalesce(e.counter_id, '00000000-0000-0000-0000-000000000000') AS counter_id,
         CASE WHEN e.actor_type = 'user' THEN coalesce(e.actor_id, '') ELSE '' END AS officer_id,
         CASE WHEN e.type = 'called' THEN ops_bucket_long(round(extract(epoch FROM e.at - (SELECT p.at FROM ticket_events p WHERE p.mpp_id = e.mpp_id AND p.ticket_id = e.ticket_id AND p.id < e.id AND p.type IN ('issued', 'transferred') ORDER BY p.id DESC LIMIT 1)))::int) END AS wb,
         CASE WHEN e.type = 'serving' THEN ops_bucket_walk(round(extract(epoch FROM e.at - (SELECT p.at FROM ticket_events p WHERE p.mpp_id = e.mpp_id AND p.ticket_id = e.ticket_id AND p.id < e.id AND p.type = 'called' ORDER BY p.id DESC LIMIT 1)))::int) END AS kb,
         CASE WHEN e.type = 'served' THEN ops_bucket_long(round(extract(epoch FROM e.at - (SELECT p.at FROM ticket_events p WHERE p.mpp_id = e.mpp_id AND p.ticket_id = e.ticket_id AND p.id < e.id AND p.type = 'issued' ORDER BY p.id LIMIT 1)))::int) END AS tb
    FROM ticket_events e JOIN mpps m ON m.id = e.mpp_id JOIN services sv ON sv.mpp_id = e.mpp_id AND sv.id = e.service_id
   WHERE e.type IN ('called', 'serving', 'served')),
b AS (SELECT mpp_id, local_day, tenant_id, counter_id, officer_id, count(*) FILTER (WHERE wb = 0)::int AS w0, count(*) FILTER (WHERE wb = 1)::int AS w1, count(*) FILTER (WHERE wb = 2)::int AS w2, count(*) FILTER (WHERE wb = 3)::int AS w3, count(*) FILTER (WHERE wb = 4)::int AS w4, count(*) FILTER (WHERE wb = 5)::int AS w5, count(*) FILTER (WHERE wb = 6)::int AS w6, count(*) FILTER (WHERE wb = 7)::int AS w7, count(*) FILTER (WHERE wb = 8)::int AS w8, count(*) FILTER (WHERE wb = 9)::int AS w9, count(*) FILTER (WHERE wb = 10)::int AS w10, count(*) FILTER (WHERE wb = 11)::int AS w11, count(*) FILTER (WHERE wb = 12)::int AS w12, count(*) FILTER (WHERE wb = 13)::int AS w13, count(*) FILTER (WHERE wb = 14)::int AS w14, count(*) FILTER (WHERE wb = 15)::int AS w15, count(*) FILTER (WHERE wb = 16)::int AS w16, count(*) FILTER (WHERE wb = 17)::int AS w17, count(*) FILTER (WHERE wb = 18)::int AS w18, count(*) FILTER (WHERE wb = 19)::int AS w19, count(*) FILTER (WHERE wb = 20)::int AS w20, count(*) FILTER (WHERE wb = 21)::int AS w21, count(*) FILTER (WHERE wb = 22)::int AS w22, count(*) FILTER (WHERE wb = 23)::int AS w23, count(*) FILTER (WHERE wb = 24)::int AS w24, count(*) FILTER (WHERE wb = 25)::int AS w25, count(*) FILTER (WHERE wb = 26)::int AS w26, count(*) FILTER (WHERE wb = 27)::int AS w27, count(*) FILTER (WHERE wb = 28)::int AS w28, count(*) FILTER (WHERE wb = 29)::int AS w29, count(*) FILTER (WHERE wb = 30)::int AS w30, count(*) FILTER (WHERE wb = 31)::int AS w31, count(*) FILTER (WHERE wb = 32)::int AS w32, count(*) FILTER (WHERE wb = 33)::int AS w33, count(*) FILTER (WHERE wb = 34)::int AS w34, count(*) FILTER (WHERE wb = 35)::int AS w35, count(*) FILTER (WHERE wb = 36)::int AS w36, count(*) FILTER (WHERE wb = 37)::int AS w37, count(*) FILTER (WHERE wb = 38)::int AS w38, count(*) FILTER (WHERE wb = 39)::int AS w39, count(*) FILTER (WHERE kb = 0)::int AS k0, count(*) FILTER (WHERE kb = 1)::int AS k1, count(*) FILTER (WHERE kb = 2)::int AS k2, count(*) FILTER (WHERE kb = 3)::int AS k3, count(*) FILTER (WHERE kb = 4)::int AS k4, count(*) FILTER (WHERE kb = 5)::int AS k5, count(*) FILTER (WHERE kb = 6)::int AS k6, count(*) FILTER (WHERE kb = 7)::int AS k7, count(*) FILTER (WHERE kb = 8)::int AS k8, count(*) FILTER (WHERE kb = 9)::int AS k9, count(*) FILTER (WHERE kb = 10)::int AS k10, count(*) FILTER (WHERE tb = 0)::int AS t0, count(*) FILTER (WHERE tb = 1)::int AS t1, count(*) FILTER (WHERE tb = 2)::int AS t2, count(*) FILTER (WHERE tb = 3)::int AS t3, count(*) FILTER (WHERE tb = 4)::int AS t4, count(*) FILTER (WHERE tb = 5)::int AS t5, count(*) FILTER (WHERE tb = 6)::int AS t6, count(*) FILTER (WHERE tb = 7)::int AS t7, count(*) FILTER (WHERE tb = 8)::int AS t8, count(*) FILTER (WHERE tb = 9)::int AS t9, count(*) FILTER (WHERE tb = 10)::int AS t10, count(*) FILTER (WHERE tb = 11)::int AS t11, count(*) FILTER (WHERE tb = 12)::int AS t12, count(*) FILTER (WHERE tb = 13)::int AS t13, count(*) FILTER (WHERE tb = 14)::int AS t14, count(*) FILTER (WHERE tb = 15)::int AS t15, count(*) FILTER (WHERE tb = 16)::int AS t16, count(*) FILTER (WHERE tb = 17)::int AS t17, count(*) FILTER (WHERE tb = 18)::int AS t18, count(*) FILTER (WHERE tb = 19)::int AS t19, count(*) FILTER (WHERE tb = 20)::int AS t20, count(*) FILTER (WHERE tb = 21)::int AS t21, count(*) FILTER (WHERE tb = 22)::int AS t22, count(*) FILTER (WHERE tb = 23)::int AS t23, count(*) FILTER (WHERE tb = 24)::int AS t24, count(*) FILTER (WHERE tb = 25)::int AS t25, count(*) FILTER (WHERE tb = 26)::int AS t26, count(*) FILTER (WHERE tb = 27)::int AS t27, count(*) FILTER (WHERE tb = 28)::int AS t28, count(*) FILTER (WHERE tb = 29)::int AS t29, count(*) FILTER (WHERE tb = 30)::int AS t30, count(*) FILTER (WHERE tb = 31)::int AS t31, count(*) FILTER (WHERE tb = 32)::int AS t32, count(*) FILTER (WHERE tb = 33)::int AS t33, count(*) FILTER (WHERE tb = 34)::int AS t34, count(*) FILTER (WHERE tb = 35)::int AS t35, count(*) FILTER (WHERE tb = 36)::int AS t36, count(*) FILTER (WHERE tb = 37)::int AS t37, count(*) FILTER (WHERE tb = 38)::int AS t38, count(*) FILTER (WHERE tb = 39)::int AS t39
        FROM e GROUP BY 1, 2, 3, 4, 5)
UPDATE ops_daily_staff d SET w0 = b.w0, w1 = b.w1, w2 = b.w2, w3 = b.w3, w4 = b.w4, w5 = b.w5, w6 = b.w6, w7 = b.w7, w8 = b.w8, w9 = b.w9, w10 = b.w10, w11 = b.w11, w12 = b.w12, w13 = b.w13, w14 = b.w14, w15 = b.w15, w16 = b.w16, w17 = b.w17, w18 = b.w18, w19 = b.w19, w20 = b.w20, w21 = b.w21, w22 = b.w22, w23 = b.w23, w24 = b.w24, w25 = b.w25, w26 = b.w26, w27 = b.w27, w28 = b.w28, w29 = b.w29, w30 = b.w30, w31 = b.w31, w32 = b.w32, w33 = b.w33, w34 = b.w34, w35 = b.w35, w36 = b.w36, w37 = b.w37, w38 = b.w38, w39 = b.w39, k0 = b.k0, k1 = b.k1, k2 = b.k2, k3 = b.k3, k4 = b.k4, k5 = b.k5, k6 = b.k6, k7 = b.k7, k8 = b.k8, k9 = b.k9, k10 = b.k10, t0 = b.t0, t1 = b.t1, t2 = b.t2, t3 = b.t3, t4 = b.t4, t5 = b.t5, t6 = b.t6, t7 = b.t7, t8 = b.t8, t9 = b.t9, t10 = b.t10, t11 = b.t11, t12 = b.t12, t13 = b.t13, t14 = b.t14, t15 = b.t15, t16 = b.t16, t17 = b.t17, t18 = b.t18, t19 = b.t19, t20 = b.t20, t21 = b.t21, t22 = b.t22, t23 = b.t23, t24 = b.t24, t25 = b.t25, t26 = b.t26, t27 = b.t27, t28 = b.t28, t29 = b.t29, t30 = b.t30, t31 = b.t31, t32 = b.t32, t33 = b.t33, t34 = b.t34, t35 = b.t35, t36 = b.t36, t37 = b.t37, t38 = b.t38, t39 = b.t39
  FROM b WHERE d.mpp_id = b.mpp_id AND d.local_day = b.local_day AND d.tenant_id = b.tenant_id AND d.counter_id = b.counter_id AND d.officer_id = b.officer_id;
