-- Queue (antrian): settings, visits, tickets with their event history, counter state, display feed.

-- Per-MPP queue rules. A missing row means the defaults below.
CREATE TABLE queue_mpp_settings (
  mpp_id uuid PRIMARY KEY REFERENCES mpps (id) ON DELETE CASCADE,
  max_recalls integer NOT NULL DEFAULT 3 CHECK (max_recalls BETWEEN 0 AND 10),
  -- Used only until the catalog's MPP waiting-room capacity is known; NULL = no limit.
  waiting_room_capacity integer CHECK (waiting_room_capacity > 0),
  default_service_minutes integer NOT NULL DEFAULT 6 CHECK (default_service_minutes BETWEEN 1 AND 240),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Per-service queue rules: the daily quota (NULL = unlimited).
CREATE TABLE queue_service_settings (
  mpp_id uuid NOT NULL,
  service_id uuid NOT NULL,
  daily_quota integer CHECK (daily_quota BETWEEN 1 AND 100000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, service_id),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);

-- The services a counter (loket) serves, each with a weight that multiplies waiting time in call-next.
CREATE TABLE counter_services (
  mpp_id uuid NOT NULL,
  counter_id uuid NOT NULL,
  service_id uuid NOT NULL,
  weight integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 10),
  PRIMARY KEY (mpp_id, counter_id, service_id),
  FOREIGN KEY (mpp_id, counter_id) REFERENCES counters (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX counter_services_service_idx ON counter_services (mpp_id, service_id);

-- Priority classes (lansia, disabilitas, ibu hamil/anak kecil, ...): weight = minutes of waiting credited.
CREATE TABLE priority_classes (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]{2,30}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  weight integer NOT NULL CHECK (weight BETWEEN 0 AND 240),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, code)
);

-- Every MPP starts with the three classes the regulations name; admins adjust or add more.
CREATE FUNCTION queue_default_priority_classes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO priority_classes (mpp_id, code, name, weight) VALUES
    (NEW.id, 'lansia', 'Lansia (60 tahun ke atas)', 30),
    (NEW.id, 'disabilitas', 'Penyandang disabilitas', 30),
    (NEW.id, 'ibu_hamil_anak', 'Ibu hamil / membawa anak kecil', 20)
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END;
$$;
CREATE TRIGGER mpps_queue_default_priority_classes AFTER INSERT ON mpps
  FOR EACH ROW EXECUTE FUNCTION queue_default_priority_classes();
INSERT INTO priority_classes (mpp_id, code, name, weight)
  SELECT id, c.code, c.name, c.weight FROM mpps,
    (VALUES ('lansia', 'Lansia (60 tahun ke atas)', 30), ('disabilitas', 'Penyandang disabilitas', 30),
            ('ibu_hamil_anak', 'Ibu hamil / membawa anak kecil', 20)) AS c (code, name, weight)
  ON CONFLICT DO NOTHING;

-- The live state of a counter for the queue: open, paused (with a reason) or closed.
CREATE TABLE queue_counter_state (
  mpp_id uuid NOT NULL,
  counter_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
  pause_reason text CHECK (length(pause_reason) <= 200),
  officer_id uuid REFERENCES users (id) ON DELETE SET NULL,
  zone text CHECK (zone ~ '^[a-z0-9-]{1,30}$'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, counter_id),
  FOREIGN KEY (mpp_id, counter_id) REFERENCES counters (mpp_id, id) ON DELETE CASCADE
);

-- One person's stay: the tickets for several services (possibly several agencies) of one visit.
CREATE TABLE visits (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  token text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, token)
);
CREATE INDEX visits_token_idx ON visits (token);

-- The daily counters behind ticket numbers and quotas. One row per MPP, prefix (or service) and
-- local day, bumped with a single-statement upsert so concurrent issuers never share a number.
CREATE TABLE queue_number_seq (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  prefix text NOT NULL,
  local_day date NOT NULL,
  last_seq integer NOT NULL,
  PRIMARY KEY (mpp_id, prefix, local_day)
);
CREATE TABLE queue_service_day (
  mpp_id uuid NOT NULL,
  service_id uuid NOT NULL,
  local_day date NOT NULL,
  issued integer NOT NULL,
  quota integer,
  PRIMARY KEY (mpp_id, service_id, local_day),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);

CREATE TABLE tickets (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  visit_id uuid NOT NULL,
  service_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  prefix text NOT NULL,
  seq integer NOT NULL CHECK (seq > 0),
  number text NOT NULL,
  local_day date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('kiosk', 'reception', 'online')),
  status text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'served', 'no_show', 'cancelled')),
  priority_class_id uuid,
  priority_weight integer NOT NULL DEFAULT 0,
  issued_at timestamptz NOT NULL,
  -- Waiting order: the issue time less the priority credit; kept across a transfer.
  rank_at timestamptz NOT NULL,
  queued_at timestamptz NOT NULL,
  counter_id uuid,
  target_counter_id uuid,
  called_at timestamptz,
  recall_count integer NOT NULL DEFAULT 0,
  status_token text NOT NULL,
  idempotency_key text,
  request_hash text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, prefix, local_day, seq),
  UNIQUE (mpp_id, idempotency_key),
  UNIQUE (mpp_id, status_token),
  FOREIGN KEY (mpp_id, visit_id) REFERENCES visits (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id),
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id),
  FOREIGN KEY (mpp_id, priority_class_id) REFERENCES priority_classes (mpp_id, id),
  FOREIGN KEY (mpp_id, counter_id) REFERENCES counters (mpp_id, id),
  FOREIGN KEY (mpp_id, target_counter_id) REFERENCES counters (mpp_id, id)
);
CREATE INDEX tickets_waiting_idx ON tickets (mpp_id, service_id, rank_at) WHERE status = 'waiting';
CREATE INDEX tickets_day_idx ON tickets (mpp_id, local_day, status);
CREATE INDEX tickets_token_idx ON tickets (status_token);
-- A counter holds at most one current ticket.
CREATE UNIQUE INDEX tickets_one_current_per_counter ON tickets (mpp_id, counter_id) WHERE status IN ('called', 'serving');

-- Every transition of a ticket, with time and actor: the source of waiting and service times.
CREATE TABLE ticket_events (
  mpp_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  ticket_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('issued', 'called', 'recalled', 'serving', 'transferred', 'served', 'no_show', 'cancelled')),
  at timestamptz NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  counter_id uuid,
  service_id uuid NOT NULL,
  from_service_id uuid,
  note text,
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, ticket_id) REFERENCES tickets (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (mpp_id, ticket_id, id);
CREATE INDEX ticket_events_service_at_idx ON ticket_events (mpp_id, service_id, type, at DESC);
CREATE INDEX ticket_events_actor_idx ON ticket_events (mpp_id, actor_id, at);

-- What the display boards show, numbered per MPP so a reconnecting board replays from Last-Event-ID.
-- The per-MPP sequence row is locked until commit, so events commit in sequence order.
CREATE TABLE display_seq (
  mpp_id uuid PRIMARY KEY REFERENCES mpps (id) ON DELETE CASCADE,
  last_seq bigint NOT NULL
);
CREATE TABLE display_events (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  zone text,
  type text NOT NULL,
  payload jsonb NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, seq)
);
