-- Rollback of 0015_maintenance.
DROP TABLE IF EXISTS system_logs;
