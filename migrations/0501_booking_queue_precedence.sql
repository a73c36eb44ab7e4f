-- Booked people get precedence in the queue through the queue's own priority classes: a class
-- 'booking' (30 minutes of waiting credited, the default check-in window) for every MPP, present and
-- future. At check-in within the window the ticket is issued with this class; MPP admins tune its
-- weight, or switch it off, in the queue's priority-class settings like any other class.
INSERT INTO priority_classes (mpp_id, code, name, weight)
  SELECT id, 'booking', 'Booking online', 30 FROM mpps
  ON CONFLICT DO NOTHING;

CREATE FUNCTION booking_default_priority_class() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO priority_classes (mpp_id, code, name, weight) VALUES (NEW.id, 'booking', 'Booking online', 30)
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END;
$$;
CREATE TRIGGER mpps_booking_default_priority_class AFTER INSERT ON mpps
  FOR EACH ROW EXECUTE FUNCTION booking_default_priority_class();
