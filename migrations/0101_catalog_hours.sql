-- Weekly opening hours of an MPP and its special days (shortened or changed hours).
-- Closures and holidays are the calendar domain's (calendar_days); the catalog owns ordinary hours.

-- {"1": {"opens": "08:00", "closes": "15:00", "breaks": [{"start": "12:00", "end": "13:00", "label": "Istirahat"}]}, ...}
-- keyed by ISO weekday (1 = Senin ... 7 = Minggu); a missing weekday means closed that day.
-- Validated by the catalog service (no overlap, breaks inside the hours) before it is written.
ALTER TABLE mpps ADD COLUMN weekly_hours jsonb NOT NULL DEFAULT '{}'::jsonb
  CHECK (jsonb_typeof(weekly_hours) = 'object');

CREATE TABLE mpp_special_days (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  day date NOT NULL,
  opens time NOT NULL,
  closes time NOT NULL,
  breaks jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(breaks) = 'array'),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, day),
  CHECK (opens < closes)
);
