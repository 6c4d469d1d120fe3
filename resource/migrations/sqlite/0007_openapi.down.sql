-- Rollback of 0007_openapi: the call log tables, the batched-verification counter, and the
-- old per-minute rate defaults for projects still on the new ones.
UPDATE projects SET rate_per_ip = 120 WHERE rate_per_ip = 1200;
UPDATE projects SET rate_per_app = 6000 WHERE rate_per_app = 12000;
ALTER TABLE card_verifications DROP COLUMN calls;
DROP TABLE IF EXISTS openapi_failures;
DROP TABLE IF EXISTS openapi_calls;
