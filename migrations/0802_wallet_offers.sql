-- Issue 15: documents an agency adds to a citizen's wallet (e.g. the issued certificate), held as an
-- offer until the citizen consents. The content is AES-256-GCM ciphertext like wallet documents; it is
-- deleted (iv, auth_tag, ciphertext set to NULL) as soon as the offer is accepted (copied into the
-- wallet), declined or expired, so an offer never keeps a second copy of a document.
CREATE TABLE wallet_offers (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  tenant_name text NOT NULL,
  type_code text NOT NULL REFERENCES requirement_types (code),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  iv bytea,
  auth_tag bytea,
  ciphertext bytea,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'expired')),
  offered_at timestamptz NOT NULL,
  offered_by uuid,
  expires_at timestamptz NOT NULL,
  decided_at timestamptz,
  citizen_id uuid REFERENCES citizens (id) ON DELETE SET NULL,
  document_id uuid REFERENCES wallet_documents (id) ON DELETE SET NULL,
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, application_id) REFERENCES applications (mpp_id, id) ON DELETE CASCADE,
  CHECK ((status = 'pending') = (ciphertext IS NOT NULL)),
  CHECK (expires_at > offered_at)
);
CREATE INDEX wallet_offers_app_idx ON wallet_offers (mpp_id, application_id);
CREATE INDEX wallet_offers_pending_idx ON wallet_offers (expires_at) WHERE status = 'pending';

-- Which agency added a wallet document (NULL: the citizen uploaded it).
ALTER TABLE wallet_documents ADD COLUMN source_tenant_name text;

-- Retention (docs/applications.md): closed applications' product copies are purged by a job.
CREATE INDEX applications_closed_idx ON applications (closed_at) WHERE closed_at IS NOT NULL;
