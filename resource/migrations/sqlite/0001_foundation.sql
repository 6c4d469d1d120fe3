-- Foundation: users and sessions, roles and menus (the RBAC source), casbin policies, logs, settings.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username VARCHAR(64) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  role VARCHAR(32) NOT NULL,
  parent_id BIGINT NOT NULL DEFAULT 0,
  path VARCHAR(512) NOT NULL DEFAULT '',
  real_name VARCHAR(64) NOT NULL DEFAULT '',
  email VARCHAR(128) NULL,
  email_verified TINYINT NOT NULL DEFAULT 0,
  avatar VARCHAR(255) NOT NULL DEFAULT '',
  remark VARCHAR(255) NOT NULL DEFAULT '',
  status TINYINT NOT NULL DEFAULT 1,
  must_change_password TINYINT NOT NULL DEFAULT 0,
  invite_code VARCHAR(32) NULL,
  last_login_at DATETIME NULL,
  last_login_ip VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);

CREATE TABLE user_sessions (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL,
  refresh_hash VARCHAR(64) NOT NULL,
  ip VARCHAR(64) NOT NULL DEFAULT '',
  user_agent VARCHAR(255) NOT NULL DEFAULT '',
  expires_at DATETIME NOT NULL,
  revoked_at DATETIME NULL,
  revoke_reason VARCHAR(32) NOT NULL DEFAULT '',
  last_used_at DATETIME NULL,
  created_at DATETIME NULL
);

CREATE TABLE user_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL,
  purpose VARCHAR(16) NOT NULL,
  token_hash VARCHAR(64) NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  created_at DATETIME NULL
);

CREATE TABLE roles (
  code VARCHAR(32) NOT NULL,
  name VARCHAR(64) NOT NULL,
  level INT NOT NULL,
  remark VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (code)
);

CREATE TABLE menus (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id BIGINT NOT NULL DEFAULT 0,
  type VARCHAR(16) NOT NULL,
  name VARCHAR(64) NOT NULL,
  path VARCHAR(255) NOT NULL DEFAULT '',
  component VARCHAR(255) NOT NULL DEFAULT '',
  redirect VARCHAR(255) NOT NULL DEFAULT '',
  title VARCHAR(128) NOT NULL DEFAULT '',
  icon VARCHAR(128) NOT NULL DEFAULT '',
  sort INT NOT NULL DEFAULT 0,
  auth_code VARCHAR(128) NOT NULL DEFAULT '',
  apis TEXT NULL,
  hide_in_menu TINYINT NOT NULL DEFAULT 0,
  status TINYINT NOT NULL DEFAULT 1,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);

CREATE TABLE role_menus (
  role VARCHAR(32) NOT NULL,
  menu_id BIGINT NOT NULL,
  PRIMARY KEY (role, menu_id)
);

CREATE TABLE casbin_rule (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ptype VARCHAR(16) NOT NULL DEFAULT '',
  v0 VARCHAR(255) NOT NULL DEFAULT '',
  v1 VARCHAR(255) NOT NULL DEFAULT '',
  v2 VARCHAR(255) NOT NULL DEFAULT '',
  v3 VARCHAR(255) NOT NULL DEFAULT '',
  v4 VARCHAR(255) NOT NULL DEFAULT '',
  v5 VARCHAR(255) NOT NULL DEFAULT ''
);

CREATE TABLE settings (
  k VARCHAR(64) NOT NULL,
  v TEXT NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (k)
);

CREATE TABLE login_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL DEFAULT 0,
  username VARCHAR(64) NOT NULL DEFAULT '',
  ip VARCHAR(64) NOT NULL DEFAULT '',
  user_agent VARCHAR(255) NOT NULL DEFAULT '',
  result TINYINT NOT NULL DEFAULT 0,
  reason VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);

CREATE TABLE operation_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL DEFAULT 0,
  username VARCHAR(64) NOT NULL DEFAULT '',
  module VARCHAR(64) NOT NULL DEFAULT '',
  route VARCHAR(255) NOT NULL DEFAULT '',
  method VARCHAR(10) NOT NULL DEFAULT '',
  path VARCHAR(255) NOT NULL DEFAULT '',
  status INT NOT NULL DEFAULT 0,
  code INT NOT NULL DEFAULT 0,
  latency_ms INT NOT NULL DEFAULT 0,
  trace_id VARCHAR(64) NOT NULL DEFAULT '',
  ip VARCHAR(64) NOT NULL DEFAULT '',
  user_agent VARCHAR(255) NOT NULL DEFAULT '',
  request TEXT NULL,
  error VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);

CREATE UNIQUE INDEX uk_users_username ON users (username);
CREATE UNIQUE INDEX uk_users_email ON users (email);
CREATE UNIQUE INDEX uk_users_invite_code ON users (invite_code);
CREATE INDEX idx_users_parent ON users (parent_id);
CREATE INDEX idx_users_path ON users (path);
CREATE INDEX idx_user_sessions_user ON user_sessions (user_id);
CREATE UNIQUE INDEX uk_user_tokens_hash ON user_tokens (token_hash);
CREATE INDEX idx_user_tokens_user ON user_tokens (user_id, purpose);
CREATE UNIQUE INDEX uk_menus_name ON menus (name);
CREATE INDEX idx_menus_parent ON menus (parent_id);
CREATE INDEX idx_casbin_rule_v0 ON casbin_rule (ptype, v0);
CREATE INDEX idx_login_logs_created ON login_logs (created_at);
CREATE INDEX idx_login_logs_user ON login_logs (user_id, created_at);
CREATE INDEX idx_operation_logs_created ON operation_logs (created_at);
CREATE INDEX idx_operation_logs_user ON operation_logs (user_id, created_at);
