-- Operations, seventh step (issue 14): median and p90 by hour, and per counter and officer within one service.
-- Until now "by hour" (ops_daily_hour) and every grouping with one service chosen (ops_hourly) had counts
-- and means only. Both tables gain the wait (w0..w39), walk (k0..k10), service (s0..s39) and total
-- (t0..t39) buckets of ops_daily, bumped by ops_apply for the event that ends each duration, on the
-- event's hour, service, counter and officer (ops_hourly) and on its local hour and agency
-- (ops_daily_hour). The columns are nullable without a default: an hour row holds a few tickets, so
-- nearly all of its 131 buckets are empty, and an empty (NULL) one costs one bit of the row's null
-- bitmap, not four bytes (ops_hourly is the biggest aggregate table, ~66,000 rows per busy MPP-month).
-- ops_rebuild is unchanged: it deletes the days' rows and replays the events through ops_apply.

ALTER TABLE ops_hourly
  ADD COLUMN w0 integer,
  ADD COLUMN w1 integer,
  ADD COLUMN w2 integer,
  ADD COLUMN w3 integer,
  ADD COLUMN w4 integer,
  ADD COLUMN w5 integer,
  ADD COLUMN w6 integer,
  ADD COLUMN w7 integer,
  ADD COLUMN w8 integer,
  ADD COLUMN w9 integer,
  ADD COLUMN w10 integer,
  ADD COLUMN w11 integer,
  ADD COLUMN w12 integer,
  ADD COLUMN w13 integer,
  ADD COLUMN w14 integer,
  ADD COLUMN w15 integer,
  ADD COLUMN w16 integer,
  ADD COLUMN w17 integer,
  ADD COLUMN w18 integer,
  ADD COLUMN w19 integer,
  ADD COLUMN w20 integer,
  ADD COLUMN w21 integer,
  ADD COLUMN w22 integer,
  ADD COLUMN w23 integer,
  ADD COLUMN w24 integer,
  ADD COLUMN w25 integer,
  ADD COLUMN w26 integer,
  ADD COLUMN w27 integer,
  ADD COLUMN w28 integer,
  ADD COLUMN w29 integer,
  ADD COLUMN w30 integer,
  ADD COLUMN w31 integer,
  ADD COLUMN w32 integer,
  ADD COLUMN w33 integer,
  ADD COLUMN w34 integer,
  ADD COLUMN w35 integer,
  ADD COLUMN w36 integer,
  ADD COLUMN w37 integer,
  ADD COLUMN w38 integer,
  ADD COLUMN w39 integer,
  ADD COLUMN k0 integer,
  ADD COLUMN k1 integer,
  ADD COLUMN k2 integer,
  ADD COLUMN k3 integer,
  ADD COLUMN k4 integer,
  ADD COLUMN k5 integer,
  ADD COLUMN k6 integer,
  ADD COLUMN k7 integer,
  ADD COLUMN k8 integer,
  ADD COLUMN k9 integer,
  ADD COLUMN k10 integer,
  ADD COLUMN s0 integer,
  ADD COLUMN s1 integer,
  ADD COLUMN s2 integer,
  ADD COLUMN s3 integer,
  ADD COLUMN s4 integer,
  ADD COLUMN s5 integer,
  ADD COLUMN s6 integer,
  ADD COLUMN s7 integer,
  ADD COLUMN s8 integer,
  ADD COLUMN s9 integer,
  ADD COLUMN s10 integer,
  ADD COLUMN s11 integer,
  ADD COLUMN s12 integer,
  ADD COLUMN s13 integer,
  ADD COLUMN s14 integer,
  ADD COLUMN s15 integer,
  ADD COLUMN s16 integer,
  ADD COLUMN s17 integer,
  ADD COLUMN s18 integer,
  ADD COLUMN s19 integer,
  ADD COLUMN s20 integer,
  ADD COLUMN s21 integer,
  ADD COLUMN s22 integer,
  ADD COLUMN s23 integer,
  ADD COLUMN s24 integer,
  ADD COLUMN s25 integer,
  ADD COLUMN s26 integer,
  ADD COLUMN s27 integer,
  ADD COLUMN s28 integer,
  ADD COLUMN s29 integer,
  ADD COLUMN s30 integer,
  ADD COLUMN s31 integer,
  ADD COLUMN s32 integer,
  ADD COLUMN s33 integer,
  ADD COLUMN s34 integer,
  ADD COLUMN s35 integer,
  ADD COLUMN s36 integer,
  ADD COLUMN s37 integer,
  ADD COLUMN s38 integer,
  ADD COLUMN s39 integer,
  ADD COLUMN t0 integer,
  ADD COLUMN t1 integer,
  ADD COLUMN t2 integer,
  ADD COLUMN t3 integer,
  ADD COLUMN t4 integer,
  ADD COLUMN t5 integer,
  ADD COLUMN t6 integer,
  ADD COLUMN t7 integer,
  ADD COLUMN t8 integer,
  ADD COLUMN t9 integer,
  ADD COLUMN t10 integer,
  ADD COLUMN t11 integer,
  ADD COLUMN t12 integer,
  ADD COLUMN t13 integer,
  ADD COLUMN t14 integer,
  ADD COLUMN t15 integer,
  ADD COLUMN t16 integer,
  ADD COLUMN t17 integer,
  ADD COLUMN t18 integer,
  ADD COLUMN t19 integer,
  ADD COLUMN t20 integer,
  ADD COLUMN t21 integer,
  ADD COLUMN t22 integer,
  ADD COLUMN t23 integer,
  ADD COLUMN t24 integer,
  ADD COLUMN t25 integer,
  ADD COLUMN t26 integer,
  ADD COLUMN t27 integer,
  ADD COLUMN t28 integer,
  ADD COLUMN t29 integer,
  ADD COLUMN t30 integer,
  ADD COLUMN t31 integer,
  ADD COLUMN t32 integer,
  ADD COLUMN t33 integer,
  ADD COLUMN t34 integer,
  ADD COLUMN t35 integer,
  ADD COLUMN t36 integer,
  ADD COLUMN t37 integer,
  ADD COLUMN t38 integer,
  ADD COLUMN t39 integer;

