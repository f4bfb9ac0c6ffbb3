-- Back to instances that coordinate through nothing but the data: keys in DATA_DIR, limits and jobs per instance.
DROP TABLE job_runs;
DROP INDEX ix_sign_in_windows_window_start;
DROP TABLE sign_in_windows;
DROP TABLE instance_heartbeats;
DROP TABLE data_protection_keys;
ALTER TABLE schema_migrations DROP COLUMN migration_class;
