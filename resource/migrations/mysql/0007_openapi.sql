-- OpenAPI (issue 10): the call log and the verification history's batching. The card tables
-- themselves landed with 0006.

-- Calls of a project's OpenAPI per day (kami.timeZone, "YYYY-MM-DD"), endpoint (verify, query,
-- unbind, keys) and result: a verification result (VALID, EXPIRED, ...), an unbind result, OK,
-- or the machine code of a refused call (SIGNATURE_INVALID, RATE_LIMITED, ...). Counted in
-- memory and Redis and added here by the openapi.calls job, never a row per call.
CREATE TABLE openapi_calls (
  id BIGINT NOT NULL AUTO_INCREMENT,
  project_id BIGINT NOT NULL,
  day VARCHAR(10) NOT NULL,
  endpoint VARCHAR(16) NOT NULL,
  result VARCHAR(32) NOT NULL,
  calls BIGINT NOT NULL DEFAULT 0,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_openapi_calls (project_id, day, endpoint, result),
  KEY idx_openapi_calls_day (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last refused calls of a project in detail, for troubleshooting an integration: the
-- machine code, the HTTP status, what the caller sent (path, nonce, timestamp, client IP) and
-- why. Written in batches; the flush keeps the newest openapi.failureLog rows per project.
CREATE TABLE openapi_failures (
  id BIGINT NOT NULL AUTO_INCREMENT,
  project_id BIGINT NOT NULL,
  endpoint VARCHAR(16) NOT NULL DEFAULT '',
  error VARCHAR(32) NOT NULL,
  http_status INT NOT NULL DEFAULT 0,
  detail VARCHAR(255) NOT NULL DEFAULT '',
  ip VARCHAR(45) NOT NULL DEFAULT '',
  nonce VARCHAR(64) NOT NULL DEFAULT '',
  request_time BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_openapi_failures_project (project_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Verifications are written in batches: one row per card, device, result, caller IP and
-- client version within a flush window, calls counting how many verifications it stands for.
ALTER TABLE card_verifications ADD COLUMN calls INT NOT NULL DEFAULT 1;

-- rate_per_app and rate_per_ip stay requests per minute; the defaults become 200/s and 20/s
-- (the issue's), for projects that still carry the old ones.
UPDATE projects SET rate_per_app = 12000 WHERE rate_per_app = 6000;
UPDATE projects SET rate_per_ip = 1200 WHERE rate_per_ip = 120;
