-- Operations (issue 11): the system log.
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
