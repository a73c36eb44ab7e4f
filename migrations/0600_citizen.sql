-- Citizens (issue 11: "Layanan saya" and the messages that follow a citizen).
-- A citizen is a national identity (not owned by one MPP): the verified phone numbers and email
-- addresses a person proved they hold with a one-time code. No password, no NIK. Later domains
-- (applications, the document wallet of issue 15) key their rows by citizens.id.

CREATE TABLE citizens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  lang text NOT NULL DEFAULT 'id' CHECK (lang IN ('id', 'en')),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

-- A destination a citizen proved they hold. One destination belongs to one citizen.
CREATE TABLE citizen_contacts (
  kind text NOT NULL CHECK (kind IN ('phone', 'email')),
  -- phone: E.164 (+62...); email: lower-cased.
  value text NOT NULL CHECK (length(value) BETWEEN 5 AND 200),
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  verified_at timestamptz NOT NULL,
  PRIMARY KEY (kind, value)
);
CREATE INDEX citizen_contacts_citizen_idx ON citizen_contacts (citizen_id);

-- One-time sign-in codes. Only a hash of the code is kept. A code is sent to any well-formed
-- destination, known or not, so the answer never tells whether someone is registered.
CREATE TABLE citizen_login_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('phone', 'email')),
  value text NOT NULL,
  code_hash text NOT NULL,
  -- Hash of the requesting address: the per-address rate limit counts these.
  client_hash text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('id', 'en')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  used_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX citizen_login_codes_dest_idx ON citizen_login_codes (kind, value, created_at DESC);
CREATE INDEX citizen_login_codes_client_idx ON citizen_login_codes (client_hash, created_at DESC);

-- Signed-in browsers. Only the hash of the cookie's token is kept.
CREATE TABLE citizen_sessions (
  token_hash text PRIMARY KEY,
  citizen_id uuid NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX citizen_sessions_citizen_idx ON citizen_sessions (citizen_id);

-- The VAPID key pair of this installation, generated at first start and kept (one row).
CREATE TABLE citizen_vapid_keys (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL
);

-- Web Push subscriptions of a browser, given by the ticket status page or Layanan saya.
CREATE TABLE citizen_push_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  endpoint text NOT NULL UNIQUE CHECK (length(endpoint) <= 1000),
  p256dh text NOT NULL CHECK (length(p256dh) <= 200),
  auth text NOT NULL CHECK (length(auth) <= 100),
  citizen_id uuid REFERENCES citizens (id) ON DELETE CASCADE,
  lang text NOT NULL CHECK (lang IN ('id', 'en')),
  created_at timestamptz NOT NULL
);
CREATE INDEX citizen_push_citizen_idx ON citizen_push_subscriptions (citizen_id) WHERE citizen_id IS NOT NULL;

-- A ticket holder asked to be told when the turn is near, when called and after service (consent
-- given on the status page, for this ticket only). One row per ticket.
CREATE TABLE citizen_ticket_watches (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  ticket_id uuid NOT NULL,
  local_day date NOT NULL,
  phone text CHECK (phone ~ '^\+62[0-9]{8,13}$'),
  email text CHECK (length(email) <= 200),
  push_subscription_id uuid REFERENCES citizen_push_subscriptions (id) ON DELETE SET NULL,
  lang text NOT NULL CHECK (lang IN ('id', 'en')),
  -- "Your turn is near" goes out once the people ahead are at most this many.
  near_threshold integer NOT NULL CHECK (near_threshold BETWEEN 1 AND 20),
  consent_at timestamptz NOT NULL,
  near_sent_at timestamptz,
  called_sent_at timestamptz,
  survey_sent_at timestamptz,
  PRIMARY KEY (mpp_id, id),
  UNIQUE (mpp_id, ticket_id),
  FOREIGN KEY (mpp_id, ticket_id) REFERENCES tickets (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX citizen_ticket_watches_day_idx ON citizen_ticket_watches (mpp_id, local_day) WHERE called_sent_at IS NULL;
CREATE INDEX citizen_ticket_watches_phone_idx ON citizen_ticket_watches (phone) WHERE phone IS NOT NULL;
CREATE INDEX citizen_ticket_watches_email_idx ON citizen_ticket_watches (lower(email)) WHERE email IS NOT NULL;
