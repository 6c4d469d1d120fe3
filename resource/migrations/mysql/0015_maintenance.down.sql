-- Rollback of 0015_maintenance.
DROP TABLE IF EXISTS restore_requests;
DROP TABLE IF EXISTS backups;
DROP TABLE IF EXISTS system_logs;
