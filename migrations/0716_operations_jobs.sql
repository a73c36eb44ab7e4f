-- Periodic operations jobs (the scorecard refresher) run on one app node at a time: a node runs a job
-- only after taking its lease row with one conditional upsert (src/operations/jobs.ts), which
-- PostgreSQL serialises on the row, so of several nodes exactly one wins each round. A lease, unlike a
-- session advisory lock, needs no connection held for the job's length and expires by itself when
-- its node dies mid-run. National (no MPP): one row per job name.
CREATE TABLE ops_jobs (
  name text PRIMARY KEY,
  -- The node that holds or last held the lease (host:pid:random).
  holder text NOT NULL,
  -- Others stay out until then; set to the finish time when the run ends.
  lease_until timestamptz NOT NULL,
  last_started_at timestamptz NOT NULL,
  last_finished_at timestamptz,
  last_error text
);
