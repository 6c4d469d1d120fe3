-- Shared services: the change log of the typed settings.
CREATE TABLE setting_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  k VARCHAR(64) NOT NULL,
  old_value TEXT NULL,
  new_value TEXT NULL,
  operator_id BIGINT NOT NULL DEFAULT 0,
  operator VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);
CREATE INDEX idx_setting_changes_k ON setting_changes (k, id);
CREATE INDEX idx_setting_changes_created ON setting_changes (created_at);

-- geo: where each login came from (offline lookup, geo.mmdbPath), "unknown" without a database.
ALTER TABLE login_logs ADD COLUMN location VARCHAR(128) NOT NULL DEFAULT '';
-- outbox
-- One row per event a module emitted, written in the module's own transaction; workers on any
-- node claim due rows with a conditional UPDATE (lease_owner/lease_until, attempts) and post
-- them to the subscriber. attempts numbers every attempt ever made (it is never reset, so an
-- attempt number is sent once at most); round_attempts counts the current budget, which an
-- admin's redeliver resets.
CREATE TABLE outbox_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id VARCHAR(40) NOT NULL,
  topic VARCHAR(64) NOT NULL,
  type VARCHAR(64) NOT NULL,
  ref VARCHAR(255) NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'pending',
  attempts INT NOT NULL DEFAULT 0,
  round_attempts INT NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NOT NULL,
  lease_owner VARCHAR(128) NULL,
  lease_until DATETIME NULL,
  last_status_code INT NOT NULL DEFAULT 0,
  last_error VARCHAR(255) NOT NULL DEFAULT '',
  delivered_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_outbox_events_event ON outbox_events (event_id);
CREATE INDEX idx_outbox_events_due ON outbox_events (status, next_attempt_at);
CREATE INDEX idx_outbox_events_topic ON outbox_events (topic, id);

-- One row per attempt; (event_id, attempt) is unique, so no attempt is recorded twice.
CREATE TABLE outbox_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id VARCHAR(40) NOT NULL,
  attempt INT NOT NULL,
  node VARCHAR(128) NOT NULL DEFAULT '',
  url VARCHAR(512) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL,
  status_code INT NOT NULL DEFAULT 0,
  response_body TEXT NULL,
  error VARCHAR(255) NOT NULL DEFAULT '',
  duration_ms BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_outbox_deliveries_attempt ON outbox_deliveries (event_id, attempt);
-- notifications
-- One row per Notify call: what was said (an i18n template with its params, or literal text
-- an operator wrote) and which business object it is about.
CREATE TABLE notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind VARCHAR(64) NOT NULL,
  template VARCHAR(128) NOT NULL DEFAULT '',
  params TEXT NULL,
  title VARCHAR(255) NOT NULL DEFAULT '',
  body TEXT NULL,
  ref_type VARCHAR(32) NOT NULL DEFAULT '',
  ref_id BIGINT NOT NULL DEFAULT 0,
  dedup_key VARCHAR(128) NULL,
  created_at DATETIME NULL
);
CREATE INDEX idx_notices_ref ON notices (ref_type, ref_id);

-- The inbox: one row per notice and recipient. (user_id, dedup_key) is unique so the same
-- business event reaches a user once; a NULL key never collides.
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  notice_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  dedup_key VARCHAR(128) NULL,
  read_at DATETIME NULL,
  created_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_notifications_dedup ON notifications (user_id, dedup_key);
CREATE INDEX idx_notifications_user ON notifications (user_id, id);
CREATE INDEX idx_notifications_unread ON notifications (user_id, read_at);
CREATE INDEX idx_notifications_notice ON notifications (notice_id);

-- Copies over other channels (email, later sms), sent by a worker after commit. A row being
-- sent holds status 'sending' with next_attempt_at as its lease.
CREATE TABLE notification_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  notification_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  channel VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at DATETIME NULL,
  last_error VARCHAR(1000) NOT NULL DEFAULT '',
  node VARCHAR(128) NOT NULL DEFAULT '',
  sent_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_notification_deliveries ON notification_deliveries (notification_id, channel);
CREATE INDEX idx_notification_deliveries_due ON notification_deliveries (status, next_attempt_at);

-- Announcements by the super-admin, sent now or at send_at by the notify.announcements job.
CREATE TABLE announcements (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title VARCHAR(200) NOT NULL,
  content TEXT NOT NULL,
  type VARCHAR(16) NOT NULL,
  audience TEXT NOT NULL,
  email TINYINT NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL,
  send_at DATETIME NOT NULL,
  sent_at DATETIME NULL,
  recipients INT NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL DEFAULT 0,
  creator VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_announcements_due ON announcements (status, send_at);
