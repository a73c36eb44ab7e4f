-- Sign-in throttling keyed by account and client address (issue 18, item 8).
-- Failures are counted per (email, address) pair, so someone guessing from one address slows only
-- themselves: the real user signing in from their own address is not locked out. The key is a hash
-- of the lower-cased email and the address, so the table holds neither, and an unknown email is
-- throttled exactly like a known one (the answer reveals nothing about which accounts exist).
CREATE TABLE login_throttle (
  key_hash text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures >= 0),
  blocked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_throttle_updated_idx ON login_throttle (updated_at);
