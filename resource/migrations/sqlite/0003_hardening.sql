-- Hardening (issue 6).
-- usernames
-- The lookup key of an account is its canonical name (utility/username: NFKC, lower-case,
-- trimmed); SQLite compares it byte for byte, like the binary collation on MySQL. `username`
-- stays what is displayed (SQLite does not enforce VARCHAR lengths, so nothing widens here).
ALTER TABLE users ADD COLUMN username_key VARCHAR(128) NOT NULL DEFAULT '';
-- Existing names follow the old ASCII rule, for which lower(trim()) is the canonical form. SQLite
-- compared them case-sensitively, so "Bob" and "bob" may both exist: the older account gets the
-- name, a later one a key no login produces ('#' and its id), so the migration cannot fail and
-- no account silently takes over another's name; an admin sorts such pairs out.
UPDATE users SET username_key = lower(trim(username))
WHERE id = (SELECT MIN(u2.id) FROM users u2 WHERE lower(trim(u2.username)) = lower(trim(users.username)));
UPDATE users SET username_key = '#' || id WHERE username_key = '';
CREATE UNIQUE INDEX uk_users_username_key ON users (username_key);

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