ALTER TABLE ops_daily_hour
  ADD COLUMN w0 integer,
  ADD COLUMN w1 integer,
  ADD COLUMN w2 integer,
  ADD COLUMN w3 integer,
  ADD COLUMN w4 integer,
  ADD COLUMN w5 integer,
  ADD COLUMN w6 integer,
  ADD COLUMN w7 integer,
  ADD COLUMN w8 integer,
  ADD COLUMN w9 integer,
  ADD COLUMN w10 integer,
  ADD COLUMN w11 integer,
  ADD COLUMN w12 integer,
  ADD COLUMN w13 integer,
  ADD COLUMN w14 integer,
  ADD COLUMN w15 integer,
  ADD COLUMN w16 integer,
  ADD COLUMN w17 integer,
  ADD COLUMN w18 integer,
  ADD COLUMN w19 integer,
  ADD COLUMN w20 integer,
  ADD COLUMN w21 integer,
  ADD COLUMN w22 integer,
  ADD COLUMN w23 integer,
  ADD COLUMN w24 integer,
  ADD COLUMN w25 integer,
  ADD COLUMN w26 integer,
  ADD COLUMN w27 integer,
  ADD COLUMN w28 integer,
  ADD COLUMN w29 integer,
  ADD COLUMN w30 integer,
  ADD COLUMN w31 integer,
  ADD COLUMN w32 integer,
  ADD COLUMN w33 integer,
  ADD COLUMN w34 integer,
  ADD COLUMN w35 integer,
  ADD COLUMN w36 integer,
  ADD COLUMN w37 integer,
  ADD COLUMN w38 integer,
  ADD COLUMN w39 integer,
  ADD COLUMN k0 integer,
  ADD COLUMN k1 integer,
  ADD COLUMN k2 integer,
  ADD COLUMN k3 integer,
  ADD COLUMN k4 integer,
  ADD COLUMN k5 integer,
  ADD COLUMN k6 integer,
  ADD COLUMN k7 integer,
  ADD COLUMN k8 integer,
  ADD COLUMN k9 integer,
  ADD COLUMN k10 integer,
  ADD COLUMN s0 integer,
  ADD COLUMN s1 integer,
  ADD COLUMN s2 integer,
  ADD COLUMN s3 integer,
  ADD COLUMN s4 integer,
  ADD COLUMN s5 integer,
  ADD COLUMN s6 integer,
  ADD COLUMN s7 integer,
  ADD COLUMN s8 integer,
  ADD COLUMN s9 integer,
  ADD COLUMN s10 integer,
  ADD COLUMN s11 integer,
  ADD COLUMN s12 integer,
  ADD COLUMN s13 integer,
  ADD COLUMN s14 integer,
  ADD COLUMN s15 integer,
  ADD COLUMN s16 integer,
  ADD COLUMN s17 integer,
  ADD COLUMN s18 integer,
  ADD COLUMN s19 integer,
  ADD COLUMN s20 integer,
  ADD COLUMN s21 integer,
  ADD COLUMN s22 integer,
  ADD COLUMN s23 integer,
  ADD COLUMN s24 integer,
  ADD COLUMN s25 integer,
  ADD COLUMN s26 integer,
  ADD COLUMN s27 integer,
  ADD COLUMN s28 integer,
  ADD COLUMN s29 integer,
  ADD COLUMN s30 integer,
  ADD COLUMN s31 integer,
  ADD COLUMN s32 integer,
  ADD COLUMN s33 integer,
  ADD COLUMN s34 integer,
  ADD COLUMN s35 integer,
  ADD COLUMN s36 integer,
  ADD COLUMN s37 integer,
  ADD COLUMN s38 integer,
  ADD COLUMN s39 integer,
  ADD COLUMN t0 integer,
  ADD COLUMN t1 integer,
  ADD COLUMN t2 integer,
  ADD COLUMN t3 integer,
  ADD COLUMN t4 integer,
  ADD COLUMN t5 integer,
  ADD COLUMN t6 integer,
  ADD COLUMN t7 integer,
  ADD COLUMN t8 integer,
  ADD COLUMN t9 integer,
  ADD COLUMN t10 integer,
  ADD COLUMN t11 integer,
  ADD COLUMN t12 integer,
  ADD COLUMN t13 integer,
  ADD COLUMN t14 integer,
  ADD COLUMN t15 integer,
  ADD COLUMN t16 integer,
  ADD COLUMN t17 integer,
  ADD COLUMN t18 integer,
  ADD COLUMN t19 integer,
  ADD COLUMN t20 integer,
  ADD COLUMN t21 integer,
  ADD COLUMN t22 integer,
  ADD COLUMN t23 integer,
  ADD COLUMN t24 integer,
  ADD COLUMN t25 integer,
  ADD COLUMN t26 integer,
  ADD COLUMN t27 integer,
  ADD COLUMN t28 integer,
  ADD COLUMN t29 integer,
  ADD COLUMN t30 integer,
  ADD COLUMN t31 integer,
  ADD COLUMN t32 integer,
  ADD COLUMN t33 integer,
  ADD COLUMN t34 integer,
  ADD COLUMN t35 integer,
  ADD COLUMN t36 integer,
  ADD COLUMN t37 integer,
  ADD COLUMN t38 integer,
  ADD COLUMN t39 integer;

