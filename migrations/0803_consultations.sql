-- Consultation (konsultasi), issue 15 item 5 and one of MPP Digital's criteria: a signed-in citizen asks
-- an agency a written question about a service (optionally with one attachment, encrypted at rest like
-- wallet documents) or asks for an online consultation (a video meeting whose link the agency sets).
-- A state machine with an event row per step; answered within a number of working days.
CREATE TABLE consultations (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tracking_code text NOT NULL CHECK (tracking_code ~ '^[A-Z0-9]{12}$'),
  kind text NOT NULL CHECK (kind IN ('question', 'meeting')),
  service_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  service_name text NOT NULL,
  tenant_name text NOT NULL,
  citizen_id uuid REFERENCES citizens (id) ON DELETE SET NULL,
  contact_phone text CHECK (length(contact_phone) <= 30),
  contact_email text CHECK (length(contact_email) <= 200),
  question text NOT NULL CHECK (length(question) BETWEEN 10 AND 2000),
  -- meeting: the slot the citizen asked for; the agency confirms it with a meeting link.
  slot_start timestamptz,
  meeting_url text CHECK (meeting_url ~ '^https://'),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'scheduled', 'answered', 'withdrawn')),
  answer text CHECK (length(answer) <= 4000),
  answered_by text,
  submitted_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  answered_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, tracking_code),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id),
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id),
  CHECK ((kind = 'meeting') = (slot_start IS NOT NULL))
);
CREATE INDEX consultations_work_idx ON consultations (mpp_id, tenant_id, status, due_at);
CREATE INDEX consultations_citizen_idx ON consultations (citizen_id) WHERE citizen_id IS NOT NULL;

CREATE TABLE consultation_events (
  mpp_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  consultation_id uuid NOT NULL,
  at timestamptz NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  actor_label text,
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, consultation_id) REFERENCES consultations (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX consultation_events_idx ON consultation_events (mpp_id, consultation_id, at);

CREATE TABLE consultation_attachments (
  mpp_id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  iv bytea NOT NULL,
  auth_tag bytea NOT NULL,
  ciphertext bytea NOT NULL,
  PRIMARY KEY (mpp_id, consultation_id),
  FOREIGN KEY (mpp_id, consultation_id) REFERENCES consultations (mpp_id, id) ON DELETE CASCADE
);
