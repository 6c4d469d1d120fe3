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
