-- The catalog's public read contract (docs/architecture.md "Read views"). Other domains join these
-- views instead of naming catalog tables, so the catalog may change its tables behind them. A plain
-- view is inlined by the planner: a join through it costs what the join on the table costs.
-- Columns are only ever added at the end (CREATE OR REPLACE VIEW), never renamed or dropped.

CREATE VIEW catalog_mpps_v AS
  SELECT id, slug, name, timezone, region_code, published, waiting_capacity FROM mpps;

CREATE VIEW catalog_tenants_v AS
  SELECT mpp_id, id, code, name, kind, active FROM tenants;

-- booking_settings is stored here for the booking domain, which defines its shape (src/booking/settings.ts).
CREATE VIEW catalog_services_v AS
  SELECT mpp_id, id, tenant_id, code, name, ticket_prefix, active, handling_minutes, completion_value, completion_unit, booking_settings
    FROM services;

CREATE VIEW catalog_counters_v AS
  SELECT mpp_id, id, tenant_id, number, name, active FROM counters;
