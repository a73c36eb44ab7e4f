-- Operations, storage: every ticket event updates one ops_hourly row and one ops_daily row, so both
-- tables churn. Leave room on each page for HOT updates and vacuum them early, or the month's scan reads
-- mostly dead row versions (measured in bench/ops-stats.ts: docs/benchmarks.md).
ALTER TABLE ops_daily SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE ops_hourly SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
-- The arrivals heatmap reads only the issue rows of a period: an index-only scan over them.
CREATE INDEX ops_hourly_arrivals_idx ON ops_hourly (mpp_id, hour) INCLUDE (tenant_id, service_id, issued) WHERE issued > 0;
