-- Booking (janji temu / antrean online): slots, bookings and their events, fairness rules.

-- The catalog stores a service's booking settings; the booking domain defines their shape
-- (src/booking/settings.ts). Added here too in case the catalog migration that adds it is absent;
-- when it ran first this is a no-op.
ALTER TABLE services ADD COLUMN IF NOT EXISTS booking_settings jsonb NOT NULL DEFAULT '{}'::jsonb
  CHECK (jsonb_typeof(booking_settings) = 'object');

-- Server-wide secrets the booking domain generates on first use when no BOOKING_SECRET is
-- configured: the key of signed links and of the NIK hash. Not MPP data.
CREATE TABLE booking_secrets (
  name text PRIMARY KEY CHECK (name ~ '^[a-z_]{2,40}$'),
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Per-MPP fairness rules. A missing row means the defaults below.
CREATE TABLE booking_mpp_settings (
  mpp_id uuid PRIMARY KEY REFERENCES mpps (id) ON DELETE CASCADE,
  max_active_per_nik integer NOT NULL DEFAULT 3 CHECK (max_active_per_nik BETWEEN 1 AND 20),
  no_show_limit integer NOT NULL DEFAULT 3 CHECK (no_show_limit BETWEEN 0 AND 50),
  no_show_window_days integer NOT NULL DEFAULT 60 CHECK (no_show_window_days BETWEEN 1 AND 365),
  suspension_days integer NOT NULL DEFAULT 30 CHECK (suspension_days BETWEEN 1 AND 365),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- How many places of a slot are taken. A row appears with the first booking (upsert) and is bumped
-- with a conditional upsert, so concurrent bookers can never take more than the capacity.
CREATE TABLE booking_slots (
  mpp_id uuid NOT NULL,
  service_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  local_day date NOT NULL,
  booked integer NOT NULL CHECK (booked >= 0),
  PRIMARY KEY (mpp_id, service_id, starts_at),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX booking_slots_day_idx ON booking_slots (mpp_id, service_id, local_day);

-- The same for a service's daily quota.
CREATE TABLE booking_days (
  mpp_id uuid NOT NULL,
  service_id uuid NOT NULL,
  local_day date NOT NULL,
  booked integer NOT NULL CHECK (booked >= 0),
  PRIMARY KEY (mpp_id, service_id, local_day),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);

-- NIK is never stored in clear: nik_hash is an HMAC-SHA256 of it under the server's NIK key (for the
-- per-NIK rules) and nik_masked is what staff pages show (first 4 and last 2 digits).
CREATE TABLE bookings (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[A-Z0-9]{8}$'),
  service_id uuid NOT NULL,
  slot_start timestamptz NOT NULL,
  slot_end timestamptz NOT NULL,
  local_day date NOT NULL,
  nik_hash text NOT NULL,
  nik_masked text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  phone text CHECK (phone ~ '^\+62[0-9]{8,13}$'),
  email text CHECK (length(email) <= 200),
  status text NOT NULL CHECK (status IN ('booked', 'checked_in', 'no_show', 'cancelled')),
  ticket_id uuid,
  ticket_number text,
  checked_in_at timestamptz,
  cancelled_at timestamptz,
  no_show_at timestamptz,
  reminded_at timestamptz,
  -- Set when a change of hours or a closure leaves the slot outside service hours; cleared when
  -- the booking is moved (or the hours come back). Such bookings are listed for the MPP admin.
  affected_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, code),
  CHECK (phone IS NOT NULL OR email IS NOT NULL),
  CHECK (slot_end > slot_start),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id)
);
CREATE INDEX bookings_nik_idx ON bookings (mpp_id, nik_hash, status);
CREATE INDEX bookings_service_day_idx ON bookings (mpp_id, service_id, local_day);
CREATE INDEX bookings_active_slot_idx ON bookings (slot_start) WHERE status = 'booked';

-- Every transition of a booking, with who did it and when.
CREATE TABLE booking_events (
  mpp_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  booking_id uuid NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'device', 'citizen', 'system')),
  actor_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, booking_id) REFERENCES bookings (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX booking_events_booking_idx ON booking_events (mpp_id, booking_id, id);

-- A NIK suspended from booking at an MPP after too many no-shows.
CREATE TABLE booking_suspensions (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  nik_hash text NOT NULL,
  nik_masked text NOT NULL,
  until timestamptz NOT NULL,
  no_shows integer NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, nik_hash)
);
