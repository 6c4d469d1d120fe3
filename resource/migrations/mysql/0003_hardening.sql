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