-- The rollup trigger fires only when a count or sum of ops_hourly changes, not for a bucket-only update
-- (it would add zero differences to two rollups for nothing).
DROP TRIGGER ops_hourly_rollups ON ops_hourly;
CREATE TRIGGER ops_hourly_rollups AFTER INSERT OR UPDATE OF issued, issued_booked, called, recalled, served, no_show, cancelled, transferred,
    wait_n, wait_sum, wait_max, walk_n, walk_sum, service_n, service_sum, service_max, total_n, total_sum
  ON ops_hourly FOR EACH ROW EXECUTE FUNCTION ops_rollup_trigger();

-- ops_apply restated whole from 0720 (CREATE OR REPLACE has no patch form); changed: v_nbuckets, v_tz and
-- the two updates at its end.
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
  v_nbuckets text := '';
  v_tz text;
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
  -- ops_hourly and ops_daily_hour keep their buckets NULL until used (0740): mostly empty, they cost a null bitmap.
  IF v_wait IS NOT NULL THEN v_nbuckets := v_nbuckets || format(', %1$I = coalesce(d.%1$I, 0) + 1', 'w' || ops_bucket_long(v_wait)); END IF;
  IF v_walk IS NOT NULL THEN v_nbuckets := v_nbuckets || format(', %1$I = coalesce(d.%1$I, 0) + 1', 'k' || ops_bucket_walk(v_walk)); END IF;
  IF v_service_s IS NOT NULL THEN v_nbuckets := v_nbuckets || format(', %1$I = coalesce(d.%1$I, 0) + 1', 's' || ops_bucket_long(v_service_s)); END IF;
  IF v_total IS NOT NULL THEN v_nbuckets := v_nbuckets || format(', %1$I = coalesce(d.%1$I, 0) + 1', 't' || ops_bucket_long(v_total)); END IF;

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

  -- 0740: the same buckets on the event's hour row (one service's counters, officers and hours) and on
  -- its local hour's row per agency ("by hour"). Both rows exist: the ops_hourly write above made them
  -- (ops_daily_hour through ops_rollup_trigger, which a bucket-only update does not fire).
  IF v_nbuckets <> '' THEN
    SELECT timezone INTO v_tz FROM mpps WHERE id = e.mpp_id;
    EXECUTE 'UPDATE ops_hourly d SET ' || substr(v_nbuckets, 3) || ' WHERE d.mpp_id = $1 AND d.hour = $2 AND d.service_id = $3 AND d.counter_id = $4 AND d.officer_id = $5'
      USING e.mpp_id, v_hour, v_service, v_counter, v_officer;
    EXECUTE 'UPDATE ops_daily_hour d SET ' || substr(v_nbuckets, 3) || ' WHERE d.mpp_id = $1 AND d.local_day = $2 AND d.local_hour = $3 AND d.tenant_id = $4'
      USING e.mpp_id, (v_hour AT TIME ZONE v_tz)::date, extract(hour FROM v_hour AT TIME ZONE v_tz)::smallint, v_tenant;
  END IF;
END;
$$;


