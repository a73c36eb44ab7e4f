-- Platform kernel: MPP shard root, identity and access, audit log, outbox.
-- Convention: every MPP-owned table has mpp_id, PRIMARY KEY (mpp_id, id), and every unique key
-- includes mpp_id, so the data can be sharded by MPP. Foreign keys between MPP-owned tables are
-- composite (mpp_id, x_id), which also stops a row pointing at another MPP's data.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE mpps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  timezone text NOT NULL CHECK (timezone IN ('Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenants (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  kind text NOT NULL CHECK (kind IN ('central_agency', 'regional_office', 'bumn', 'bumd', 'private')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, code)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  must_change_password boolean NOT NULL DEFAULT false,
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- A role held by a user: national (no MPP), for a whole MPP, or for one tenant of an MPP.
CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('national_admin', 'mpp_admin', 'tenant_admin', 'officer')),
  mpp_id uuid REFERENCES mpps (id) ON DELETE CASCADE,
  tenant_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id) ON DELETE CASCADE,
  CHECK (
    (role = 'national_admin' AND mpp_id IS NULL AND tenant_id IS NULL)
    OR (role = 'mpp_admin' AND mpp_id IS NOT NULL AND tenant_id IS NULL)
    OR (role IN ('tenant_admin', 'officer') AND mpp_id IS NOT NULL AND tenant_id IS NOT NULL)
  ),
  UNIQUE NULLS NOT DISTINCT (mpp_id, user_id, role, tenant_id)
);
CREATE INDEX role_grants_user_idx ON role_grants (user_id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Kiosks and display boards authenticate with a bearer token of narrow scope.
CREATE TABLE device_tokens (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('kiosk', 'display')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  token_hash text NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, token_hash)
);
CREATE INDEX device_tokens_hash_idx ON device_tokens (token_hash);

-- Append-only: triggers below refuse UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  mpp_id uuid,
  tenant_id uuid,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'device', 'citizen', 'system')),
  actor_id text,
  actor_label text,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  before jsonb,
  after jsonb,
  request_id text
);
CREATE INDEX audit_log_mpp_at_idx ON audit_log (mpp_id, at DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Side effects (notifications, webhooks) leave a use case through this table, written in the same
-- transaction, and are delivered by a worker with retries.
CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mpp_id uuid,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  delivered_at timestamptz,
  failed_at timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
