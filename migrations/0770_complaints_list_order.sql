-- The staff complaint list pages newest first over all statuses (LIMIT/OFFSET with a total): an index
-- in that order per MPP, with id to break ties so pages never overlap.
CREATE INDEX complaints_mpp_received_idx ON complaints (mpp_id, received_at DESC, id DESC);