-- Existing events: each duration bucketed as ops_apply does (wait at the call, walk at the start, service
-- and total at the finish), on the hour row and on the local hour's agency row.
CREATE TEMP TABLE ops_0740_events ON COMMIT DROP AS
SELECT e.mpp_id, date_trunc('hour', e.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour, m.timezone AS tz, e.service_id, sv.tenant_id,
       coalesce(e.counter_id, '00000000-0000-0000-0000-000000000000') AS counter_id,
       CASE WHEN e.actor_type = 'user' THEN coalesce(e.actor_id, '') ELSE '' END AS officer_id,
       CASE WHEN e.type = 'called' THEN ops_bucket_long(round(extract(epoch FROM e.at - (SELECT p.at FROM ticket_events p WHERE p.mpp_id = e.mpp_id AND p.ticket_id = e.ticket_id AND p.id < e.id AND p.type IN ('issued', 'transferred') ORDER BY p.id DESC LIMIT 1)))::int) END AS wb,
       CASE WHEN e.type = 'serving' THEN ops_bucket_walk(round(extract(epoch FROM e.at - (SELECT p.at FROM ticket_events p WHERE p.mpp_id = e.mpp_id AND p.ticket_id = e.ticket_id AND p.id < e.id AND p.type = 'called' ORDER BY p.id DESC LIMIT 1)))::int) END AS kb,
       CASE WHEN e.type = 'served' THEN ops_bucket_long(round(extract(epoch FROM e.at - (SELECT p.at FROM ticket_events p WHERE p.mpp_id = e.mpp_id AND p.ticket_id = e.ticket_id AND p.id < e.id AND p.type = 'serving' ORDER BY p.id DESC LIMIT 1)))::int) END AS sb,
       CASE WHEN e.type = 'served' THEN ops_bucket_long(round(extract(epoch FROM e.at - (SELECT p.at FROM ticket_events p WHERE p.mpp_id = e.mpp_id AND p.ticket_id = e.ticket_id AND p.id < e.id AND p.type = 'issued' ORDER BY p.id LIMIT 1)))::int) END AS tb
  FROM ticket_events e JOIN mpps m ON m.id = e.mpp_id JOIN services sv ON sv.mpp_id = e.mpp_id AND sv.id = e.service_id
 WHERE e.type IN ('called', 'serving', 'served');

WITH b AS (SELECT mpp_id, hour, service_id, counter_id, officer_id, nullif(count(*) FILTER (WHERE wb = 0), 0)::int AS w0, nullif(count(*) FILTER (WHERE wb = 1), 0)::int AS w1, nullif(count(*) FILTER (WHERE wb = 2), 0)::int AS w2, nullif(count(*) FILTER (WHERE wb = 3), 0)::int AS w3, nullif(count(*) FILTER (WHERE wb = 4), 0)::int AS w4, nullif(count(*) FILTER (WHERE wb = 5), 0)::int AS w5, nullif(count(*) FILTER (WHERE wb = 6), 0)::int AS w6, nullif(count(*) FILTER (WHERE wb = 7), 0)::int AS w7, nullif(count(*) FILTER (WHERE wb = 8), 0)::int AS w8, nullif(count(*) FILTER (WHERE wb = 9), 0)::int AS w9, nullif(count(*) FILTER (WHERE wb = 10), 0)::int AS w10, nullif(count(*) FILTER (WHERE wb = 11), 0)::int AS w11, nullif(count(*) FILTER (WHERE wb = 12), 0)::int AS w12, nullif(count(*) FILTER (WHERE wb = 13), 0)::int AS w13, nullif(count(*) FILTER (WHERE wb = 14), 0)::int AS w14, nullif(count(*) FILTER (WHERE wb = 15), 0)::int AS w15, nullif(count(*) FILTER (WHERE wb = 16), 0)::int AS w16, nullif(count(*) FILTER (WHERE wb = 17), 0)::int AS w17, nullif(count(*) FILTER (WHERE wb = 18), 0)::int AS w18, nullif(count(*) FILTER (WHERE wb = 19), 0)::int AS w19, nullif(count(*) FILTER (WHERE wb = 20), 0)::int AS w20, nullif(count(*) FILTER (WHERE wb = 21), 0)::int AS w21, nullif(count(*) FILTER (WHERE wb = 22), 0)::int AS w22, nullif(count(*) FILTER (WHERE wb = 23), 0)::int AS w23, nullif(count(*) FILTER (WHERE wb = 24), 0)::int AS w24, nullif(count(*) FILTER (WHERE wb = 25), 0)::int AS w25, nullif(count(*) FILTER (WHERE wb = 26), 0)::int AS w26, nullif(count(*) FILTER (WHERE wb = 27), 0)::int AS w27, nullif(count(*) FILTER (WHERE wb = 28), 0)::int AS w28, nullif(count(*) FILTER (WHERE wb = 29), 0)::int AS w29, nullif(count(*) FILTER (WHERE wb = 30), 0)::int AS w30, nullif(count(*) FILTER (WHERE wb = 31), 0)::int AS w31, nullif(count(*) FILTER (WHERE wb = 32), 0)::int AS w32, nullif(count(*) FILTER (WHERE wb = 33), 0)::int AS w33, nullif(count(*) FILTER (WHERE wb = 34), 0)::int AS w34, nullif(count(*) FILTER (WHERE wb = 35), 0)::int AS w35, nullif(count(*) FILTER (WHERE wb = 36), 0)::int AS w36, nullif(count(*) FILTER (WHERE wb = 37), 0)::int AS w37, nullif(count(*) FILTER (WHERE wb = 38), 0)::int AS w38, nullif(count(*) FILTER (WHERE wb = 39), 0)::int AS w39, nullif(count(*) FILTER (WHERE kb = 0), 0)::int AS k0, nullif(count(*) FILTER (WHERE kb = 1), 0)::int AS k1, nullif(count(*) FILTER (WHERE kb = 2), 0)::int AS k2, nullif(count(*) FILTER (WHERE kb = 3), 0)::int AS k3, nullif(count(*) FILTER (WHERE kb = 4), 0)::int AS k4, nullif(count(*) FILTER (WHERE kb = 5), 0)::int AS k5, nullif(count(*) FILTER (WHERE kb = 6), 0)::int AS k6, nullif(count(*) FILTER (WHERE kb = 7), 0)::int AS k7, nullif(count(*) FILTER (WHERE kb = 8), 0)::int AS k8, nullif(count(*) FILTER (WHERE kb = 9), 0)::int AS k9, nullif(count(*) FILTER (WHERE kb = 10), 0)::int AS k10, nullif(count(*) FILTER (WHERE sb = 0), 0)::int AS s0, nullif(count(*) FILTER (WHERE sb = 1), 0)::int AS s1, nullif(count(*) FILTER (WHERE sb = 2), 0)::int AS s2, nullif(count(*) FILTER (WHERE sb = 3), 0)::int AS s3, nullif(count(*) FILTER (WHERE sb = 4), 0)::int AS s4, nullif(count(*) FILTER (WHERE sb = 5), 0)::int AS s5, nullif(count(*) FILTER (WHERE sb = 6), 0)::int AS s6, nullif(count(*) FILTER (WHERE sb = 7), 0)::int AS s7, nullif(count(*) FILTER (WHERE sb = 8), 0)::int AS s8, nullif(count(*) FILTER (WHERE sb = 9), 0)::int AS s9, nullif(count(*) FILTER (WHERE sb = 10), 0)::int AS s10, nullif(count(*) FILTER (WHERE sb = 11), 0)::int AS s11, nullif(count(*) FILTER (WHERE sb = 12), 0)::int AS s12, nullif(count(*) FILTER (WHERE sb = 13), 0)::int AS s13, nullif(count(*) FILTER (WHERE sb = 14), 0)::int AS s14, nullif(count(*) FILTER (WHERE sb = 15), 0)::int AS s15, nullif(count(*) FILTER (WHERE sb = 16), 0)::int AS s16, nullif(count(*) FILTER (WHERE sb = 17), 0)::int AS s17, nullif(count(*) FILTER (WHERE sb = 18), 0)::int AS s18, nullif(count(*) FILTER (WHERE sb = 19), 0)::int AS s19, nullif(count(*) FILTER (WHERE sb = 20), 0)::int AS s20, nullif(count(*) FILTER (WHERE sb = 21), 0)::int AS s21, nullif(count(*) FILTER (WHERE sb = 22), 0)::int AS s22, nullif(count(*) FILTER (WHERE sb = 23), 0)::int AS s23, nullif(count(*) FILTER (WHERE sb = 24), 0)::int AS s24, nullif(count(*) FILTER (WHERE sb = 25), 0)::int AS s25, nullif(count(*) FILTER (WHERE sb = 26), 0)::int AS s26, nullif(count(*) FILTER (WHERE sb = 27), 0)::int AS s27, nullif(count(*) FILTER (WHERE sb = 28), 0)::int AS s28, nullif(count(*) FILTER (WHERE sb = 29), 0)::int AS s29, nullif(count(*) FILTER (WHERE sb = 30), 0)::int AS s30, nullif(count(*) FILTER (WHERE sb = 31), 0)::int AS s31, nullif(count(*) FILTER (WHERE sb = 32), 0)::int AS s32, nullif(count(*) FILTER (WHERE sb = 33), 0)::int AS s33, nullif(count(*) FILTER (WHERE sb = 34), 0)::int AS s34, nullif(count(*) FILTER (WHERE sb = 35), 0)::int AS s35, nullif(count(*) FILTER (WHERE sb = 36), 0)::int AS s36, nullif(count(*) FILTER (WHERE sb = 37), 0)::int AS s37, nullif(count(*) FILTER (WHERE sb = 38), 0)::int AS s38, nullif(count(*) FILTER (WHERE sb = 39), 0)::int AS s39, nullif(count(*) FILTER (WHERE tb = 0), 0)::int AS t0, nullif(count(*) FILTER (WHERE tb = 1), 0)::int AS t1, nullif(count(*) FILTER (WHERE tb = 2), 0)::int AS t2, nullif(count(*) FILTER (WHERE tb = 3), 0)::int AS t3, nullif(count(*) FILTER (WHERE tb = 4), 0)::int AS t4, nullif(count(*) FILTER (WHERE tb = 5), 0)::int AS t5, nullif(count(*) FILTER (WHERE tb = 6), 0)::int AS t6, nullif(count(*) FILTER (WHERE tb = 7), 0)::int AS t7, nullif(count(*) FILTER (WHERE tb = 8), 0)::int AS t8, nullif(count(*) FILTER (WHERE tb = 9), 0)::int AS t9, nullif(count(*) FILTER (WHERE tb = 10), 0)::int AS t10, nullif(count(*) FILTER (WHERE tb = 11), 0)::int AS t11, nullif(count(*) FILTER (WHERE tb = 12), 0)::int AS t12, nullif(count(*) FILTER (WHERE tb = 13), 0)::int AS t13, nullif(count(*) FILTER (WHERE tb = 14), 0)::int AS t14, nullif(count(*) FILTER (WHERE tb = 15), 0)::int AS t15, nullif(count(*) FILTER (WHERE tb = 16), 0)::int AS t16, nullif(count(*) FILTER (WHERE tb = 17), 0)::int AS t17, nullif(count(*) FILTER (WHERE tb = 18), 0)::int AS t18, nullif(count(*) FILTER (WHERE tb = 19), 0)::int AS t19, nullif(count(*) FILTER (WHERE tb = 20), 0)::int AS t20, nullif(count(*) FILTER (WHERE tb = 21), 0)::int AS t21, nullif(count(*) FILTER (WHERE tb = 22), 0)::int AS t22, nullif(count(*) FILTER (WHERE tb = 23), 0)::int AS t23, nullif(count(*) FILTER (WHERE tb = 24), 0)::int AS t24, nullif(count(*) FILTER (WHERE tb = 25), 0)::int AS t25, nullif(count(*) FILTER (WHERE tb = 26), 0)::int AS t26, nullif(count(*) FILTER (WHERE tb = 27), 0)::int AS t27, nullif(count(*) FILTER (WHERE tb = 28), 0)::int AS t28, nullif(count(*) FILTER (WHERE tb = 29), 0)::int AS t29, nullif(count(*) FILTER (WHERE tb = 30), 0)::int AS t30, nullif(count(*) FILTER (WHERE tb = 31), 0)::int AS t31, nullif(count(*) FILTER (WHERE tb = 32), 0)::int AS t32, nullif(count(*) FILTER (WHERE tb = 33), 0)::int AS t33, nullif(count(*) FILTER (WHERE tb = 34), 0)::int AS t34, nullif(count(*) FILTER (WHERE tb = 35), 0)::int AS t35, nullif(count(*) FILTER (WHERE tb = 36), 0)::int AS t36, nullif(count(*) FILTER (WHERE tb = 37), 0)::int AS t37, nullif(count(*) FILTER (WHERE tb = 38), 0)::int AS t38, nullif(count(*) FILTER (WHERE tb = 39), 0)::int AS t39
             FROM ops_0740_events GROUP BY 1, 2, 3, 4, 5)
UPDATE ops_hourly d SET w0 = b.w0, w1 = b.w1, w2 = b.w2, w3 = b.w3, w4 = b.w4, w5 = b.w5, w6 = b.w6, w7 = b.w7, w8 = b.w8, w9 = b.w9, w10 = b.w10, w11 = b.w11, w12 = b.w12, w13 = b.w13, w14 = b.w14, w15 = b.w15, w16 = b.w16, w17 = b.w17, w18 = b.w18, w19 = b.w19, w20 = b.w20, w21 = b.w21, w22 = b.w22, w23 = b.w23, w24 = b.w24, w25 = b.w25, w26 = b.w26, w27 = b.w27, w28 = b.w28, w29 = b.w29, w30 = b.w30, w31 = b.w31, w32 = b.w32, w33 = b.w33, w34 = b.w34, w35 = b.w35, w36 = b.w36, w37 = b.w37, w38 = b.w38, w39 = b.w39, k0 = b.k0, k1 = b.k1, k2 = b.k2, k3 = b.k3, k4 = b.k4, k5 = b.k5, k6 = b.k6, k7 = b.k7, k8 = b.k8, k9 = b.k9, k10 = b.k10, s0 = b.s0, s1 = b.s1, s2 = b.s2, s3 = b.s3, s4 = b.s4, s5 = b.s5, s6 = b.s6, s7 = b.s7, s8 = b.s8, s9 = b.s9, s10 = b.s10, s11 = b.s11, s12 = b.s12, s13 = b.s13, s14 = b.s14, s15 = b.s15, s16 = b.s16, s17 = b.s17, s18 = b.s18, s19 = b.s19, s20 = b.s20, s21 = b.s21, s22 = b.s22, s23 = b.s23, s24 = b.s24, s25 = b.s25, s26 = b.s26, s27 = b.s27, s28 = b.s28, s29 = b.s29, s30 = b.s30, s31 = b.s31, s32 = b.s32, s33 = b.s33, s34 = b.s34, s35 = b.s35, s36 = b.s36, s37 = b.s37, s38 = b.s38, s39 = b.s39, t0 = b.t0, t1 = b.t1, t2 = b.t2, t3 = b.t3, t4 = b.t4, t5 = b.t5, t6 = b.t6, t7 = b.t7, t8 = b.t8, t9 = b.t9, t10 = b.t10, t11 = b.t11, t12 = b.t12, t13 = b.t13, t14 = b.t14, t15 = b.t15, t16 = b.t16, t17 = b.t17, t18 = b.t18, t19 = b.t19, t20 = b.t20, t21 = b.t21, t22 = b.t22, t23 = b.t23, t24 = b.t24, t25 = b.t25, t26 = b.t26, t27 = b.t27, t28 = b.t28, t29 = b.t29, t30 = b.t30, t31 = b.t31, t32 = b.t32, t33 = b.t33, t34 = b.t34, t35 = b.t35, t36 = b.t36, t37 = b.t37, t38 = b.t38, t39 = b.t39
  FROM b WHERE d.mpp_id = b.mpp_id AND d.hour = b.hour AND d.service_id = b.service_id AND d.counter_id = b.counter_id AND d.officer_id = b.officer_id;

WITH b AS (SELECT mpp_id, (hour AT TIME ZONE tz)::date AS local_day, extract(hour FROM hour AT TIME ZONE tz)::smallint AS local_hour, tenant_id, nullif(count(*) FILTER (WHERE wb = 0), 0)::int AS w0, nullif(count(*) FILTER (WHERE wb = 1), 0)::int AS w1, nullif(count(*) FILTER (WHERE wb = 2), 0)::int AS w2, nullif(count(*) FILTER (WHERE wb = 3), 0)::int AS w3, nullif(count(*) FILTER (WHERE wb = 4), 0)::int AS w4, nullif(count(*) FILTER (WHERE wb = 5), 0)::int AS w5, nullif(count(*) FILTER (WHERE wb = 6), 0)::int AS w6, nullif(count(*) FILTER (WHERE wb = 7), 0)::int AS w7, nullif(count(*) FILTER (WHERE wb = 8), 0)::int AS w8, nullif(count(*) FILTER (WHERE wb = 9), 0)::int AS w9, nullif(count(*) FILTER (WHERE wb = 10), 0)::int AS w10, nullif(count(*) FILTER (WHERE wb = 11), 0)::int AS w11, nullif(count(*) FILTER (WHERE wb = 12), 0)::int AS w12, nullif(count(*) FILTER (WHERE wb = 13), 0)::int AS w13, nullif(count(*) FILTER (WHERE wb = 14), 0)::int AS w14, nullif(count(*) FILTER (WHERE wb = 15), 0)::int AS w15, nullif(count(*) FILTER (WHERE wb = 16), 0)::int AS w16, nullif(count(*) FILTER (WHERE wb = 17), 0)::int AS w17, nullif(count(*) FILTER (WHERE wb = 18), 0)::int AS w18, nullif(count(*) FILTER (WHERE wb = 19), 0)::int AS w19, nullif(count(*) FILTER (WHERE wb = 20), 0)::int AS w20, nullif(count(*) FILTER (WHERE wb = 21), 0)::int AS w21, nullif(count(*) FILTER (WHERE wb = 22), 0)::int AS w22, nullif(count(*) FILTER (WHERE wb = 23), 0)::int AS w23, nullif(count(*) FILTER (WHERE wb = 24), 0)::int AS w24, nullif(count(*) FILTER (WHERE wb = 25), 0)::int AS w25, nullif(count(*) FILTER (WHERE wb = 26), 0)::int AS w26, nullif(count(*) FILTER (WHERE wb = 27), 0)::int AS w27, nullif(count(*) FILTER (WHERE wb = 28), 0)::int AS w28, nullif(count(*) FILTER (WHERE wb = 29), 0)::int AS w29, nullif(count(*) FILTER (WHERE wb = 30), 0)::int AS w30, nullif(count(*) FILTER (WHERE wb = 31), 0)::int AS w31, nullif(count(*) FILTER (WHERE wb = 32), 0)::int AS w32, nullif(count(*) FILTER (WHERE wb = 33), 0)::int AS w33, nullif(count(*) FILTER (WHERE wb = 34), 0)::int AS w34, nullif(count(*) FILTER (WHERE wb = 35), 0)::int AS w35, nullif(count(*) FILTER (WHERE wb = 36), 0)::int AS w36, nullif(count(*) FILTER (WHERE wb = 37), 0)::int AS w37, nullif(count(*) FILTER (WHERE wb = 38), 0)::int AS w38, nullif(count(*) FILTER (WHERE wb = 39), 0)::int AS w39, nullif(count(*) FILTER (WHERE kb = 0), 0)::int AS k0, nullif(count(*) FILTER (WHERE kb = 1), 0)::int AS k1, nullif(count(*) FILTER (WHERE kb = 2), 0)::int AS k2, nullif(count(*) FILTER (WHERE kb = 3), 0)::int AS k3, nullif(count(*) FILTER (WHERE kb = 4), 0)::int AS k4, nullif(count(*) FILTER (WHERE kb = 5), 0)::int AS k5, nullif(count(*) FILTER (WHERE kb = 6), 0)::int AS k6, nullif(count(*) FILTER (WHERE kb = 7), 0)::int AS k7, nullif(count(*) FILTER (WHERE kb = 8), 0)::int AS k8, nullif(count(*) FILTER (WHERE kb = 9), 0)::int AS k9, nullif(count(*) FILTER (WHERE kb = 10), 0)::int AS k10, nullif(count(*) FILTER (WHERE sb = 0), 0)::int AS s0, nullif(count(*) FILTER (WHERE sb = 1), 0)::int AS s1, nullif(count(*) FILTER (WHERE sb = 2), 0)::int AS s2, nullif(count(*) FILTER (WHERE sb = 3), 0)::int AS s3, nullif(count(*) FILTER (WHERE sb = 4), 0)::int AS s4, nullif(count(*) FILTER (WHERE sb = 5), 0)::int AS s5, nullif(count(*) FILTER (WHERE sb = 6), 0)::int AS s6, nullif(count(*) FILTER (WHERE sb = 7), 0)::int AS s7, nullif(count(*) FILTER (WHERE sb = 8), 0)::int AS s8, nullif(count(*) FILTER (WHERE sb = 9), 0)::int AS s9, nullif(count(*) FILTER (WHERE sb = 10), 0)::int AS s10, nullif(count(*) FILTER (WHERE sb = 11), 0)::int AS s11, nullif(count(*) FILTER (WHERE sb = 12), 0)::int AS s12, nullif(count(*) FILTER (WHERE sb = 13), 0)::int AS s13, nullif(count(*) FILTER (WHERE sb = 14), 0)::int AS s14, nullif(count(*) FILTER (WHERE sb = 15), 0)::int AS s15, nullif(count(*) FILTER (WHERE sb = 16), 0)::int AS s16, nullif(count(*) FILTER (WHERE sb = 17), 0)::int AS s17, nullif(count(*) FILTER (WHERE sb = 18), 0)::int AS s18, nullif(count(*) FILTER (WHERE sb = 19), 0)::int AS s19, nullif(count(*) FILTER (WHERE sb = 20), 0)::int AS s20, nullif(count(*) FILTER (WHERE sb = 21), 0)::int AS s21, nullif(count(*) FILTER (WHERE sb = 22), 0)::int AS s22, nullif(count(*) FILTER (WHERE sb = 23), 0)::int AS s23, nullif(count(*) FILTER (WHERE sb = 24), 0)::int AS s24, nullif(count(*) FILTER (WHERE sb = 25), 0)::int AS s25, nullif(count(*) FILTER (WHERE sb = 26), 0)::int AS s26, nullif(count(*) FILTER (WHERE sb = 27), 0)::int AS s27, nullif(count(*) FILTER (WHERE sb = 28), 0)::int AS s28, nullif(count(*) FILTER (WHERE sb = 29), 0)::int AS s29, nullif(count(*) FILTER (WHERE sb = 30), 0)::int AS s30, nullif(count(*) FILTER (WHERE sb = 31), 0)::int AS s31, nullif(count(*) FILTER (WHERE sb = 32), 0)::int AS s32, nullif(count(*) FILTER (WHERE sb = 33), 0)::int AS s33, nullif(count(*) FILTER (WHERE sb = 34), 0)::int AS s34, nullif(count(*) FILTER (WHERE sb = 35), 0)::int AS s35, nullif(count(*) FILTER (WHERE sb = 36), 0)::int AS s36, nullif(count(*) FILTER (WHERE sb = 37), 0)::int AS s37, nullif(count(*) FILTER (WHERE sb = 38), 0)::int AS s38, nullif(count(*) FILTER (WHERE sb = 39), 0)::int AS s39, nullif(count(*) FILTER (WHERE tb = 0), 0)::int AS t0, nullif(count(*) FILTER (WHERE tb = 1), 0)::int AS t1, nullif(count(*) FILTER (WHERE tb = 2), 0)::int AS t2, nullif(count(*) FILTER (WHERE tb = 3), 0)::int AS t3, nullif(count(*) FILTER (WHERE tb = 4), 0)::int AS t4, nullif(count(*) FILTER (WHERE tb = 5), 0)::int AS t5, nullif(count(*) FILTER (WHERE tb = 6), 0)::int AS t6, nullif(count(*) FILTER (WHERE tb = 7), 0)::int AS t7, nullif(count(*) FILTER (WHERE tb = 8), 0)::int AS t8, nullif(count(*) FILTER (WHERE tb = 9), 0)::int AS t9, nullif(count(*) FILTER (WHERE tb = 10), 0)::int AS t10, nullif(count(*) FILTER (WHERE tb = 11), 0)::int AS t11, nullif(count(*) FILTER (WHERE tb = 12), 0)::int AS t12, nullif(count(*) FILTER (WHERE tb = 13), 0)::int AS t13, nullif(count(*) FILTER (WHERE tb = 14), 0)::int AS t14, nullif(count(*) FILTER (WHERE tb = 15), 0)::int AS t15, nullif(count(*) FILTER (WHERE tb = 16), 0)::int AS t16, nullif(count(*) FILTER (WHERE tb = 17), 0)::int AS t17, nullif(count(*) FILTER (WHERE tb = 18), 0)::int AS t18, nullif(count(*) FILTER (WHERE tb = 19), 0)::int AS t19, nullif(count(*) FILTER (WHERE tb = 20), 0)::int AS t20, nullif(count(*) FILTER (WHERE tb = 21), 0)::int AS t21, nullif(count(*) FILTER (WHERE tb = 22), 0)::int AS t22, nullif(count(*) FILTER (WHERE tb = 23), 0)::int AS t23, nullif(count(*) FILTER (WHERE tb = 24), 0)::int AS t24, nullif(count(*) FILTER (WHERE tb = 25), 0)::int AS t25, nullif(count(*) FILTER (WHERE tb = 26), 0)::int AS t26, nullif(count(*) FILTER (WHERE tb = 27), 0)::int AS t27, nullif(count(*) FILTER (WHERE tb = 28), 0)::int AS t28, nullif(count(*) FILTER (WHERE tb = 29), 0)::int AS t29, nullif(count(*) FILTER (WHERE tb = 30), 0)::int AS t30, nullif(count(*) FILTER (WHERE tb = 31), 0)::int AS t31, nullif(count(*) FILTER (WHERE tb = 32), 0)::int AS t32, nullif(count(*) FILTER (WHERE tb = 33), 0)::int AS t33, nullif(count(*) FILTER (WHERE tb = 34), 0)::int AS t34, nullif(count(*) FILTER (WHERE tb = 35), 0)::int AS t35, nullif(count(*) FILTER (WHERE tb = 36), 0)::int AS t36, nullif(count(*) FILTER (WHERE tb = 37), 0)::int AS t37, nullif(count(*) FILTER (WHERE tb = 38), 0)::int AS t38, nullif(count(*) FILTER (WHERE tb = 39), 0)::int AS t39
             FROM ops_0740_events GROUP BY 1, 2, 3, 4)
UPDATE ops_daily_hour d SET w0 = b.w0, w1 = b.w1, w2 = b.w2, w3 = b.w3, w4 = b.w4, w5 = b.w5, w6 = b.w6, w7 = b.w7, w8 = b.w8, w9 = b.w9, w10 = b.w10, w11 = b.w11, w12 = b.w12, w13 = b.w13, w14 = b.w14, w15 = b.w15, w16 = b.w16, w17 = b.w17, w18 = b.w18, w19 = b.w19, w20 = b.w20, w21 = b.w21, w22 = b.w22, w23 = b.w23, w24 = b.w24, w25 = b.w25, w26 = b.w26, w27 = b.w27, w28 = b.w28, w29 = b.w29, w30 = b.w30, w31 = b.w31, w32 = b.w32, w33 = b.w33, w34 = b.w34, w35 = b.w35, w36 = b.w36, w37 = b.w37, w38 = b.w38, w39 = b.w39, k0 = b.k0, k1 = b.k1, k2 = b.k2, k3 = b.k3, k4 = b.k4, k5 = b.k5, k6 = b.k6, k7 = b.k7, k8 = b.k8, k9 = b.k9, k10 = b.k10, s0 = b.s0, s1 = b.s1, s2 = b.s2, s3 = b.s3, s4 = b.s4, s5 = b.s5, s6 = b.s6, s7 = b.s7, s8 = b.s8, s9 = b.s9, s10 = b.s10, s11 = b.s11, s12 = b.s12, s13 = b.s13, s14 = b.s14, s15 = b.s15, s16 = b.s16, s17 = b.s17, s18 = b.s18, s19 = b.s19, s20 = b.s20, s21 = b.s21, s22 = b.s22, s23 = b.s23, s24 = b.s24, s25 = b.s25, s26 = b.s26, s27 = b.s27, s28 = b.s28, s29 = b.s29, s30 = b.s30, s31 = b.s31, s32 = b.s32, s33 = b.s33, s34 = b.s34, s35 = b.s35, s36 = b.s36, s37 = b.s37, s38 = b.s38, s39 = b.s39, t0 = b.t0, t1 = b.t1, t2 = b.t2, t3 = b.t3, t4 = b.t4, t5 = b.t5, t6 = b.t6, t7 = b.t7, t8 = b.t8, t9 = b.t9, t10 = b.t10, t11 = b.t11, t12 = b.t12, t13 = b.t13, t14 = b.t14, t15 = b.t15, t16 = b.t16, t17 = b.t17, t18 = b.t18, t19 = b.t19, t20 = b.t20, t21 = b.t21, t22 = b.t22, t23 = b.t23, t24 = b.t24, t25 = b.t25, t26 = b.t26, t27 = b.t27, t28 = b.t28, t29 = b.t29, t30 = b.t30, t31 = b.t31, t32 = b.t32, t33 = b.t33, t34 = b.t34, t35 = b.t35, t36 = b.t36, t37 = b.t37, t38 = b.t38, t39 = b.t39
  FROM b WHERE d.mpp_id = b.mpp_id AND d.local_day = b.local_day AND d.local_hour = b.local_hour AND d.tenant_id = b.tenant_id;
