DROP TABLE IF EXISTS security_sms_log;
DROP TABLE IF EXISTS security_alerts;
DROP TABLE IF EXISTS security_locks;
DROP TABLE IF EXISTS security_events;
