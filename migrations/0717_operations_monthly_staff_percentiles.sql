-- Operations, fifth step (issue 14):
-- 1. Month statistics by service summed 131 histogram columns over ~4,800 ops_daily rows per busy
--    MPP-month (p95 150-254 ms, bench/ops-stats.ts; EXPLAIN ANALYZE: the aggregate over the rows, not the
--    scan, is the cost). ops_monthly keeps the same counts, sums and buckets per MPP-local month and
--    service (~159 rows a month), written by ops_apply beside ops_daily; a period reads its whole months
--    from it and only the days at its ends from ops_daily (repository.ts aggregateSql).
-- 2. Per counter and officer, service-time percentiles: ops_daily_staff gains the service-time buckets
--    s0..s39 (the same buckets as ops_daily), bumped by ops_apply for each finished service.

CREATE TABLE ops_monthly (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  local_month date NOT NULL CHECK (extract(day FROM local_month) = 1),
  service_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  issued integer NOT NULL DEFAULT 0,
  issued_booked integer NOT NULL DEFAULT 0,
  called integer NOT NULL DEFAULT 0,
  recalled integer NOT NULL DEFAULT 0,
  served integer NOT NULL DEFAULT 0,
  no_show integer NOT NULL DEFAULT 0,
  cancelled integer NOT NULL DEFAULT 0,
  transferred integer NOT NULL DEFAULT 0,
  wait_n integer NOT NULL DEFAULT 0,
  wait_sum bigint NOT NULL DEFAULT 0,
  wait_max integer NOT NULL DEFAULT 0,
  walk_n integer NOT NULL DEFAULT 0,
  walk_sum bigint NOT NULL DEFAULT 0,
  service_n integer NOT NULL DEFAULT 0,
  service_sum bigint NOT NULL DEFAULT 0,
  service_max integer NOT NULL DEFAULT 0,
  total_n integer NOT NULL DEFAULT 0,
  total_sum bigint NOT NULL DEFAULT 0,
  w0 integer NOT NULL DEFAULT 0,
  w1 integer NOT NULL DEFAULT 0,
  w2 integer NOT NULL DEFAULT 0,
  w3 integer NOT NULL DEFAULT 0,
  w4 integer NOT NULL DEFAULT 0,
  w5 integer NOT NULL DEFAULT 0,
  w6 integer NOT NULL DEFAULT 0,
  w7 integer NOT NULL DEFAULT 0,
  w8 integer NOT NULL DEFAULT 0,
  w9 integer NOT NULL DEFAULT 0,
  w10 integer NOT NULL DEFAULT 0,
  w11 integer NOT NULL DEFAULT 0,
  w12 integer NOT NULL DEFAULT 0,
  w13 integer NOT NULL DEFAULT 0,
  w14 integer NOT NULL DEFAULT 0,
  w15 integer NOT NULL DEFAULT 0,
  w16 integer NOT NULL DEFAULT 0,
  w17 integer NOT NULL DEFAULT 0,
  w18 integer NOT NULL DEFAULT 0,
  w19 integer NOT NULL DEFAULT 0,
  w20 integer NOT NULL DEFAULT 0,
  w21 integer NOT NULL DEFAULT 0,
  w22 integer NOT NULL DEFAULT 0,
  w23 integer NOT NULL DEFAULT 0,
  w24 integer NOT NULL DEFAULT 0,
  w25 integer NOT NULL DEFAULT 0,
  w26 integer NOT NULL DEFAULT 0,
  w27 integer NOT NULL DEFAULT 0,
  w28 integer NOT NULL DEFAULT 0,
  w29 integer NOT NULL DEFAULT 0,
  w30 integer NOT NULL DEFAULT 0,
  w31 integer NOT NULL DEFAULT 0,
  w32 integer NOT NULL DEFAULT 0,
  w33 integer NOT NULL DEFAULT 0,
  w34 integer NOT NULL DEFAULT 0,
  w35 integer NOT NULL DEFAULT 0,
  w36 integer NOT NULL DEFAULT 0,
  w37 integer NOT NULL DEFAULT 0,
  w38 integer NOT NULL DEFAULT 0,
  w39 integer NOT NULL DEFAULT 0,
  k0 integer NOT NULL DEFAULT 0,
  k1 integer NOT NULL DEFAULT 0,
  k2 integer NOT NULL DEFAULT 0,
  k3 integer NOT NULL DEFAULT 0,
  k4 integer NOT NULL DEFAULT 0,
  k5 integer NOT NULL DEFAULT 0,
  k6 integer NOT NULL DEFAULT 0,
  k7 integer NOT NULL DEFAULT 0,
  k8 integer NOT NULL DEFAULT 0,
  k9 integer NOT NULL DEFAULT 0,
  k10 integer NOT NULL DEFAULT 0,
  s0 integer NOT NULL DEFAULT 0,
  s1 integer NOT NULL DEFAULT 0,
  s2 integer NOT NULL DEFAULT 0,
  s3 integer NOT NULL DEFAULT 0,
  s4 integer NOT NULL DEFAULT 0,
  s5 integer NOT NULL DEFAULT 0,
  s6 integer NOT NULL DEFAULT 0,
  s7 integer NOT NULL DEFAULT 0,
  s8 integer NOT NULL DEFAULT 0,
  s9 integer NOT NULL DEFAULT 0,
  s10 integer NOT NULL DEFAULT 0,
  s11 integer NOT NULL DEFAULT 0,
  s12 integer NOT NULL DEFAULT 0,
  s13 integer NOT NULL DEFAULT 0,
  s14 integer NOT NULL DEFAULT 0,
  s15 integer NOT NULL DEFAULT 0,
  s16 integer NOT NULL DEFAULT 0,
  s17 integer NOT NULL DEFAULT 0,
  s18 integer NOT NULL DEFAULT 0,
  s19 integer NOT NULL DEFAULT 0,
  s20 integer NOT NULL DEFAULT 0,
  s21 integer NOT NULL DEFAULT 0,
  s22 integer NOT NULL DEFAULT 0,
  s23 integer NOT NULL DEFAULT 0,
  s24 integer NOT NULL DEFAULT 0,
  s25 integer NOT NULL DEFAULT 0,
  s26 integer NOT NULL DEFAULT 0,
  s27 integer NOT NULL DEFAULT 0,
  s28 integer NOT NULL DEFAULT 0,
  s29 integer NOT NULL DEFAULT 0,
  s30 integer NOT NULL DEFAULT 0,
  s31 integer NOT NULL DEFAULT 0,
  s32 integer NOT NULL DEFAULT 0,
  s33 integer NOT NULL DEFAULT 0,
  s34 integer NOT NULL DEFAULT 0,
  s35 integer NOT NULL DEFAULT 0,
  s36 integer NOT NULL DEFAULT 0,
  s37 integer NOT NULL DEFAULT 0,
  s38 integer NOT NULL DEFAULT 0,
  s39 integer NOT NULL DEFAULT 0,
  t0 integer NOT NULL DEFAULT 0,
  t1 integer NOT NULL DEFAULT 0,
  t2 integer NOT NULL DEFAULT 0,
  t3 integer NOT NULL DEFAULT 0,
  t4 integer NOT NULL DEFAULT 0,
  t5 integer NOT NULL DEFAULT 0,
  t6 integer NOT NULL DEFAULT 0,
  t7 integer NOT NULL DEFAULT 0,
  t8 integer NOT NULL DEFAULT 0,
  t9 integer NOT NULL DEFAULT 0,
  t10 integer NOT NULL DEFAULT 0,
  t11 integer NOT NULL DEFAULT 0,
  t12 integer NOT NULL DEFAULT 0,
  t13 integer NOT NULL DEFAULT 0,
  t14 integer NOT NULL DEFAULT 0,
  t15 integer NOT NULL DEFAULT 0,
  t16 integer NOT NULL DEFAULT 0,
  t17 integer NOT NULL DEFAULT 0,
  t18 integer NOT NULL DEFAULT 0,
  t19 integer NOT NULL DEFAULT 0,
  t20 integer NOT NULL DEFAULT 0,
  t21 integer NOT NULL DEFAULT 0,
  t22 integer NOT NULL DEFAULT 0,
  t23 integer NOT NULL DEFAULT 0,
  t24 integer NOT NULL DEFAULT 0,
  t25 integer NOT NULL DEFAULT 0,
  t26 integer NOT NULL DEFAULT 0,
  t27 integer NOT NULL DEFAULT 0,
  t28 integer NOT NULL DEFAULT 0,
  t29 integer NOT NULL DEFAULT 0,
  t30 integer NOT NULL DEFAULT 0,
  t31 integer NOT NULL DEFAULT 0,
  t32 integer NOT NULL DEFAULT 0,
  t33 integer NOT NULL DEFAULT 0,
  t34 integer NOT NULL DEFAULT 0,
  t35 integer NOT NULL DEFAULT 0,
  t36 integer NOT NULL DEFAULT 0,
  t37 integer NOT NULL DEFAULT 0,
  t38 integer NOT NULL DEFAULT 0,
  t39 integer NOT NULL DEFAULT 0,
  PRIMARY KEY (mpp_id, local_month, service_id)
) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);

