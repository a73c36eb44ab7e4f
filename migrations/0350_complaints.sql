-- Complaints (pengaduan, aspirasi, permintaan informasi): issue 7.
-- A complaint is a state machine (status) with an event row per step; attachments are stored in
-- the database so that a filing and its files commit or roll back together.

CREATE TABLE complaints (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tracking_code text NOT NULL CHECK (tracking_code ~ '^[A-Z0-9]{12}$'),
  channel text NOT NULL CHECK (channel IN ('web', 'kiosk', 'staff', 'open311')),
  class text NOT NULL CHECK (class IN ('pengaduan', 'aspirasi', 'permintaan_informasi')),
  subject_type text NOT NULL CHECK (subject_type IN ('mpp', 'tenant', 'service', 'facility', 'officer')),
  subject_tenant_id uuid,
  subject_service_id uuid,
  subject_detail text CHECK (length(subject_detail) <= 200),
  description text NOT NULL CHECK (length(description) BETWEEN 10 AND 5000),
  contact_name text CHECK (length(contact_name) <= 200),
  contact_email text CHECK (length(contact_email) <= 200),
  contact_phone text CHECK (length(contact_phone) <= 30),
  consent_share_identity boolean NOT NULL DEFAULT false,
  address text CHECK (length(address) <= 300),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  long double precision CHECK (long BETWEEN -180 AND 180),
  status text NOT NULL DEFAULT 'received' CHECK (status IN
    ('received', 'verified', 'not_ours', 'duplicate', 'archived', 'assigned', 'in_progress', 'answered', 'closed')),
  track text CHECK (track IN ('simple', 'dispute', 'dispute_field_check')),
  assigned_tenant_id uuid,
  duplicate_of uuid,
  public_answer text CHECK (length(public_answer) <= 5000),
  status_reason text CHECK (length(status_reason) <= 1000),
  received_at timestamptz NOT NULL,
  verification_due_at timestamptz NOT NULL,
  verified_at timestamptz,
  resolution_due_at timestamptz,
  answered_at timestamptz,
  reopen_until timestamptz,
  closed_at timestamptz,
  overdue_notified text CHECK (overdue_notified IN ('verification', 'resolution')),
  open311_key_id uuid,
  lapor_ref text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, tracking_code),
  FOREIGN KEY (mpp_id, subject_tenant_id) REFERENCES tenants (mpp_id, id),
  FOREIGN KEY (mpp_id, subject_service_id) REFERENCES services (mpp_id, id),
  FOREIGN KEY (mpp_id, assigned_tenant_id) REFERENCES tenants (mpp_id, id),
  FOREIGN KEY (mpp_id, duplicate_of) REFERENCES complaints (mpp_id, id)
);
-- Tracking codes are looked up without knowing the MPP (the citizen has only the code); 60 random
-- bits make a cross-MPP collision negligible, and the lookup refuses an ambiguous code.
CREATE INDEX complaints_tracking_code_idx ON complaints (tracking_code);
CREATE INDEX complaints_mpp_status_idx ON complaints (mpp_id, status, received_at DESC);
CREATE INDEX complaints_assigned_idx ON complaints (mpp_id, assigned_tenant_id) WHERE assigned_tenant_id IS NOT NULL;

CREATE TABLE complaint_events (
  mpp_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  complaint_id uuid NOT NULL,
  at timestamptz NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'device', 'citizen', 'system')),
  actor_id text,
  actor_label text,
  -- public: shown on the tracking page; internal: handlers and the tenant only.
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  note text CHECK (length(note) <= 5000),
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, complaint_id) REFERENCES complaints (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX complaint_events_complaint_idx ON complaint_events (mpp_id, complaint_id, id);

CREATE TABLE complaint_attachments (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL,
  media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, complaint_id) REFERENCES complaints (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX complaint_attachments_complaint_idx ON complaint_attachments (mpp_id, complaint_id);

-- Keys third parties use to POST Open311 requests for one MPP; only a SHA-256 hash is kept.
CREATE TABLE open311_api_keys (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  key_hash text NOT NULL,
  key_prefix text NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, key_hash)
);
ALTER TABLE complaints ADD FOREIGN KEY (mpp_id, open311_key_id) REFERENCES open311_api_keys (mpp_id, id);
