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
