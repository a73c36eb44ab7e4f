-- Queue zones (issue 16, drive-thru lanes). A zone groups counters, boards and kiosks of an MPP.
-- 'hall' zones only split the boards (what queue_counter_state.zone always did); a 'drive_thru' zone is
-- a lane with its own line: its tickets are issued at its kiosk (by plate number or name), called only
-- by its counters, and shown only on its boards.

CREATE TABLE queue_zones (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The short key boards, counters and display events already use (?zone=sim-dt).
  code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,30}$'),
  kind text NOT NULL DEFAULT 'hall' CHECK (kind IN ('hall', 'drive_thru')),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 80),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, code)
);

-- Counters already placed in a zone keep it: each zone name in use becomes a hall zone.
INSERT INTO queue_zones (mpp_id, code, kind, name)
  SELECT DISTINCT mpp_id, zone, 'hall', 'Zona ' || zone FROM queue_counter_state WHERE zone IS NOT NULL
  ON CONFLICT DO NOTHING;
ALTER TABLE queue_counter_state ADD CONSTRAINT queue_counter_state_zone_fk
  FOREIGN KEY (mpp_id, zone) REFERENCES queue_zones (mpp_id, code);

-- A kiosk or board bound to a zone: the kiosk issues only in it, the board shows only it.
CREATE TABLE queue_device_zones (
  mpp_id uuid NOT NULL,
  device_id uuid NOT NULL,
  zone_id uuid NOT NULL,
  PRIMARY KEY (mpp_id, device_id),
  FOREIGN KEY (mpp_id, device_id) REFERENCES device_tokens (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, zone_id) REFERENCES queue_zones (mpp_id, id) ON DELETE CASCADE
);

-- A drive-thru ticket: its lane (NULL = the hall line), and who is in the car, by plate or by name.
ALTER TABLE tickets ADD COLUMN lane text;
ALTER TABLE tickets ADD COLUMN plate text CHECK (plate ~ '^[A-Z]{1,2} [1-9][0-9]{0,3}( [A-Z]{1,3})?$');
ALTER TABLE tickets ADD COLUMN holder_name text CHECK (length(holder_name) BETWEEN 2 AND 60);
ALTER TABLE tickets ADD CONSTRAINT tickets_lane_fk FOREIGN KEY (mpp_id, lane) REFERENCES queue_zones (mpp_id, code);
ALTER TABLE tickets ADD CONSTRAINT tickets_lane_holder CHECK (lane IS NULL OR plate IS NOT NULL OR holder_name IS NOT NULL);
CREATE INDEX tickets_lane_waiting_idx ON tickets (mpp_id, lane, rank_at) WHERE status = 'waiting' AND lane IS NOT NULL;
