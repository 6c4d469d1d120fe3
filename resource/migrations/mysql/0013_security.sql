-- Security monitoring (issue 16): the security log. One row per account anomaly (a login from a
-- new region, a burst of sensitive operations, ...): who, what, from where, and the measure taken.
-- Listed and exported through the caller's data scope (user_id), like the login log.
CREATE TABLE security_events (
  id BIGINT NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL DEFAULT 0,
  username VARCHAR(128) NOT NULL DEFAULT '',
  kind VARCHAR(32) NOT NULL,
  severity VARCHAR(16) NOT NULL DEFAULT 'info',
  measure VARCHAR(16) NOT NULL DEFAULT 'notify',
  ip VARCHAR(45) NOT NULL DEFAULT '',
  location VARCHAR(128) NOT NULL DEFAULT '',
  detail VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_security_events_user (user_id, created_at),
  KEY idx_security_events_kind (kind, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Anomaly locks: an account locked by a measure (a burst of sensitive operations) stays locked
-- until its superior lifts it (lifted_at, lifted_by; 0 = `kami unlock` on a server), or, for a
-- super-admin, which has no superior, until expires_at.
CREATE TABLE security_locks (
  id BIGINT NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL,
  event_id BIGINT NOT NULL DEFAULT 0,
  reason VARCHAR(32) NOT NULL DEFAULT '',
  locked_at DATETIME NULL,
  expires_at DATETIME NULL,
  lifted_at DATETIME NULL,
  lifted_by BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY idx_security_locks_user (user_id, lifted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Fault alerts (seed 001 §9.3) raised by the security.monitor job: one row per outage of a check
-- (db, redis, jobs, http_errors, disk), deduplicated while it lasts (first/last seen, count).
-- open_key is the check while the alert fires and NULL once resolved, so a unique index keeps
-- one firing row per check even when two nodes raise it at once.
CREATE TABLE security_alerts (
  id BIGINT NOT NULL AUTO_INCREMENT,
  check_name VARCHAR(32) NOT NULL,
  open_key VARCHAR(32) NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'firing',
  severity VARCHAR(16) NOT NULL DEFAULT 'critical',
  message VARCHAR(255) NOT NULL DEFAULT '',
  first_seen DATETIME NULL,
  last_seen DATETIME NULL,
  count BIGINT NOT NULL DEFAULT 1,
  resolved_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_security_alerts_open (open_key),
  KEY idx_security_alerts_check (check_name, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every SMS send (seed 001 §12.2): the number masked (138****8000), the approved template by
-- name and code, the result and the platform's error or send id.
CREATE TABLE security_sms_log (
  id BIGINT NOT NULL AUTO_INCREMENT,
  phone_masked VARCHAR(32) NOT NULL DEFAULT '',
  template VARCHAR(64) NOT NULL DEFAULT '',
  template_code VARCHAR(64) NOT NULL DEFAULT '',
  result VARCHAR(16) NOT NULL DEFAULT '',
  detail VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_security_sms_log_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
