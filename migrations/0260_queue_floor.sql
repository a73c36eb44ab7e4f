-- The floor at work (issue 12): pause reasons an MPP keeps, a pool of parked tickets, no-show undo,
-- reprints, and heartbeats of kiosks and boards.

-- Reasons an officer picks when pausing a counter (never typed at the counter).
CREATE TABLE pause_reasons (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  label text NOT NULL CHECK (length(label) BETWEEN 3 AND 100),
  active boolean NOT NULL DEFAULT true,
  sort integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, label)
);

CREATE FUNCTION queue_default_pause_reasons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO pause_reasons (mpp_id, label, sort) VALUES
    (NEW.id, 'Istirahat', 1), (NEW.id, 'Salat', 2), (NEW.id, 'Gangguan sistem / jaringan', 3),
    (NEW.id, 'Rapat / koordinasi', 4), (NEW.id, 'Membantu loket lain', 5)
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END;
$$;
CREATE TRIGGER mpps_queue_default_pause_reasons AFTER INSERT ON mpps
  FOR EACH ROW EXECUTE FUNCTION queue_default_pause_reasons();
INSERT INTO pause_reasons (mpp_id, label, sort)
  SELECT id, r.label, r.sort FROM mpps,
    (VALUES ('Istirahat', 1), ('Salat', 2), ('Gangguan sistem / jaringan', 3), ('Rapat / koordinasi', 4),
            ('Membantu loket lain', 5)) AS r (label, sort)
  ON CONFLICT DO NOTHING;

-- Parking: the citizen steps aside (to complete a form); the ticket waits in the agency's pool and
-- any counter of the agency calls it back without a new number.
ALTER TABLE tickets DROP CONSTRAINT tickets_status_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_status_check
  CHECK (status IN ('waiting', 'called', 'serving', 'parked', 'served', 'no_show', 'cancelled'));
ALTER TABLE tickets ADD COLUMN parked_at timestamptz;
CREATE INDEX tickets_parked_idx ON tickets (mpp_id, tenant_id) WHERE status = 'parked';

ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_type_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_type_check
  CHECK (type IN ('issued', 'called', 'recalled', 'serving', 'transferred', 'served', 'no_show', 'cancelled',
                  'parked', 'unparked', 'no_show_undone', 'reprinted'));

-- Last heartbeat of each kiosk and board: when, which app version, and the printer's last error.
CREATE TABLE device_heartbeats (
  mpp_id uuid NOT NULL,
  device_id uuid NOT NULL,
  last_seen_at timestamptz NOT NULL,
  app_version text NOT NULL CHECK (length(app_version) <= 40),
  page text CHECK (length(page) <= 200),
  printer_error text CHECK (length(printer_error) <= 200),
  printer_error_at timestamptz,
  PRIMARY KEY (mpp_id, device_id),
  FOREIGN KEY (mpp_id, device_id) REFERENCES device_tokens (mpp_id, id) ON DELETE CASCADE
);
