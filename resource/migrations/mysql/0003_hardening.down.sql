-- Rollback of 0003_hardening. Narrowing the names back to 64 characters fails (strict mode)
-- when a longer one exists: a rollback must not truncate an account name silently.
DROP INDEX idx_users_status_created ON users;
ALTER TABLE user_sessions DROP COLUMN generation;
ALTER TABLE user_sessions DROP COLUMN rotated_at;
ALTER TABLE user_sessions DROP COLUMN prev_hash;
ALTER TABLE login_logs MODIFY COLUMN username VARCHAR(64) NOT NULL DEFAULT '';
DROP INDEX uk_users_username_key ON users;
ALTER TABLE users DROP COLUMN username_key;
ALTER TABLE users MODIFY COLUMN username VARCHAR(64) NOT NULL;
