-- Rollback of 0015_maintenance.
DROP TABLE IF EXISTS backups;
DROP TABLE IF EXISTS system_logs;