ALTER TABLE ops_daily_staff
  ADD COLUMN s0 integer NOT NULL DEFAULT 0,
  ADD COLUMN s1 integer NOT NULL DEFAULT 0,
  ADD COLUMN s2 integer NOT NULL DEFAULT 0,
  ADD COLUMN s3 integer NOT NULL DEFAULT 0,
  ADD COLUMN s4 integer NOT NULL DEFAULT 0,
  ADD COLUMN s5 integer NOT NULL DEFAULT 0,
  ADD COLUMN s6 integer NOT NULL DEFAULT 0,
  ADD COLUMN s7 integer NOT NULL DEFAULT 0,
  ADD COLUMN s8 integer NOT NULL DEFAULT 0,
  ADD COLUMN s9 integer NOT NULL DEFAULT 0,
  ADD COLUMN s10 integer NOT NULL DEFAULT 0,
  ADD COLUMN s11 integer NOT NULL DEFAULT 0,
  ADD COLUMN s12 integer NOT NULL DEFAULT 0,
  ADD COLUMN s13 integer NOT NULL DEFAULT 0,
  ADD COLUMN s14 integer NOT NULL DEFAULT 0,
  ADD COLUMN s15 integer NOT NULL DEFAULT 0,
  ADD COLUMN s16 integer NOT NULL DEFAULT 0,
  ADD COLUMN s17 integer NOT NULL DEFAULT 0,
  ADD COLUMN s18 integer NOT NULL DEFAULT 0,
  ADD COLUMN s19 integer NOT NULL DEFAULT 0,
  ADD COLUMN s20 integer NOT NULL DEFAULT 0,
  ADD COLUMN s21 integer NOT NULL DEFAULT 0,
  ADD COLUMN s22 integer NOT NULL DEFAULT 0,
  ADD COLUMN s23 integer NOT NULL DEFAULT 0,
  ADD COLUMN s24 integer NOT NULL DEFAULT 0,
  ADD COLUMN s25 integer NOT NULL DEFAULT 0,
  ADD COLUMN s26 integer NOT NULL DEFAULT 0,
  ADD COLUMN s27 integer NOT NULL DEFAULT 0,
  ADD COLUMN s28 integer NOT NULL DEFAULT 0,
  ADD COLUMN s29 integer NOT NULL DEFAULT 0,
  ADD COLUMN s30 integer NOT NULL DEFAULT 0,
  ADD COLUMN s31 integer NOT NULL DEFAULT 0,
  ADD COLUMN s32 integer NOT NULL DEFAULT 0,
  ADD COLUMN s33 integer NOT NULL DEFAULT 0,
  ADD COLUMN s34 integer NOT NULL DEFAULT 0,
  ADD COLUMN s35 integer NOT NULL DEFAULT 0,
  ADD COLUMN s36 integer NOT NULL DEFAULT 0,
  ADD COLUMN s37 integer NOT NULL DEFAULT 0,
  ADD COLUMN s38 integer NOT NULL DEFAULT 0,
  ADD COLUMN s39 integer NOT NULL DEFAULT 0;

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

  -- The service-time bucket per counter and officer (0717); the row exists: the ops_hourly write above
  -- added to it through ops_rollup_trigger.
  IF v_service_s IS NOT NULL THEN
    EXECUTE format('UPDATE ops_daily_staff d SET %1$I = d.%1$I + 1 WHERE d.mpp_id = $1 AND d.local_day = $2 AND d.tenant_id = $3 AND d.counter_id = $4 AND d.officer_id = $5',
                   's' || ops_bucket_long(v_service_s))
      USING e.mpp_id, (v_hour AT TIME ZONE (SELECT timezone FROM mpps WHERE id = e.mpp_id))::date, v_tenant, v_counter, v_officer;
  END IF;
