-- Survei Kepuasan Masyarakat (PermenPANRB 14/2017).
-- Anonymity by construction: a response row carries no token, ticket, booking, counter, device or
-- instant. It keeps only what the index needs (service, tenant, the MPP-local day of the service)
-- and the answers. The token row only learns that it was used, not when or by whom.

-- One per served ticket or booking: the right to answer once.
CREATE TABLE survey_tokens (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- sha256 of the code printed on the ticket / sent after the visit; the code itself is not kept.
  token_hash text NOT NULL,
  source_kind text NOT NULL CHECK (source_kind IN ('ticket', 'booking')),
  source_id uuid NOT NULL,
  service_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  -- NULL while the ticket is not finished: such a token cannot be answered yet.
  served_at timestamptz,
  responded boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, token_hash),
  UNIQUE (mpp_id, source_kind, source_id),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id) ON DELETE CASCADE,
  CHECK (NOT responded OR served_at IS NOT NULL)
);
-- Citizens arrive with the code only; it is random, so a global lookup by hash is safe.
CREATE INDEX survey_tokens_hash_idx ON survey_tokens (token_hash);
CREATE INDEX survey_tokens_served_idx ON survey_tokens (mpp_id, served_at) WHERE served_at IS NOT NULL;

CREATE TABLE survey_responses (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  service_id uuid NOT NULL,
  -- The MPP-local day the service was given; periods (month, quarter, semester, year) are cut on it.
  served_on date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('tablet', 'kiosk', 'link')),
  -- U1..U9 on the 1-4 scale; NULL = skipped, left out of that unsur's average.
  u1 smallint CHECK (u1 BETWEEN 1 AND 4),
  u2 smallint CHECK (u2 BETWEEN 1 AND 4),
  u3 smallint CHECK (u3 BETWEEN 1 AND 4),
  u4 smallint CHECK (u4 BETWEEN 1 AND 4),
  u5 smallint CHECK (u5 BETWEEN 1 AND 4),
  u6 smallint CHECK (u6 BETWEEN 1 AND 4),
  u7 smallint CHECK (u7 BETWEEN 1 AND 4),
  u8 smallint CHECK (u8 BETWEEN 1 AND 4),
  u9 smallint CHECK (u9 BETWEEN 1 AND 4),
  gender text CHECK (gender IN ('L', 'P')),
  age_group text CHECK (age_group IN ('<20', '20-29', '30-39', '40-49', '50-59', '60+')),
  education text CHECK (education IN ('sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3')),
  occupation text CHECK (occupation IN ('pns', 'tni', 'polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya')),
  suggestion text CHECK (length(suggestion) <= 2000),
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, tenant_id) REFERENCES tenants (mpp_id, id) ON DELETE CASCADE,
  CHECK (num_nonnulls(u1, u2, u3, u4, u5, u6, u7, u8, u9) >= 1)
);
CREATE INDEX survey_responses_period_idx ON survey_responses (mpp_id, served_on);
CREATE INDEX survey_responses_served_on_idx ON survey_responses (served_on);

-- An MPP's wording of the answer labels for one service; the unsur and the 1-4 scale stay fixed.
CREATE TABLE survey_answer_labels (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL,
  unsur smallint NOT NULL CHECK (unsur BETWEEN 1 AND 9),
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 4),
  label_id text NOT NULL CHECK (length(label_id) BETWEEN 1 AND 120),
  label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 120),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, service_id, unsur, score),
  FOREIGN KEY (mpp_id, service_id) REFERENCES services (mpp_id, id) ON DELETE CASCADE
);

-- A kiosk device placed at a counter as the survey tablet.
CREATE TABLE survey_tablets (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  device_id uuid NOT NULL,
  counter_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, device_id),
  FOREIGN KEY (mpp_id, device_id) REFERENCES device_tokens (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, counter_id) REFERENCES counters (mpp_id, id) ON DELETE CASCADE
);

-- The finished ticket the officer console handed to the counter's tablet: at most one per counter,
-- removed once answered. The tablet never learns the token code.
CREATE TABLE survey_handoffs (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  counter_id uuid NOT NULL,
  token_id uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, counter_id),
  FOREIGN KEY (mpp_id, counter_id) REFERENCES counters (mpp_id, id) ON DELETE CASCADE,
  FOREIGN KEY (mpp_id, token_id) REFERENCES survey_tokens (mpp_id, id) ON DELETE CASCADE
);

-- A period's result as published to the public page; a snapshot so it does not move afterwards.
CREATE TABLE survey_publications (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  period text NOT NULL,
  period_end date NOT NULL,
  snapshot jsonb NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, period)
);
