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
