-- Signed webhooks for integrators (docs/operations.md "Webhooks"). An MPP admin subscribes a URL to
-- event types; every ticket, booking, complaint and survey event of that MPP becomes one delivery row
-- per matching subscription and one outbox row, written by a trigger in the transaction that records
-- the event (so an event is announced only if it happened, and the domains that record them are not
-- changed). The outbox worker POSTs it signed with the subscription's secret and retries with backoff.

CREATE TABLE webhook_subscriptions (
  mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 500),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
  -- Prefixes of event types: 'ticket', 'booking', 'complaint', 'survey'.
  events text[] NOT NULL CHECK (events <@ ARRAY['ticket', 'booking', 'complaint', 'survey']::text[] AND cardinality(events) > 0),
  -- HMAC-SHA256 key; shown once at creation. Kept readable because every delivery is signed with it.
  secret text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_by text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (mpp_id, id)
);

CREATE TABLE webhook_deliveries (
  mpp_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  subscription_id uuid NOT NULL,
  -- The event's own id: the same in a replay, so a receiver can drop a repeat.
  event_id text NOT NULL,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error text,
  replay_of uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  delivered_at timestamptz,
  PRIMARY KEY (mpp_id, id),
  FOREIGN KEY (mpp_id, subscription_id) REFERENCES webhook_subscriptions (mpp_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (mpp_id, subscription_id, created_at DESC);

-- Queues one event for every active subscription of the MPP that wants its kind.
CREATE FUNCTION webhook_enqueue(p_mpp uuid, p_event_id text, p_type text, p_at timestamptz, p_data jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s record;
  d uuid;
BEGIN
  FOR s IN SELECT id FROM webhook_subscriptions
            WHERE mpp_id = p_mpp AND active AND split_part(p_type, '.', 1) = ANY (events) LOOP
    INSERT INTO webhook_deliveries (mpp_id, subscription_id, event_id, event_type, payload)
    VALUES (p_mpp, s.id, p_event_id, p_type,
            jsonb_build_object('id', p_event_id, 'type', p_type, 'mppId', p_mpp, 'occurredAt', p_at, 'data', p_data))
    RETURNING id INTO d;
    INSERT INTO outbox (mpp_id, topic, payload) VALUES (p_mpp, 'webhook.deliver', jsonb_build_object('deliveryId', d));
  END LOOP;
END;
$$;

-- The events, with no personal data: ids, numbers and codes, states and times only.
CREATE FUNCTION webhook_ticket_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhook_subscriptions WHERE mpp_id = NEW.mpp_id AND active) THEN
    PERFORM webhook_enqueue(NEW.mpp_id, 'ticket-' || NEW.id, 'ticket.' || NEW.type, NEW.at,
      (SELECT jsonb_build_object('ticketId', t.id, 'number', t.number, 'serviceId', NEW.service_id, 'counterId', NEW.counter_id, 'status', t.status)
         FROM tickets t WHERE t.mpp_id = NEW.mpp_id AND t.id = NEW.ticket_id));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER ticket_events_webhooks AFTER INSERT ON ticket_events FOR EACH ROW EXECUTE FUNCTION webhook_ticket_event();

CREATE FUNCTION webhook_booking_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhook_subscriptions WHERE mpp_id = NEW.mpp_id AND active) THEN
    PERFORM webhook_enqueue(NEW.mpp_id, 'booking-' || NEW.id, 'booking.' || NEW.action, NEW.at,
      (SELECT jsonb_build_object('bookingId', b.id, 'code', b.code, 'serviceId', b.service_id, 'slotStart', b.slot_start, 'from', NEW.from_status, 'status', NEW.to_status)
         FROM bookings b WHERE b.mpp_id = NEW.mpp_id AND b.id = NEW.booking_id));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER booking_events_webhooks AFTER INSERT ON booking_events FOR EACH ROW EXECUTE FUNCTION webhook_booking_event();

CREATE FUNCTION webhook_complaint_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.visibility = 'public' AND EXISTS (SELECT 1 FROM webhook_subscriptions WHERE mpp_id = NEW.mpp_id AND active) THEN
    PERFORM webhook_enqueue(NEW.mpp_id, 'complaint-' || NEW.id, 'complaint.' || NEW.action, NEW.at,
      (SELECT jsonb_build_object('complaintId', c.id, 'trackingCode', c.tracking_code, 'class', c.class, 'from', NEW.from_status, 'status', NEW.to_status)
         FROM complaints c WHERE c.mpp_id = NEW.mpp_id AND c.id = NEW.complaint_id));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER complaint_events_webhooks AFTER INSERT ON complaint_events FOR EACH ROW EXECUTE FUNCTION webhook_complaint_event();

CREATE FUNCTION webhook_survey_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM webhook_subscriptions WHERE mpp_id = NEW.mpp_id AND active) THEN
    PERFORM webhook_enqueue(NEW.mpp_id, 'survey-' || NEW.id, 'survey.submitted', now(),
      jsonb_build_object('responseId', NEW.id, 'serviceId', NEW.service_id, 'tenantId', NEW.tenant_id, 'servedOn', NEW.served_on, 'channel', NEW.channel));
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER survey_responses_webhooks AFTER INSERT ON survey_responses FOR EACH ROW EXECUTE FUNCTION webhook_survey_response();
