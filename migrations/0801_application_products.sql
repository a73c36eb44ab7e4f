-- The printable product an agency attaches to an application (issue 15): printed at the self-service
-- kiosk when the applicant collects it. Encrypted like wallet documents (key outside the database).
CREATE TABLE application_products (
  mpp_id uuid NOT NULL,
  application_id uuid NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  iv bytea NOT NULL,
  auth_tag bytea NOT NULL,
  ciphertext bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, application_id),
  FOREIGN KEY (mpp_id, application_id) REFERENCES applications (mpp_id, id) ON DELETE CASCADE
);
