-- The public tracking page looks a consultation up by its code alone (like a complaint or an
-- application); the unique key (mpp_id, tracking_code) does not serve a lookup without the MPP.
CREATE INDEX consultations_tracking_code_idx ON consultations (tracking_code);
