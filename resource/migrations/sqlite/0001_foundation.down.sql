-- Rollback of 0001_foundation: the foundation tables, dependents first.
DROP TABLE IF EXISTS operation_logs;
DROP TABLE IF EXISTS login_logs;
DROP TABLE IF EXISTS settings;
DROP TABLE IF EXISTS casbin_rule;
DROP TABLE IF EXISTS role_menus;
DROP TABLE IF EXISTS menus;
DROP TABLE IF EXISTS roles;
DROP TABLE IF EXISTS user_tokens;
DROP TABLE IF EXISTS user_sessions;
DROP TABLE IF EXISTS users;
