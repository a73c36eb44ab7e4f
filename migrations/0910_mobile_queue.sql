-- The queue at a mobile-service stop, run offline from the crew's phones and tablets (docs/mobile-crew.md).
-- Owner: src/crew. Stops and their bookings belong to src/mobile (0900_mobile.sql); a served stop ticket
-- also becomes a ticket of the queue (through src/queue's exported functions) so statistics and the
-- survey count it like a counter ticket.

-- One row per stop the crew has opened: every sync and block reservation of the stop locks it first,
-- so a stop's syncs run one after another and blocks are handed out in order.
CREATE TABLE crew_stop_state (
  mpp_id uuid NOT NULL,
  stop_id uuid NOT NULL,
  last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, stop_id),
  FOREIGN KEY (mpp_id, stop_id) REFERENCES mobile_stops (mpp_id, id) ON DELETE CASCADE
);

-- A crew device working a stop: its id is made by the device; last_seq is the last of its events applied.
CREATE TABLE crew_devices (
  mpp_id uuid NOT NULL,
  stop_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
  last_seq integer NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
  created_at timestamptz NOT NULL,
  last_sync_at timestamptz,
  PRIMARY KEY (mpp_id, stop_id, id),
  FOREIGN KEY (mpp_id, stop_id) REFERENCES crew_stop_state (mpp_id, stop_id) ON DELETE CASCADE
);

-- Ticket numbers reserved for one device ahead of going offline. Blocks of a stop never overlap: each is
-- cut after the stop's last_number under the crew_stop_state row lock (proven in crew/blocks.test.ts).
CREATE TABLE crew_number_blocks (
  mpp_id uuid NOT NULL,
  stop_id uuid NOT NULL,
  first_number integer NOT NULL CHECK (first_number > 0),
  last_number integer NOT NULL,
  device_id uuid NOT NULL,
  reserved_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, stop_id, first_number),
  UNIQUE (mpp_id, stop_id, last_number),
  CHECK (last_number >= first_number),
  FOREIGN KEY (mpp_id, stop_id, device_id) REFERENCES crew_devices (mpp_id, stop_id, id) ON DELETE CASCADE
);

-- A ticket at the stop, by its number. A second check-in of one booking is kept, merged into the first.
CREATE TABLE crew_tickets (
  mpp_id uuid NOT NULL,
  stop_id uuid NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  device_id uuid NOT NULL,
  service_id uuid NOT NULL,
  booking_id uuid,
  status text NOT NULL CHECK (status IN ('waiting', 'called', 'served', 'no_show')),
  merged_into integer,
  issued_at timestamptz NOT NULL,
  called_at timestamptz,
  finished_at timestamptz,
  finished_by uuid,
  -- What the queue's tickets show for it (NULL until final) and which queue ticket that is.
  projected text CHECK (projected IN ('served', 'no_show')),
  queue_ticket_id uuid,
  PRIMARY KEY (mpp_id, stop_id, number),
  FOREIGN KEY (mpp_id, stop_id) REFERENCES crew_stop_state (mpp_id, stop_id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id),
  FOREIGN KEY (mpp_id, booking_id) REFERENCES mobile_stop_bookings (mpp_id, id),
  FOREIGN KEY (mpp_id, stop_id, merged_into) REFERENCES crew_tickets (mpp_id, stop_id, number)
);
-- One live (unmerged) ticket per booking.
CREATE UNIQUE INDEX crew_tickets_one_per_booking ON crew_tickets (mpp_id, booking_id) WHERE booking_id IS NOT NULL AND merged_into IS NULL;

-- Every event a device sent, once, with the outcome it was given ('pending' while an earlier one is missing).
CREATE TABLE crew_events (
  mpp_id uuid NOT NULL,
  stop_id uuid NOT NULL,
  id uuid NOT NULL,
  device_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq > 0),
  type text NOT NULL CHECK (type IN ('ticket_issued', 'booking_checked_in', 'called', 'served', 'no_show')),
  body jsonb NOT NULL,
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  result text NOT NULL CHECK (result IN ('applied', 'merged', 'conflict', 'rejected', 'pending')),
  code text,
  number integer,
  other_device uuid,
  PRIMARY KEY (mpp_id, stop_id, id),
  FOREIGN KEY (mpp_id, stop_id, device_id) REFERENCES crew_devices (mpp_id, stop_id, id) ON DELETE CASCADE
);
CREATE INDEX crew_events_device_idx ON crew_events (mpp_id, stop_id, device_id, seq);
