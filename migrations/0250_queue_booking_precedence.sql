-- Booking precedence: a ticket issued by booking check-in carries its booking's slot start, and
-- call-next ranks it as if its holder had arrived then (see docs/queue.md). Only the booking
-- check-in path sets it; the public issue routes cannot.
ALTER TABLE tickets ADD COLUMN booked_for timestamptz;
