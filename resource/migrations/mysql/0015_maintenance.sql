-- Operations (issue 11): the system log.
-- Warnings and errors of the service and its jobs, written in batches by the process log's
-- handler (internal/logic/logs/capture.go); node is kami.nodeId, module the message's
-- "<module>: " prefix.
CREATE TABLE system_logs (
  id BIGINT NOT NULL AUTO_INCREMENT,
  level VARCHAR(16) NOT NULL,
  module VARCHAR(64) NOT NULL DEFAULT '',
  message TEXT NOT NULL,
  trace_id VARCHAR(64) NOT NULL DEFAULT '',
  node VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_system_logs_created (created_at),
  KEY idx_system_logs_level (level, created_at),
  KEY idx_system_logs_module (module, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
