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
