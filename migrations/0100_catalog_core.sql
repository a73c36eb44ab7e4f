-- Catalog core shared by the queue and booking domains: services (jenis layanan) and counters (loket).
-- The catalog domain extends these tables with the Standar Pelayanan and the rest.

CREATE TABLE services (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,29}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  ticket_prefix text NOT NULL CHECK (ticket_prefix ~ '^[A-Z]{1,3}$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, code),
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX services_tenant_idx ON services (mpp_id, tenant_id);

CREATE TABLE counters (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  number integer NOT NULL CHECK (number BETWEEN 1 AND 999),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, number),
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX counters_tenant_idx ON counters (mpp_id, tenant_id);
