-- Operations, second step: percentiles from fixed-bucket histograms kept as plain integer columns in a
-- daily table per service, because summing per-row arrays (0700) cost about a second per MPP-month.
-- ops_hourly keeps counts and sums per hour, service, counter and officer (its arrays are dropped);
-- ops_daily keeps counts, sums and histogram buckets per MPP-local day and service: about 30 x 159 rows
-- per MPP-month, summed column by column in milliseconds.
--
-- Buckets (minutes, lower bounds): wait, service and total w0..w39 / s0..s39 / t0..t39 = one per minute
-- 0..29, then 30, 35, 40, 45, 50, 60, 75, 90, 120, 180+; walk k0..k10 = one per minute 0..9, then 10+.

ALTER TABLE ops_hourly DROP COLUMN wait_hist, DROP COLUMN walk_hist, DROP COLUMN service_hist, DROP COLUMN total_hist;

CREATE TABLE ops_daily (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  local_day date NOT NULL,
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
  PRIMARY KEY (mpp_id, local_day, service_id)
);

DROP AGGREGATE ops_hist_sum(integer[]);
DROP FUNCTION ops_hist_sum_step(integer[], integer[]);
DROP FUNCTION ops_hist_add(integer[], integer);

-- The bucket (0-based) of a wait, service or total time.
CREATE FUNCTION ops_bucket_long(seconds integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN m < 30 THEN m WHEN m >= 180 THEN 39 WHEN m >= 120 THEN 38 WHEN m >= 90 THEN 37 WHEN m >= 75 THEN 36
              WHEN m >= 60 THEN 35 WHEN m >= 50 THEN 34 WHEN m >= 45 THEN 33 WHEN m >= 40 THEN 32 WHEN m >= 35 THEN 31 ELSE 30 END
    FROM (SELECT greatest(seconds, 0) / 60 AS m) x
$$;
-- The bucket (0-based) of a walk from the call to the counter.
CREATE FUNCTION ops_bucket_walk(seconds integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT least(greatest(seconds, 0) / 60, 10)
$$;

-- Adds one ticket event to both aggregates (see 0700 for how durations are measured).
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
END;
$$;

-- Rebuild now works in whole local days of the MPP, so the daily rows are always complete.
CREATE OR REPLACE FUNCTION ops_rebuild(p_mpp uuid, p_from timestamptz, p_to timestamptz) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  e ticket_events;
  n bigint := 0;
  tz text;
  d1 date;
  d2 date;
  f timestamptz;
  t timestamptz;
BEGIN
  SELECT timezone INTO tz FROM mpps WHERE id = p_mpp;
  d1 := (p_from AT TIME ZONE tz)::date;
  d2 := (p_to AT TIME ZONE tz)::date;
  f := CASE WHEN isfinite(d1) THEN d1::timestamp AT TIME ZONE tz ELSE '-infinity' END;
  t := CASE WHEN isfinite(d2) THEN (d2 + 1)::timestamp AT TIME ZONE tz ELSE 'infinity' END;
  DELETE FROM ops_hourly WHERE mpp_id = p_mpp AND hour >= f AND hour < t;
  DELETE FROM ops_daily WHERE mpp_id = p_mpp AND local_day >= d1 AND local_day <= d2;
  FOR e IN SELECT * FROM ticket_events WHERE mpp_id = p_mpp AND at >= f AND at < t ORDER BY id LOOP
    PERFORM ops_apply(e);
    n := n + 1;
  END LOOP;
  RETURN n;
END;
$$;

DO $$
DECLARE m uuid;
BEGIN
  FOR m IN SELECT DISTINCT mpp_id FROM ticket_events LOOP
    PERFORM ops_rebuild(m, '-infinity', 'infinity');
  END LOOP;
END;
$$;
