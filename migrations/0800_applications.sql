-- Applications (permohonan) and the citizen's document wallet: issue 15.
-- An application is a state machine (status) with an event row per step. The applicant's NIK is kept
-- only as a keyed hash (to check it at the pickup kiosk) and a masked form (to show it).

CREATE TABLE applications (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tracking_code text NOT NULL CHECK (tracking_code ~ '^[A-Z0-9]{12}$'),
  service_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  -- Names as they were when the application was opened (what the citizen applied for).
  service_name text NOT NULL,
  tenant_name text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('counter', 'online')),
  source_ticket_id uuid,
  source_booking_id uuid,
  citizen_id uuid REFERENCES citizens (id) ON DELETE SET NULL,
  nik_hash text NOT NULL,
  nik_masked text NOT NULL,
  applicant_name text NOT NULL CHECK (length(applicant_name) BETWEEN 2 AND 200),
  contact_phone text CHECK (length(contact_phone) <= 30),
  contact_email text CHECK (length(contact_email) <= 200),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN
    ('submitted', 'returned', 'requirements_checked', 'in_process', 'ready', 'collected', 'refused')),
  -- The service's requirements when the application was opened: [{typeCode, name, note}].
  requirements jsonb NOT NULL DEFAULT '[]',
  -- What was missing when it was returned incomplete: [typeCode].
  missing jsonb NOT NULL DEFAULT '[]',
  pickup text CHECK (pickup IN ('counter', 'kiosk', 'delivery')),
  status_reason text CHECK (length(status_reason) <= 1000),
  completion_days integer NOT NULL CHECK (completion_days >= 0),
  submitted_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  ready_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, tracking_code),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id),
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id)
);
CREATE INDEX applications_tracking_code_idx ON applications (tracking_code);
CREATE INDEX applications_work_idx ON applications (mpp_id, tenant_id, status, due_at);
CREATE INDEX applications_citizen_idx ON applications (citizen_id) WHERE citizen_id IS NOT NULL;

CREATE TABLE application_events (
  mpp_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  application_id uuid NOT NULL,
  at timestamptz NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  actor_label text,
  note text CHECK (length(note) <= 1000),
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, application_id) REFERENCES applications (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX application_events_app_idx ON application_events (mpp_id, application_id, at);

-- One-time codes sent to the phone on record for a kiosk pickup. Only a hash is kept.
CREATE TABLE application_pickup_codes (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  used_at timestamptz,
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, application_id) REFERENCES applications (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX application_pickup_codes_app_idx ON application_pickup_codes (mpp_id, application_id, created_at DESC);

-- The document wallet. A document belongs to a citizen (a national identity, not an MPP). The
-- content is AES-256-GCM ciphertext; the key lives outside the database (WALLET_KEY_FILE).
CREATE TABLE wallet_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  type_code text NOT NULL REFERENCES requirement_types (code),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  iv bytea NOT NULL,
  auth_tag bytea NOT NULL,
  ciphertext bytea NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX wallet_documents_citizen_idx ON wallet_documents (citizen_id, created_at DESC);

-- A grant lets the agency handling one application read one document until it expires or is revoked.
CREATE TABLE wallet_grants (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  document_id uuid NOT NULL REFERENCES wallet_documents (id) ON DELETE CASCADE,
  application_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, application_id) REFERENCES applications (mpp_id, id) ON DELETE CASCADE,
  CHECK (expires_at > granted_at)
);
CREATE INDEX wallet_grants_app_idx ON wallet_grants (mpp_id, application_id);
CREATE INDEX wallet_grants_citizen_idx ON wallet_grants (citizen_id);

-- Every read of a document by staff, allowed or refused, shown to the citizen. Kept when the
-- document is deleted (document_id is then NULL), so the citizen still sees who read it.
CREATE TABLE wallet_access_log (
  mpp_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  document_id uuid REFERENCES wallet_documents (id) ON DELETE SET NULL,
  type_code text NOT NULL,
  application_id uuid,
  tenant_id uuid,
  tenant_name text NOT NULL,
  user_id uuid,
  user_label text,
  at timestamptz NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'refused')),
  reason text,
  PRIMARY KEY (mpp_id, id)
);
CREATE INDEX wallet_access_log_citizen_idx ON wallet_access_log (citizen_id, at DESC);
