-- The queue's public read contract (docs/architecture.md "Read views"): what operations (the floor,
-- metrics), survey (the served-ticket link) and others join of tickets and counters at work. A plain
-- view is inlined by the planner, so these joins cost what they cost on the tables.
-- Idempotency keys and request hashes stay private to the queue.

CREATE VIEW queue_tickets_v AS
  SELECT mpp_id, id, visit_id, service_id, tenant_id, prefix, seq, number, local_day, channel, status,
         priority_class_id, priority_weight, issued_at, rank_at, queued_at, counter_id, target_counter_id,
         called_at, recall_count, status_token, updated_at, booked_for, parked_at
    FROM tickets;

CREATE VIEW queue_ticket_events_v AS
  SELECT mpp_id, id, ticket_id, type, at, actor_type, actor_id, counter_id, service_id, from_service_id FROM ticket_events;

CREATE VIEW queue_counter_state_v AS
  SELECT mpp_id, counter_id, status, pause_reason, officer_id, zone, updated_at FROM queue_counter_state;

CREATE VIEW queue_counter_services_v AS
  SELECT mpp_id, counter_id, service_id, weight FROM counter_services;

CREATE VIEW queue_mpp_settings_v AS
  SELECT mpp_id, max_recalls, waiting_room_capacity, default_service_minutes FROM queue_mpp_settings;
