-- Operations, third step: month statistics per counter, officer and local hour read ops_hourly, which is
-- keyed nearly as finely as the events (hour x service x counter x officer: ~66,000 rows per busy
-- MPP-month, bench/ops-stats.ts). Two rollups of it, kept by a trigger on ops_hourly itself so that
-- ops_apply (0701) and everything writing through it stay as they are:
--   ops_daily_staff: per MPP-local day, agency, counter and officer (~75 rows per day at the demo's size),
--                    for "by counter" and "by officer" when no single service is asked for;
--   ops_daily_hour:  per MPP-local day, local hour and agency (~250 rows per day), for "by hour" and the
--                    arrivals heatmap when no single service is asked for (a service's own hours are few
--                    enough to read from ops_hourly).
-- Counts, sums and maxima only, like ops_hourly: medians need the histograms of ops_daily.

CREATE TABLE ops_daily_staff (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  local_day date NOT NULL,
  tenant_id uuid NOT NULL,
  counter_id uuid NOT NULL,
  officer_id text NOT NULL,
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
  PRIMARY KEY (mpp_id, local_day, tenant_id, counter_id, officer_id)
) WITH (fillfactor = 60, autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);

CREATE TABLE ops_daily_hour (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  local_day date NOT NULL,
  local_hour smallint NOT NULL CHECK (local_hour BETWEEN 0 AND 23),
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
  PRIMARY KEY (mpp_id, local_day, local_hour, tenant_id)
) WITH (fillfactor = 60, autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);

-- Adds what one ops_hourly row gained (the whole row when new) to both rollups. Counts and sums are
-- added as differences; maxima only grow, so the new maximum is kept.
CREATE FUNCTION ops_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  v_day date;
  v_hour smallint;
  o ops_hourly;
BEGIN
  SELECT timezone INTO tz FROM mpps WHERE id = NEW.mpp_id;
  v_day := (NEW.hour AT TIME ZONE tz)::date;
  v_hour := extract(hour FROM NEW.hour AT TIME ZONE tz)::smallint;
  -- On insert the row's fields stay NULL: the whole new row is added.
  IF TG_OP = 'UPDATE' THEN o := OLD; END IF;

  INSERT INTO ops_daily_staff AS d (mpp_id, local_day, tenant_id, counter_id, officer_id,
      issued, issued_booked, called, recalled, served, no_show, cancelled, transferred,
      wait_n, wait_sum, wait_max, walk_n, walk_sum, service_n, service_sum, service_max, total_n, total_sum)
  VALUES (NEW.mpp_id, v_day, NEW.tenant_id, NEW.counter_id, NEW.officer_id,
      NEW.issued - coalesce(o.issued, 0), NEW.issued_booked - coalesce(o.issued_booked, 0), NEW.called - coalesce(o.called, 0), NEW.recalled - coalesce(o.recalled, 0),
      NEW.served - coalesce(o.served, 0), NEW.no_show - coalesce(o.no_show, 0), NEW.cancelled - coalesce(o.cancelled, 0), NEW.transferred - coalesce(o.transferred, 0),
      NEW.wait_n - coalesce(o.wait_n, 0), NEW.wait_sum - coalesce(o.wait_sum, 0), NEW.wait_max, NEW.walk_n - coalesce(o.walk_n, 0), NEW.walk_sum - coalesce(o.walk_sum, 0),
      NEW.service_n - coalesce(o.service_n, 0), NEW.service_sum - coalesce(o.service_sum, 0), NEW.service_max,
      NEW.total_n - coalesce(o.total_n, 0), NEW.total_sum - coalesce(o.total_sum, 0))
  ON CONFLICT (mpp_id, local_day, tenant_id, counter_id, officer_id) DO UPDATE SET
    issued = d.issued + EXCLUDED.issued, issued_booked = d.issued_booked + EXCLUDED.issued_booked,
    called = d.called + EXCLUDED.called, recalled = d.recalled + EXCLUDED.recalled, served = d.served + EXCLUDED.served,
    no_show = d.no_show + EXCLUDED.no_show, cancelled = d.cancelled + EXCLUDED.cancelled, transferred = d.transferred + EXCLUDED.transferred,
    wait_n = d.wait_n + EXCLUDED.wait_n, wait_sum = d.wait_sum + EXCLUDED.wait_sum, wait_max = greatest(d.wait_max, EXCLUDED.wait_max),
    walk_n = d.walk_n + EXCLUDED.walk_n, walk_sum = d.walk_sum + EXCLUDED.walk_sum,
    service_n = d.service_n + EXCLUDED.service_n, service_sum = d.service_sum + EXCLUDED.service_sum,
    service_max = greatest(d.service_max, EXCLUDED.service_max),
    total_n = d.total_n + EXCLUDED.total_n, total_sum = d.total_sum + EXCLUDED.total_sum;

  INSERT INTO ops_daily_hour AS d (mpp_id, local_day, local_hour, tenant_id,
      issued, issued_booked, called, recalled, served, no_show, cancelled, transferred,
      wait_n, wait_sum, wait_max, walk_n, walk_sum, service_n, service_sum, service_max, total_n, total_sum)
  VALUES (NEW.mpp_id, v_day, v_hour, NEW.tenant_id,
      NEW.issued - coalesce(o.issued, 0), NEW.issued_booked - coalesce(o.issued_booked, 0), NEW.called - coalesce(o.called, 0), NEW.recalled - coalesce(o.recalled, 0),
      NEW.served - coalesce(o.served, 0), NEW.no_show - coalesce(o.no_show, 0), NEW.cancelled - coalesce(o.cancelled, 0), NEW.transferred - coalesce(o.transferred, 0),
      NEW.wait_n - coalesce(o.wait_n, 0), NEW.wait_sum - coalesce(o.wait_sum, 0), NEW.wait_max, NEW.walk_n - coalesce(o.walk_n, 0), NEW.walk_sum - coalesce(o.walk_sum, 0),
      NEW.service_n - coalesce(o.service_n, 0), NEW.service_sum - coalesce(o.service_sum, 0), NEW.service_max,
      NEW.total_n - coalesce(o.total_n, 0), NEW.total_sum - coalesce(o.total_sum, 0))
  ON CONFLICT (mpp_id, local_day, local_hour, tenant_id) DO UPDATE SET
    issued = d.issued + EXCLUDED.issued, issued_booked = d.issued_booked + EXCLUDED.issued_booked,
    called = d.called + EXCLUDED.called, recalled = d.recalled + EXCLUDED.recalled, served = d.served + EXCLUDED.served,
    no_show = d.no_show + EXCLUDED.no_show, cancelled = d.cancelled + EXCLUDED.cancelled, transferred = d.transferred + EXCLUDED.transferred,
    wait_n = d.wait_n + EXCLUDED.wait_n, wait_sum = d.wait_sum + EXCLUDED.wait_sum, wait_max = greatest(d.wait_max, EXCLUDED.wait_max),
    walk_n = d.walk_n + EXCLUDED.walk_n, walk_sum = d.walk_sum + EXCLUDED.walk_sum,
    service_n = d.service_n + EXCLUDED.service_n, service_sum = d.service_sum + EXCLUDED.service_sum,
    service_max = greatest(d.service_max, EXCLUDED.service_max),
    total_n = d.total_n + EXCLUDED.total_n, total_sum = d.total_sum + EXCLUDED.total_sum;
  RETURN NULL;
END;
$$;
CREATE TRIGGER ops_hourly_rollups AFTER INSERT OR UPDATE ON ops_hourly
  FOR EACH ROW EXECUTE FUNCTION ops_rollup_trigger();

-- Rebuild (0701) also clears the rollups of the local days it replays; the replay refills them.
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
  DELETE FROM ops_daily_staff WHERE mpp_id = p_mpp AND local_day >= d1 AND local_day <= d2;
  DELETE FROM ops_daily_hour WHERE mpp_id = p_mpp AND local_day >= d1 AND local_day <= d2;
  FOR e IN SELECT * FROM ticket_events WHERE mpp_id = p_mpp AND at >= f AND at < t ORDER BY id LOOP
    PERFORM ops_apply(e);
    n := n + 1;
  END LOOP;
  RETURN n;
END;
$$;

-- Existing aggregates: the rollups are exact sums of ops_hourly, no replay needed.
INSERT INTO ops_daily_staff (mpp_id, local_day, tenant_id, counter_id, officer_id,
    issued, issued_booked, called, recalled, served, no_show, cancelled, transferred,
    wait_n, wait_sum, wait_max, walk_n, walk_sum, service_n, service_sum, service_max, total_n, total_sum)
SELECT h.mpp_id, (h.hour AT TIME ZONE m.timezone)::date, h.tenant_id, h.counter_id, h.officer_id,
       sum(issued), sum(issued_booked), sum(called), sum(recalled), sum(served), sum(no_show), sum(cancelled), sum(transferred),
       sum(wait_n), sum(wait_sum), max(wait_max), sum(walk_n), sum(walk_sum), sum(service_n), sum(service_sum), max(service_max),
       sum(total_n), sum(total_sum)
  FROM ops_hourly h JOIN mpps m ON m.id = h.mpp_id
 GROUP BY 1, 2, 3, 4, 5;
INSERT INTO ops_daily_hour (mpp_id, local_day, local_hour, tenant_id,
    issued, issued_booked, called, recalled, served, no_show, cancelled, transferred,
    wait_n, wait_sum, wait_max, walk_n, walk_sum, service_n, service_sum, service_max, total_n, total_sum)
SELECT h.mpp_id, (h.hour AT TIME ZONE m.timezone)::date, extract(hour FROM h.hour AT TIME ZONE m.timezone)::smallint, h.tenant_id,
       sum(issued), sum(issued_booked), sum(called), sum(recalled), sum(served), sum(no_show), sum(cancelled), sum(transferred),
       sum(wait_n), sum(wait_sum), max(wait_max), sum(walk_n), sum(walk_sum), sum(service_n), sum(service_sum), max(service_max),
       sum(total_n), sum(total_sum)
  FROM ops_hourly h JOIN mpps m ON m.id = h.mpp_id
 GROUP BY 1, 2, 3, 4;

-- The arrivals heatmap over the hour rollup reads only rows with arrivals.
CREATE INDEX ops_daily_hour_arrivals_idx ON ops_daily_hour (mpp_id, local_day) INCLUDE (local_hour, tenant_id, issued) WHERE issued > 0;
