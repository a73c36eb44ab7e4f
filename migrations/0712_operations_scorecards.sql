-- Operations: the monthly MPP scorecard (docs/operations.md "Scorecard"). An MPP's own scorecard is
-- computed live from the aggregates, surveys, complaints and bookings; every computation is also kept
-- here, and a refresher recomputes the current and previous month of every MPP hourly, so the national
-- view reads 514 rows instead of computing 514 scorecards.
CREATE TABLE ops_scorecards (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  -- The month's card as the API shows it (schemas.ts ScorecardMonth, without the per-service list).
  card jsonb NOT NULL,
  -- Layan's composite 0-100 (mean of the figures the month has), for ranking; null with no data.
  score real,
  -- The MPP's latest ticket event when computed: the national view flags MPPs whose data has stopped.
  last_activity_at timestamptz,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, month)
);
CREATE INDEX ops_scorecards_month_idx ON ops_scorecards (month, score DESC);
