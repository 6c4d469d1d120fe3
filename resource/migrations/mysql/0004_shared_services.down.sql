-- Rollback of 0004_shared_services: its tables, and the login location column.
DROP TABLE IF EXISTS announcements;
DROP TABLE IF EXISTS notification_deliveries;
DROP TABLE IF EXISTS notifications;
DROP TABLE IF EXISTS notices;
DROP TABLE IF EXISTS outbox_deliveries;
DROP TABLE IF EXISTS outbox_events;
DROP TABLE IF EXISTS setting_changes;
ALTER TABLE login_logs DROP COLUMN location;
