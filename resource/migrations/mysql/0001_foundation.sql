-- Foundation: users and sessions, roles and menus (the RBAC source), casbin policies, logs, settings.
CREATE TABLE users (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_users_username (username),
  UNIQUE KEY uk_users_email (email),
  UNIQUE KEY uk_users_invite_code (invite_code),
  KEY idx_users_parent (parent_id),
  KEY idx_users_path (path(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_sessions (
  id VARCHAR(64) NOT NULL,
  user_id BIGINT NOT NULL,
  refresh_hash VARCHAR(64) NOT NULL,
  ip VARCHAR(64) NOT NULL DEFAULT '',
  user_agent VARCHAR(255) NOT NULL DEFAULT '',
  expires_at DATETIME NOT NULL,
  revoked_at DATETIME NULL,
  revoke_reason VARCHAR(32) NOT NULL DEFAULT '',
  last_used_at DATETIME NULL,
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_user_sessions_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_tokens (
  id BIGINT NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL,
  purpose VARCHAR(16) NOT NULL,
  token_hash VARCHAR(64) NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_user_tokens_hash (token_hash),
  KEY idx_user_tokens_user (user_id, purpose)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE roles (
  code VARCHAR(32) NOT NULL,
  name VARCHAR(64) NOT NULL,
  level INT NOT NULL,
  remark VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE menus (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_menus_name (name),
  KEY idx_menus_parent (parent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role_menus (
  role VARCHAR(32) NOT NULL,
  menu_id BIGINT NOT NULL,
  PRIMARY KEY (role, menu_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE casbin_rule (
  id BIGINT NOT NULL AUTO_INCREMENT,
  ptype VARCHAR(16) NOT NULL DEFAULT '',
  v0 VARCHAR(255) NOT NULL DEFAULT '',
  v1 VARCHAR(255) NOT NULL DEFAULT '',
  v2 VARCHAR(255) NOT NULL DEFAULT '',
  v3 VARCHAR(255) NOT NULL DEFAULT '',
  v4 VARCHAR(255) NOT NULL DEFAULT '',
  v5 VARCHAR(255) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY idx_casbin_rule_v0 (ptype, v0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE settings (
  k VARCHAR(64) NOT NULL,
  v TEXT NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (k)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_logs (
  id BIGINT NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL DEFAULT 0,
  username VARCHAR(64) NOT NULL DEFAULT '',
  ip VARCHAR(64) NOT NULL DEFAULT '',
  user_agent VARCHAR(255) NOT NULL DEFAULT '',
  result TINYINT NOT NULL DEFAULT 0,
  reason VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_login_logs_created (created_at),
  KEY idx_login_logs_user (user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE operation_logs (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_operation_logs_created (created_at),
  KEY idx_operation_logs_user (user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
