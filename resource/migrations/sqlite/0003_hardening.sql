-- sessions
-- Refresh rotation is deterministic (the next secret is an HMAC of the current one), so
-- concurrent refreshes with one cookie all get the same next cookie: prev_hash and rotated_at
-- let the just-replaced secret answer within a short grace window; generation bounds how far
-- back a replayed old secret is recognised (reuse revokes the session).
ALTER TABLE user_sessions ADD COLUMN prev_hash VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE user_sessions ADD COLUMN rotated_at DATETIME NULL;
ALTER TABLE user_sessions ADD COLUMN generation INT NOT NULL DEFAULT 0;
-- Unverified self-registrations are purged once their link expired.
CREATE INDEX idx_users_status_created ON users (status, created_at);
