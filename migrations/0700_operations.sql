-- Operations intelligence: hourly aggregates of ticket events, kept up to date by a trigger on
-- ticket_events so that statistics read a few hundred rows per MPP-month instead of scanning events.
-- Owner: src/operations. The queue owns ticket_events and tickets; this file only reads them.

-- Per-MPP operations settings. A missing row means the defaults.
CREATE TABLE ops_mpp_settings (
  mpp_id uuid PRIMARY KEY REFERENCES mpps (id) ON DELETE CASCADE,
  -- The MPP's promised longest wait; "served within target" and staffing advice use it.
  target_wait_minutes integer NOT NULL DEFAULT 15 CHECK (target_wait_minutes BETWEEN 1 AND 240),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per UTC hour, service, counter and officer (the nil uuid / '' where an event has none, e.g.
-- an issue at the kiosk). Indonesian zones are whole hours from UTC, so an MPP's local day is an exact
-- range of these hours. Durations in seconds; *_hist are per-minute histograms (index 1 = under one
-- minute, ..., index 181 = three hours or more) from which medians, p90 and "within target" come.
CREATE TABLE ops_hourly (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  hour timestamptz NOT NULL,
  service_id uuid NOT NULL,
  counter_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
  officer_id text NOT NULL DEFAULT '',
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
  wait_hist integer[] NOT NULL DEFAULT array_fill(0, ARRAY[181]),
  walk_n integer NOT NULL DEFAULT 0,
  walk_sum bigint NOT NULL DEFAULT 0,
  walk_hist integer[] NOT NULL DEFAULT array_fill(0, ARRAY[181]),
  service_n integer NOT NULL DEFAULT 0,
  service_sum bigint NOT NULL DEFAULT 0,
  service_max integer NOT NULL DEFAULT 0,
  service_hist integer[] NOT NULL DEFAULT array_fill(0, ARRAY[181]),
  total_n integer NOT NULL DEFAULT 0,
  total_sum bigint NOT NULL DEFAULT 0,
  total_hist integer[] NOT NULL DEFAULT array_fill(0, ARRAY[181]),
  PRIMARY KEY (mpp_id, hour, service_id, counter_id, officer_id)
);
CREATE INDEX ops_hourly_tenant_idx ON ops_hourly (mpp_id, tenant_id, hour);

-- A histogram with one more observation of `seconds`.
CREATE FUNCTION ops_hist_add(hist integer[], seconds integer) RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
  SELECT hist[1:b - 1] || (hist[b] + 1) || hist[b + 1:181]
    FROM (SELECT least(greatest(seconds, 0) / 60, 180) + 1 AS b) x
$$;

-- Element-wise sum of histograms (for adding rows together in queries).
CREATE FUNCTION ops_hist_sum_step(acc integer[], hist integer[]) RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN acc IS NULL THEN hist
              ELSE array(SELECT a + h FROM unnest(acc, hist) AS u (a, h)) END
$$;
CREATE AGGREGATE ops_hist_sum(integer[]) (SFUNC = ops_hist_sum_step, STYPE = integer[]);

-- Adds one ticket event to the aggregates. Durations are measured against the ticket's earlier events:
-- wait = issue (or the last transfer back into a queue) to the call; walk = call to start of service;
-- service = start to finish; total = issue to finish. Each lands in the hour and on the counter and
-- officer of the event that ends it.
CREATE FUNCTION ops_apply(e ticket_events) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_hour timestamptz := date_trunc('hour', e.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  v_service uuid := CASE WHEN e.type = 'transferred' THEN coalesce(e.from_service_id, e.service_id) ELSE e.service_id END;
  v_counter uuid := coalesce(e.counter_id, '00000000-0000-0000-0000-000000000000');
  v_officer text := CASE WHEN e.actor_type = 'user' AND e.type <> 'issued' THEN coalesce(e.actor_id, '') ELSE '' END;
  v_tenant uuid;
  v_booked boolean := false;
  v_from timestamptz;
  v_wait integer;
  v_walk integer;
  v_service_s integer;
  v_total integer;
BEGIN
  SELECT tenant_id INTO v_tenant FROM services WHERE mpp_id = e.mpp_id AND id = v_service;
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
                               wait_n, wait_sum, wait_max, wait_hist, walk_n, walk_sum, walk_hist,
                               service_n, service_sum, service_max, service_hist, total_n, total_sum, total_hist)
  VALUES (e.mpp_id, v_hour, v_service, v_counter, v_officer, v_tenant,
          (e.type = 'issued')::int, (e.type = 'issued' AND v_booked)::int, (e.type = 'called')::int,
          (e.type = 'recalled')::int, (e.type = 'served')::int, (e.type = 'no_show')::int,
          (e.type = 'cancelled')::int, (e.type = 'transferred')::int,
          (v_wait IS NOT NULL)::int, coalesce(v_wait, 0), coalesce(v_wait, 0),
          CASE WHEN v_wait IS NULL THEN array_fill(0, ARRAY[181]) ELSE ops_hist_add(array_fill(0, ARRAY[181]), v_wait) END,
          (v_walk IS NOT NULL)::int, coalesce(v_walk, 0),
          CASE WHEN v_walk IS NULL THEN array_fill(0, ARRAY[181]) ELSE ops_hist_add(array_fill(0, ARRAY[181]), v_walk) END,
          (v_service_s IS NOT NULL)::int, coalesce(v_service_s, 0), coalesce(v_service_s, 0),
          CASE WHEN v_service_s IS NULL THEN array_fill(0, ARRAY[181]) ELSE ops_hist_add(array_fill(0, ARRAY[181]), v_service_s) END,
          (v_total IS NOT NULL)::int, coalesce(v_total, 0),
          CASE WHEN v_total IS NULL THEN array_fill(0, ARRAY[181]) ELSE ops_hist_add(array_fill(0, ARRAY[181]), v_total) END)
  ON CONFLICT (mpp_id, hour, service_id, counter_id, officer_id) DO UPDATE SET
    issued = h.issued + EXCLUDED.issued,
    issued_booked = h.issued_booked + EXCLUDED.issued_booked,
    called = h.called + EXCLUDED.called,
    recalled = h.recalled + EXCLUDED.recalled,
    served = h.served + EXCLUDED.served,
    no_show = h.no_show + EXCLUDED.no_show,
    cancelled = h.cancelled + EXCLUDED.cancelled,
    transferred = h.transferred + EXCLUDED.transferred,
    wait_n = h.wait_n + EXCLUDED.wait_n,
    wait_sum = h.wait_sum + EXCLUDED.wait_sum,
    wait_max = greatest(h.wait_max, EXCLUDED.wait_max),
    wait_hist = CASE WHEN v_wait IS NULL THEN h.wait_hist ELSE ops_hist_add(h.wait_hist, v_wait) END,
    walk_n = h.walk_n + EXCLUDED.walk_n,
    walk_sum = h.walk_sum + EXCLUDED.walk_sum,
    walk_hist = CASE WHEN v_walk IS NULL THEN h.walk_hist ELSE ops_hist_add(h.walk_hist, v_walk) END,
    service_n = h.service_n + EXCLUDED.service_n,
    service_sum = h.service_sum + EXCLUDED.service_sum,
    service_max = greatest(h.service_max, EXCLUDED.service_max),
    service_hist = CASE WHEN v_service_s IS NULL THEN h.service_hist ELSE ops_hist_add(h.service_hist, v_service_s) END,
    total_n = h.total_n + EXCLUDED.total_n,
    total_sum = h.total_sum + EXCLUDED.total_sum,
    total_hist = CASE WHEN v_total IS NULL THEN h.total_hist ELSE ops_hist_add(h.total_hist, v_total) END;
END;
$$;

CREATE FUNCTION ops_ticket_event_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ops_apply(NEW);
  RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_events_ops_hourly AFTER INSERT ON ticket_events
  FOR EACH ROW EXECUTE FUNCTION ops_ticket_event_trigger();

-- Recomputes an MPP's aggregates for [from, to) from its events (after a repair, or for events that
-- predate this migration). Returns the number of events replayed. Events are replayed in id order, so
-- each sees the same earlier events the trigger saw.
CREATE FUNCTION ops_rebuild(p_mpp uuid, p_from timestamptz, p_to timestamptz) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  e ticket_events;
  n bigint := 0;
BEGIN
  DELETE FROM ops_hourly WHERE mpp_id = p_mpp AND hour >= date_trunc('hour', p_from AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AND hour < p_to;
  FOR e IN SELECT * FROM ticket_events
            WHERE mpp_id = p_mpp AND at >= date_trunc('hour', p_from AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AND at < p_to
            ORDER BY id LOOP
    PERFORM ops_apply(e);
    n := n + 1;
  END LOOP;
  RETURN n;
END;
$$;

-- Events recorded before this migration.
DO $$
DECLARE m uuid;
BEGIN
  FOR m IN SELECT DISTINCT mpp_id FROM ticket_events LOOP
    PERFORM ops_rebuild(m, '-infinity', 'infinity');
  END LOOP;
END;
$$;