END;
$$;

-- Rebuild also re-sums the months it touches.
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
BEGIN
  SELECT timezone INTO tz FROM mpps WHERE id = p_mpp;
  d1 := (p_from AT TIME ZONE tz)::date;
  d2 := (p_to AT TIME ZONE tz)::date;
  f := CASE WHEN isfinite(d1) THEN d1::timestamp AT TIME ZONE tz ELSE '-infinity' END;
  t := CASE WHEN isfinite(d2) THEN (d2 + 1)::timestamp AT TIME ZONE tz ELSE 'infinity' END;
  m1 := CASE WHEN isfinite(d1) THEN date_trunc('month', d1)::date ELSE '-infinity'::date END;
  m2 := CASE WHEN isfinite(d2) THEN date_trunc('month', d2)::date ELSE 'infinity'::date END;
  DELETE FROM ops_hourly WHERE mpp_id = p_mpp AND hour >= f AND hour < t;
  DELETE FROM ops_daily WHERE mpp_id = p_mpp AND local_day >= d1 AND local_day <= d2;
  DELETE FROM ops_daily_staff WHERE mpp_id = p_mpp AND local_day >= d1 AND local_day <= d2;
  DELETE FROM ops_daily_hour WHERE mpp_id = p_mpp AND local_day >= d1 AND local_day <= d2;
  DELETE FROM ops_daily_tenant WHERE mpp_id = p_mpp AND local_day >= d1 AND local_day <= d2;
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

