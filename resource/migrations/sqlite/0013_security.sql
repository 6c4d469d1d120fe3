-- Security monitoring (issue 16): the security log. One row per account anomaly (a login from a
-- new region, a burst of sensitive operations, ...): who, what, from where, and the measure taken.
-- Listed and exported through the caller's data scope (user_id), like the login log.
CREATE TABLE security_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL DEFAULT 0,
  username VARCHAR(128) NOT NULL DEFAULT '',
  kind VARCHAR(32) NOT NULL,
  severity VARCHAR(16) NOT NULL DEFAULT 'info',
  measure VARCHAR(16) NOT NULL DEFAULT 'notify',
  ip VARCHAR(45) NOT NULL DEFAULT '',
  location VARCHAR(128) NOT NULL DEFAULT '',
  detail VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);
CREATE INDEX idx_security_events_user ON security_events (user_id, created_at);
CREATE INDEX idx_security_events_kind ON security_events (kind, created_at);

-- Anomaly locks: an account locked by a measure (a burst of sensitive operations) stays locked
-- until its superior lifts it (lifted_at, lifted_by; 0 = `kami unlock` on a server), or, for a
-- super-admin, which has no superior, until expires_at.
CREATE TABLE security_locks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL,
  event_id BIGINT NOT NULL DEFAULT 0,
  reason VARCHAR(32) NOT NULL DEFAULT '',
  locked_at DATETIME NULL,
  expires_at DATETIME NULL,
  lifted_at DATETIME NULL,
  lifted_by BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX idx_security_locks_user ON security_locks (user_id, lifted_at);

-- Fault alerts (seed 001 §9.3) raised by the security.monitor job: one row per outage of a check
-- (db, redis, jobs, http_errors, disk), deduplicated while it lasts (first/last seen, count).
-- open_key is the check while the alert fires and NULL once resolved, so a unique index keeps
-- one firing row per check even when two nodes raise it at once.
CREATE TABLE security_alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  check_name VARCHAR(32) NOT NULL,
  open_key VARCHAR(32) NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'firing',
  severity VARCHAR(16) NOT NULL DEFAULT 'critical',
  message VARCHAR(255) NOT NULL DEFAULT '',
  first_seen DATETIME NULL,
  last_seen DATETIME NULL,
  count BIGINT NOT NULL DEFAULT 1,
  resolved_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_security_alerts_open ON security_alerts (open_key);
CREATE INDEX idx_security_alerts_check ON security_alerts (check_name, id);

-- Every SMS send (seed 001 §12.2): the number masked (138****8000), the approved template by
-- name and code, the result and the platform's error or send id.
CREATE TABLE security_sms_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phone_masked VARCHAR(32) NOT NULL DEFAULT '',
  template VARCHAR(64) NOT NULL DEFAULT '',
  template_code VARCHAR(64) NOT NULL DEFAULT '',
  result VARCHAR(16) NOT NULL DEFAULT '',
  detail VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);
CREATE INDEX idx_security_sms_log_created ON security_sms_log (created_at);
