-- Calendar: national holidays (hari libur nasional), cuti bersama, and an MPP's own closures.
--
-- Accepted exception to the shard rule: national rows (mpp_id NULL) are shared by every MPP and
-- sit in the same table as the MPP's closures, because the working-day calculator needs exactly
-- "national rows plus this MPP's rows" in one indexed read. When the data is sharded by MPP, the
-- national rows (about 25 a year) are replicated to every shard as reference data. The primary key
-- is therefore id alone, and the unique key uses NULLS NOT DISTINCT so there is at most one national
-- row per day and one closure per MPP per day.
CREATE TABLE calendar_days (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mpp_id uuid REFERENCES mpps (id) ON DELETE CASCADE,
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('holiday', 'cuti_bersama', 'closure')),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- National rows are holidays or cuti bersama; an MPP adds only closures.
  CHECK ((mpp_id IS NULL) = (kind IN ('holiday', 'cuti_bersama'))),
  UNIQUE NULLS NOT DISTINCT (mpp_id, day)
);
CREATE INDEX calendar_days_day_idx ON calendar_days (day);
