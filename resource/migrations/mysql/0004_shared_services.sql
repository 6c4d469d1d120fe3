-- Shared services: the change log of the typed settings.
CREATE TABLE setting_changes (
  id BIGINT NOT NULL AUTO_INCREMENT,
  k VARCHAR(64) NOT NULL,
  old_value TEXT NULL,
  new_value TEXT NULL,
  operator_id BIGINT NOT NULL DEFAULT 0,
  operator VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_setting_changes_k (k, id),
  KEY idx_setting_changes_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- geo: where each login came from (offline lookup, geo.mmdbPath), "unknown" without a database.
ALTER TABLE login_logs ADD COLUMN location VARCHAR(128) NOT NULL DEFAULT '';
-- outbox
-- One row per event a module emitted, written in the module's own transaction; workers on any
-- node claim due rows with a conditional UPDATE (lease_owner/lease_until, attempts) and post
-- them to the subscriber. attempts numbers every attempt ever made (it is never reset, so an
-- attempt number is sent once at most); round_attempts counts the current budget, which an
-- admin's redeliver resets.
CREATE TABLE outbox_events (
  id BIGINT NOT NULL AUTO_INCREMENT,
  event_id VARCHAR(40) NOT NULL,
  topic VARCHAR(64) NOT NULL,
  type VARCHAR(64) NOT NULL,
  ref VARCHAR(255) NOT NULL DEFAULT '',
  body MEDIUMTEXT NOT NULL,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_outbox_events_event (event_id),
  KEY idx_outbox_events_due (status, next_attempt_at),
  KEY idx_outbox_events_topic (topic, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per attempt; (event_id, attempt) is unique, so no attempt is recorded twice.
CREATE TABLE outbox_deliveries (
  id BIGINT NOT NULL AUTO_INCREMENT,
  event_id VARCHAR(40) NOT NULL,
  attempt INT NOT NULL,
  node VARCHAR(128) NOT NULL DEFAULT '',
  url VARCHAR(512) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL,
  status_code INT NOT NULL DEFAULT 0,
  response_body TEXT NULL,
  error VARCHAR(255) NOT NULL DEFAULT '',
  duration_ms BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_outbox_deliveries_attempt (event_id, attempt)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- notifications
-- One row per Notify call: what was said (an i18n template with its params, or literal text
-- an operator wrote) and which business object it is about.
CREATE TABLE notices (
  id BIGINT NOT NULL AUTO_INCREMENT,
  kind VARCHAR(64) NOT NULL,
  template VARCHAR(128) NOT NULL DEFAULT '',
  params TEXT NULL,
  title VARCHAR(255) NOT NULL DEFAULT '',
  body TEXT NULL,
  ref_type VARCHAR(32) NOT NULL DEFAULT '',
  ref_id BIGINT NOT NULL DEFAULT 0,
  dedup_key VARCHAR(128) NULL,
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_notices_ref (ref_type, ref_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The inbox: one row per notice and recipient. (user_id, dedup_key) is unique so the same
-- business event reaches a user once; a NULL key never collides.
CREATE TABLE notifications (
  id BIGINT NOT NULL AUTO_INCREMENT,
  notice_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  dedup_key VARCHAR(128) NULL,
  read_at DATETIME NULL,
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_notifications_dedup (user_id, dedup_key),
  KEY idx_notifications_user (user_id, id),
  KEY idx_notifications_unread (user_id, read_at),
  KEY idx_notifications_notice (notice_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Copies over other channels (email, later sms), sent by a worker after commit. A row being
-- sent holds status 'sending' with next_attempt_at as its lease.
CREATE TABLE notification_deliveries (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_notification_deliveries (notification_id, channel),
  KEY idx_notification_deliveries_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Announcements by the super-admin, sent now or at send_at by the notify.announcements job.
CREATE TABLE announcements (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_announcements_due (status, send_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
