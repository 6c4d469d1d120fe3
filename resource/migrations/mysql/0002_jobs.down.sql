-- Rollback of 0002_jobs.
DROP TABLE IF EXISTS job_runs;
DROP TABLE IF EXISTS jobs;
