-- Mobile's public read contract (docs/architecture.md "Read views"): the booking domain counts a NIK's
-- active stop bookings toward its per-NIK active limit for counter bookings, as stop bookings already
-- count counter bookings. `active` is mobile's own word for which statuses hold a place (booked,
-- checked_in), so a reader never repeats mobile's status list. Names and contacts stay private.

CREATE VIEW mobile_stop_bookings_v AS
  SELECT mpp_id, id, stop_id, service_id, nik_hash, status, status IN ('booked', 'checked_in') AS active
    FROM mobile_stop_bookings;
