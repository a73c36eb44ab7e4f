-- The national rollout of MPPs (docs/operations.md "Rollout"): for each kabupaten/kota, the stage its
-- MPP has reached and when, as recorded by national admins. A kabupaten/kota without a row has not
-- started. The agencies and services joined come from the MPP's own catalog data, not from here.
CREATE TABLE ops_rollout (
  region_code text PRIMARY KEY REFERENCES regions (code),
  stage text NOT NULL CHECK (stage IN ('planned', 'commitment', 'agreements', 'soft_launch', 'inaugurated')),
  planned_on date,
  commitment_on date,
  agreements_on date,
  soft_launch_on date,
  inaugurated_on date,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  updated_by text,
  updated_at timestamptz NOT NULL
);
