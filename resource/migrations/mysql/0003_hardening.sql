-- Hardening (issue 6).
-- usernames
-- The lookup key of an account is its canonical name (utility/username: NFKC, lower-case,
-- trimmed) in a binary-collated column, so MySQL, TiDB and SQLite agree byte for byte on which
-- account a typed name means; `username` keeps its collation (changing it is not reliably
-- supported by TiDB) and stays what is displayed. 128 characters: customers log in with their
-- email address.
ALTER TABLE users MODIFY COLUMN username VARCHAR(128) NOT NULL;
ALTER TABLE users ADD COLUMN username_key VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '';
-- Existing names follow the old ASCII rule, for which LOWER(TRIM()) is the canonical form; the
-- case-insensitive unique index on username rules out two of them mapping to one key.
UPDATE users SET username_key = LOWER(TRIM(username));
CREATE UNIQUE INDEX uk_users_username_key ON users (username_key);
-- The login log keeps the name as typed, which may now be an email address.
ALTER TABLE login_logs MODIFY COLUMN username VARCHAR(128) NOT NULL DEFAULT '';

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
