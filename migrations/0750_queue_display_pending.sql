-- Board events are numbered after their transition commits, in a short transaction of their own
-- (issue 17, call-next).
--
-- Profile (bench/queue-http.ts with BENCH_WAITS=1, PostgreSQL 15, 16 and 64 counters calling one MPP):
-- about one of the app's ~3 busy connections was always waiting on the MPP's display_seq row, which the
-- board event of every call and no-show took and held through its commit's WAL flush together with
-- PostgreSQL's notify lock; so an MPP's calls committed one after another, one flush each, and could
-- not share a flush (group commit) as the minimal claim + event pair does.
--
-- Now a transition only inserts its board event into display_pending (an insert nobody waits for).
-- After the commit the node calls display_publish(mpp) (queue/board-publisher.ts), which, in one
-- transaction: locks the MPP's display_seq row, takes every pending event of the MPP in insertion
-- order, gives them the next sequence numbers, stores them in display_events and NOTIFYs them in
-- that order. What boards rely on is unchanged: numbers per MPP without gaps, committed in number order
-- (the sequence row is held to the commit, now by one publication for many events), replay after
-- Last-Event-ID from display_events. A node that dies between a commit and its publication leaves the
-- event pending; every node publishes whatever is pending every second (and the MPP's next transition
-- publishes it at once).

CREATE TABLE display_pending (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  zone text,
  type text NOT NULL,
  payload jsonb NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id)
) WITH (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);

-- Numbers and announces an MPP's pending board events; returns how many.
CREATE FUNCTION display_publish(p_mpp uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  last bigint;
  n integer;
  e display_events;
BEGIN
  -- Locked first and held to the end: publications of one MPP run one at a time and commit in
  -- sequence order, and each statement below sees the previous publication's commit.
  INSERT INTO display_seq (mpp_id, last_seq) VALUES (p_mpp, 0) ON CONFLICT (mpp_id) DO NOTHING;
  SELECT last_seq INTO last FROM display_seq WHERE mpp_id = p_mpp FOR UPDATE;
  WITH taken AS (DELETE FROM display_pending WHERE mpp_id = p_mpp RETURNING id, zone, type, payload, at),
       stored AS (
         INSERT INTO display_events (mpp_id, seq, zone, type, payload, at)
         SELECT p_mpp, last + row_number() OVER (ORDER BY id), zone, type, payload, at FROM taken
         RETURNING seq)
  SELECT count(*) INTO n FROM stored;
  IF n = 0 THEN RETURN 0; END IF;
  UPDATE display_seq SET last_seq = last + n WHERE mpp_id = p_mpp;
  FOR e IN SELECT * FROM display_events WHERE mpp_id = p_mpp AND seq > last ORDER BY seq LOOP
    PERFORM pg_notify('queue_display', json_build_object('mppId', e.mpp_id, 'seq', e.seq, 'zone', e.zone, 'type', e.type,
                                                         'payload', e.payload, 'at', e.at)::text);
  END LOOP;
  RETURN n;
END;
$$;