-- Existing aggregates: the month rows are exact sums of ops_daily.
INSERT INTO ops_monthly (mpp_id, local_month, service_id, tenant_id, issued, issued_booked, called, recalled, served, no_show, cancelled, transferred, wait_n, wait_sum, wait_max, walk_n, walk_sum, service_n, service_sum, service_max, total_n, total_sum, w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15, w16, w17, w18, w19, w20, w21, w22, w23, w24, w25, w26, w27, w28, w29, w30, w31, w32, w33, w34, w35, w36, w37, w38, w39, k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19, s20, s21, s22, s23, s24, s25, s26, s27, s28, s29, s30, s31, s32, s33, s34, s35, s36, s37, s38, s39, t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20, t21, t22, t23, t24, t25, t26, t27, t28, t29, t30, t31, t32, t33, t34, t35, t36, t37, t38, t39)
SELECT mpp_id, date_trunc('month', local_day)::date, service_id, min(tenant_id::text)::uuid, sum(issued), sum(issued_booked), sum(called), sum(recalled), sum(served), sum(no_show), sum(cancelled), sum(transferred), sum(wait_n), sum(wait_sum), max(wait_max), sum(walk_n), sum(walk_sum), sum(service_n), sum(service_sum), max(service_max), sum(total_n), sum(total_sum), sum(w0), sum(w1), sum(w2), sum(w3), sum(w4), sum(w5), sum(w6), sum(w7), sum(w8), sum(w9), sum(w10), sum(w11), sum(w12), sum(w13), sum(w14), sum(w15), sum(w16), sum(w17), sum(w18), sum(w19), sum(w20), sum(w21), sum(w22), sum(w23), sum(w24), sum(w25), sum(w26), sum(w27), sum(w28), sum(w29), sum(w30), sum(w31), sum(w32), sum(w33), sum(w34), sum(w35), sum(w36), sum(w37), sum(w38), sum(w39), sum(k0), sum(k1), sum(k2), sum(k3), sum(k4), sum(k5), sum(k6), sum(k7), sum(k8), sum(k9), sum(k10), sum(s0), sum(s1), sum(s2), sum(s3), sum(s4), sum(s5), sum(s6), sum(s7), sum(s8), sum(s9), sum(s10), sum(s11), sum(s12), sum(s13), sum(s14), sum(s15), sum(s16), sum(s17), sum(s18), sum(s19), sum(s20), sum(s21), sum(s22), sum(s23), sum(s24), sum(s25), sum(s26), sum(s27), sum(s28), sum(s29), sum(s30), sum(s31), sum(s32), sum(s33), sum(s34), sum(s35), sum(s36), sum(s37), sum(s38), sum(s39), sum(t0), sum(t1), sum(t2), sum(t3), sum(t4), sum(t5), sum(t6), sum(t7), sum(t8), sum(t9), sum(t10), sum(t11), sum(t12), sum(t13), sum(t14), sum(t15), sum(t16), sum(t17), sum(t18), sum(t19), sum(t20), sum(t21), sum(t22), sum(t23), sum(t24), sum(t25), sum(t26), sum(t27), sum(t28), sum(t29), sum(t30), sum(t31), sum(t32), sum(t33), sum(t34), sum(t35), sum(t36), sum(t37), sum(t38), sum(t39)
  FROM ops_daily GROUP BY 1, 2, 3;

