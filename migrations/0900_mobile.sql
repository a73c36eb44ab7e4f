-- Mobile services (layanan keliling): the MPP's vehicles, their schedule of stops, and bookings of a stop.
-- The shipped region data stops at kabupaten/kota (migrations/0102_catalog_regions.sql), so a stop names
-- its kecamatan and desa/kelurahan by Kemendagri code and name as the admin enters them; the code must
-- lie inside the MPP's own kabupaten/kota (its prefix), which is what "a stop outside the MPP's region"
-- is checked against (src/mobile/service.ts).

CREATE TABLE mobile_units (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  vehicle text NOT NULL CHECK (length(vehicle) BETWEEN 2 AND 100),
  plate text NOT NULL CHECK (length(plate) BETWEEN 3 AND 12),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, plate)
);

-- The services a unit can offer (a stop offers a subset of them).
CREATE TABLE mobile_unit_services (
  mpp_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  service_id uuid NOT NULL,
  PRIMARY KEY (mpp_id, unit_id, service_id),
  FOREIGN KEY (mpp_id, unit_id) REFERENCES mobile_units (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);

-- The crew of a unit: users of the MPP (checked by the service against their role grants).
CREATE TABLE mobile_unit_crew (
  mpp_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (mpp_id, unit_id, user_id),
  FOREIGN KEY (mpp_id, unit_id) REFERENCES mobile_units (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX mobile_unit_crew_user_idx ON mobile_unit_crew (user_id);

-- A stop of a unit: where and when it stands, what it offers and for how many.
-- booked counts the active bookings (booked or checked_in or served); a conditional UPDATE on this row
-- is what keeps concurrent bookers within capacity.
CREATE TABLE mobile_stops (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  -- desa/kelurahan code (NN.NN.NN.NNNN) when given, else the kecamatan code.
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{2}[.][0-9]{2}[.][0-9]{2}([.][0-9]{4})?$'),
  kecamatan_code text NOT NULL CHECK (kecamatan_code ~ '^[0-9]{2}[.][0-9]{2}[.][0-9]{2}$'),
  kecamatan_name text NOT NULL CHECK (length(kecamatan_name) BETWEEN 2 AND 100),
  village_name text CHECK (length(village_name) BETWEEN 2 AND 100),
  address text NOT NULL CHECK (length(address) BETWEEN 5 AND 300),
  lat double precision CHECK (lat BETWEEN -11 AND 6),
  lng double precision CHECK (lng BETWEEN 94 AND 142),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  local_day date NOT NULL,
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 2000),
  booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'done')),
  note text CHECK (length(note) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  CHECK (ends_at > starts_at),
  CHECK (left(region_code, 8) = kecamatan_code),
  CHECK ((lat IS NULL) = (lng IS NULL)),
  FOREIGN KEY (mpp_id, unit_id) REFERENCES mobile_units (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX mobile_stops_unit_time_idx ON mobile_stops (mpp_id, unit_id, starts_at);
CREATE INDEX mobile_stops_upcoming_idx ON mobile_stops (kecamatan_code, starts_at) WHERE status = 'scheduled';
CREATE INDEX mobile_stops_day_idx ON mobile_stops (local_day) WHERE status = 'scheduled';

CREATE TABLE mobile_stop_services (
  mpp_id uuid NOT NULL,
  stop_id uuid NOT NULL,
  service_id uuid NOT NULL,
  PRIMARY KEY (mpp_id, stop_id, service_id),
  FOREIGN KEY (mpp_id, stop_id) REFERENCES mobile_stops (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);

-- A citizen's place at a stop. NIK is stored as the booking domain stores it: an HMAC (nik_hash, under
-- the same key, so the per-NIK rules count across counter and stop bookings) and a masked form.
CREATE TABLE mobile_stop_bookings (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  stop_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9]{8}$'),
  service_id uuid NOT NULL,
  nik_hash text NOT NULL,
  nik_masked text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  phone text CHECK (phone ~ '^\+62[0-9]{8,13}$'),
  email text CHECK (length(email) <= 200),
  status text NOT NULL CHECK (status IN ('booked', 'cancelled', 'checked_in', 'served', 'no_show')),
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, code),
  CHECK (phone IS NOT NULL OR email IS NOT NULL),
  FOREIGN KEY (mpp_id, stop_id) REFERENCES mobile_stops (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id)
);
CREATE INDEX mobile_stop_bookings_stop_idx ON mobile_stop_bookings (mpp_id, stop_id, status);
CREATE INDEX mobile_stop_bookings_nik_idx ON mobile_stop_bookings (mpp_id, nik_hash, status);
-- One active booking per NIK per stop.
CREATE UNIQUE INDEX mobile_stop_bookings_one_per_nik ON mobile_stop_bookings (mpp_id, stop_id, nik_hash)
  WHERE status IN ('booked', 'checked_in');

-- Every transition of a stop booking, with who did it and when.
CREATE TABLE mobile_stop_booking_events (
  mpp_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  booking_id uuid NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'device', 'citizen', 'system')),
  actor_id text,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, booking_id) REFERENCES mobile_stop_bookings (mpp_id, id) ON DELETE CASCADE
);
