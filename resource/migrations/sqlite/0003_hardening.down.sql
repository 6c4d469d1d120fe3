-- Rollback of 0003_hardening. SQLite drops a column only once no index uses it.
DROP INDEX IF EXISTS idx_users_status_created;
ALTER TABLE user_sessions DROP COLUMN generation;
ALTER TABLE user_sessions DROP COLUMN rotated_at;
ALTER TABLE user_sessions DROP COLUMN prev_hash;
DROP INDEX IF EXISTS uk_users_username_key;
ALTER TABLE users DROP COLUMN username_key;