-- Existing service times per counter and officer, bucketed from the events (served after its serving).
WITH s AS (
  SELECT e.mpp_id, (date_trunc('hour', e.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AT TIME ZONE m.timezone)::date AS local_day,
         sv.tenant_id, coalesce(e.counter_id, '00000000-0000-0000-0000-000000000000') AS counter_id,
         CASE WHEN e.actor_type = 'user' THEN coalesce(e.actor_id, '') ELSE '' END AS officer_id,
         ops_bucket_long(round(extract(epoch FROM e.at - (SELECT p.at FROM ticket_events p WHERE p.mpp_id = e.mpp_id AND p.ticket_id = e.ticket_id AND p.id < e.id AND p.type = 'serving' ORDER BY p.id DESC LIMIT 1)))::int) AS b
    FROM ticket_events e JOIN mpps m ON m.id = e.mpp_id JOIN services sv ON sv.mpp_id = e.mpp_id AND sv.id = e.service_id
   WHERE e.type = 'served'),
b AS (SELECT mpp_id, local_day, tenant_id, counter_id, officer_id, count(*) FILTER (WHERE b = 0)::int AS s0, count(*) FILTER (WHERE b = 1)::int AS s1, count(*) FILTER (WHERE b = 2)::int AS s2, count(*) FILTER (WHERE b = 3)::int AS s3, count(*) FILTER (WHERE b = 4)::int AS s4, count(*) FILTER (WHERE b = 5)::int AS s5, count(*) FILTER (WHERE b = 6)::int AS s6, count(*) FILTER (WHERE b = 7)::int AS s7, count(*) FILTER (WHERE b = 8)::int AS s8, count(*) FILTER (WHERE b = 9)::int AS s9, count(*) FILTER (WHERE b = 10)::int AS s10, count(*) FILTER (WHERE b = 11)::int AS s11, count(*) FILTER (WHERE b = 12)::int AS s12, count(*) FILTER (WHERE b = 13)::int AS s13, count(*) FILTER (WHERE b = 14)::int AS s14, count(*) FILTER (WHERE b = 15)::int AS s15, count(*) FILTER (WHERE b = 16)::int AS s16, count(*) FILTER (WHERE b = 17)::int AS s17, count(*) FILTER (WHERE b = 18)::int AS s18, count(*) FILTER (WHERE b = 19)::int AS s19, count(*) FILTER (WHERE b = 20)::int AS s20, count(*) FILTER (WHERE b = 21)::int AS s21, count(*) FILTER (WHERE b = 22)::int AS s22, count(*) FILTER (WHERE b = 23)::int AS s23, count(*) FILTER (WHERE b = 24)::int AS s24, count(*) FILTER (WHERE b = 25)::int AS s25, count(*) FILTER (WHERE b = 26)::int AS s26, count(*) FILTER (WHERE b = 27)::int AS s27, count(*) FILTER (WHERE b = 28)::int AS s28, count(*) FILTER (WHERE b = 29)::int AS s29, count(*) FILTER (WHERE b = 30)::int AS s30, count(*) FILTER (WHERE b = 31)::int AS s31, count(*) FILTER (WHERE b = 32)::int AS s32, count(*) FILTER (WHERE b = 33)::int AS s33, count(*) FILTER (WHERE b = 34)::int AS s34, count(*) FILTER (WHERE b = 35)::int AS s35, count(*) FILTER (WHERE b = 36)::int AS s36, count(*) FILTER (WHERE b = 37)::int AS s37, count(*) FILTER (WHERE b = 38)::int AS s38, count(*) FILTER (WHERE b = 39)::int AS s39
        FROM s WHERE b IS NOT NULL GROUP BY 1, 2, 3, 4, 5)
UPDATE ops_daily_staff d SET s0 = b.s0, s1 = b.s1, s2 = b.s2, s3 = b.s3, s4 = b.s4, s5 = b.s5, s6 = b.s6, s7 = b.s7, s8 = b.s8, s9 = b.s9, s10 = b.s10, s11 = b.s11, s12 = b.s12, s13 = b.s13, s14 = b.s14, s15 = b.s15, s16 = b.s16, s17 = b.s17, s18 = b.s18, s19 = b.s19, s20 = b.s20, s21 = b.s21, s22 = b.s22, s23 = b.s23, s24 = b.s24, s25 = b.s25, s26 = b.s26, s27 = b.s27, s28 = b.s28, s29 = b.s29, s30 = b.s30, s31 = b.s31, s32 = b.s32, s33 = b.s33, s34 = b.s34, s35 = b.s35, s36 = b.s36, s37 = b.s37, s38 = b.s38, s39 = b.s39
  FROM b WHERE d.mpp_id = b.mpp_id AND d.local_day = b.local_day AND d.tenant_id = b.tenant_id AND d.counter_id = b.counter_id AND d.officer_id = b.officer_id;
