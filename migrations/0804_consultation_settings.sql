-- Consultation, issue 15 item 5 (the two missing parts).
-- 1. Each agency (tenant) sets its own answer limit in working days; without a row the limit is 3.
CREATE TABLE consultation_settings (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL,
  answer_working_days integer NOT NULL CHECK (answer_working_days BETWEEN 1 AND 30),
  updated_at timestamptz NOT NULL,
  updated_by text,
  PRIMARY KEY (mpp_id, tenant_id),
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id) ON DELETE CASCADE
);

-- 2. An agency publishes a good answer as its service's FAQ: a copy of the question (optionally edited)
-- and the answer text only, never the citizen, their contact or attachment. Unpublishing deletes the row.
CREATE TABLE consultation_faqs (
  mpp_id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  service_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  question text NOT NULL CHECK (length(question) BETWEEN 10 AND 2000),
  answer text NOT NULL CHECK (length(answer) BETWEEN 1 AND 4000),
  published_at timestamptz NOT NULL,
  published_by text,
  PRIMARY KEY (mpp_id, consultation_id),
  FOREIGN KEY (mpp_id, consultation_id) REFERENCES consultations (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX consultation_faqs_service_idx ON consultation_faqs (mpp_id, service_id, published_at DESC);
