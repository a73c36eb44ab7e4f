-- Identity's public read contract (docs/architecture.md "Read views"): what other domains may join
-- of people and devices. No password, token hash or lock state is exposed.

CREATE VIEW identity_users_v AS
  SELECT id, name FROM users;

CREATE VIEW identity_device_tokens_v AS
  SELECT mpp_id, id, kind, name, last_used_at, revoked_at FROM device_tokens;
