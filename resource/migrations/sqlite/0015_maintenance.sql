-- Operations (issue 11): the system log and the backup records.
-- Warnings and errors of the service and its jobs, written in batches by the process log's
-- handler (internal/logic/logs/capture.go); node is kami.nodeId, module the message's
-- "<module>: " prefix.
CREATE TABLE system_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  level VARCHAR(16) NOT NULL,
  module VARCHAR(64) NOT NULL DEFAULT '',
  message TEXT NOT NULL,
  trace_id VARCHAR(64) NOT NULL DEFAULT '',
  node VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);
CREATE INDEX idx_system_logs_created ON system_logs (created_at);
CREATE INDEX idx_system_logs_level ON system_logs (level, created_at);
CREATE INDEX idx_system_logs_module ON system_logs (module, created_at);

-- The backups this deployment wrote (internal/logic/backup): the file on the node that wrote
-- it, its size and SHA-256, what it holds, and whether reading it back verified.
CREATE TABLE backups (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file VARCHAR(255) NOT NULL,
  node VARCHAR(64) NOT NULL DEFAULT '',
  size BIGINT NOT NULL DEFAULT 0,
  sha256 VARCHAR(64) NOT NULL DEFAULT '',
  schema_version VARCHAR(64) NOT NULL DEFAULT '',
  tables_count INT NOT NULL DEFAULT 0,
  rows_count BIGINT NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL,
  error TEXT NULL,
  trigger_by BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  verified_at DATETIME NULL
);
CREATE INDEX idx_backups_created ON backups (created_at);

-- Restoring production (seed 001 §10.2): one super-admin asks, another approves; the approval
-- turns maintenance mode on and loads the backup into the empty database the request names
-- (target is sealed with the master key: a link carries a password). status: pending,
-- done, failed.
CREATE TABLE restore_requests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  backup_id BIGINT NOT NULL,
  target TEXT NOT NULL,
  reason VARCHAR(255) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL,
  requested_by BIGINT NOT NULL,
  approved_by BIGINT NOT NULL DEFAULT 0,
  error TEXT NULL,
  created_at DATETIME NULL,
  finished_at DATETIME NULL
);
CREATE INDEX idx_restore_requests_status ON restore_requests (status, id);
