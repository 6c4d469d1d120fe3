-- Scheduled jobs: one row per job registered in code (its schedule is editable by the
-- super-admin) and one row per run, on whichever node ran it.
CREATE TABLE jobs (
  name VARCHAR(64) NOT NULL,
  description VARCHAR(255) NOT NULL DEFAULT '',
  schedule VARCHAR(64) NOT NULL,
  enabled TINYINT NOT NULL DEFAULT 1,
  updated_by BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (name)
);

-- trigger_type, not "trigger": TRIGGER is a reserved word in MySQL.
CREATE TABLE job_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job VARCHAR(64) NOT NULL,
  node VARCHAR(128) NOT NULL DEFAULT '',
  trigger_type VARCHAR(16) NOT NULL DEFAULT '',
  triggered_by BIGINT NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL DEFAULT '',
  items BIGINT NOT NULL DEFAULT 0,
  error VARCHAR(1000) NOT NULL DEFAULT '',
  started_at DATETIME NULL,
  finished_at DATETIME NULL,
  duration_ms BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX idx_job_runs_job ON job_runs (job, id);
CREATE INDEX idx_job_runs_started ON job_runs (started_at);
