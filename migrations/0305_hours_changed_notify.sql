-- Opening hours, special days and the calendar change a few times a year but were read on every
-- ticket issued. The queue keeps them in each app node's memory (src/catalog/hours-cache.ts) and
-- these triggers (on catalog and calendar tables, for the queue) tell every node, through NOTIFY 'hours_changed', which MPP to forget ('' = all:
-- a national calendar day). NOTIFY is delivered only on commit, so a rolled-back edit costs nothing.
CREATE FUNCTION hours_changed_notify_mpp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hours_changed', OLD.id::text);
  RETURN NULL;
END;
$$;

CREATE FUNCTION hours_changed_notify_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('hours_changed', coalesce(OLD.mpp_id::text, ''));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('hours_changed', coalesce(NEW.mpp_id::text, ''));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER mpps_hours_changed AFTER UPDATE OF timezone, weekly_hours OR DELETE ON mpps
  FOR EACH ROW EXECUTE FUNCTION hours_changed_notify_mpp();
CREATE TRIGGER mpp_special_days_hours_changed AFTER INSERT OR UPDATE OR DELETE ON mpp_special_days
  FOR EACH ROW EXECUTE FUNCTION hours_changed_notify_day();
CREATE TRIGGER calendar_days_hours_changed AFTER INSERT OR UPDATE OR DELETE ON calendar_days
  FOR EACH ROW EXECUTE FUNCTION hours_changed_notify_day();
