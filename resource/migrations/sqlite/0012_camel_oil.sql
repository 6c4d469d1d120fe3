-- Camel oil (骆驼加油, issue 15, contract camel-oil.md): the account pool, its state history,
-- merchants, orders and their history. The whole module's schema lands at once so later parts
-- add logic, not migrations. password, token and the merchants' secrets are sealed with
-- AES-256-GCM under a keyring subkey ("v1:..."); HMAC and the platform need them back in clear.

-- An account on the platform. status: pending_login, logging_in, online, paused_daily, invalid,
-- disabled (contract §1). The daily counters belong to daily_date (Asia/Shanghai); a counter
-- whose date is not today reads as 0, so the dispatch UPDATE needs no reset job. phone_key is
-- the phone while the row is live and NULL once soft-deleted, so a deleted phone can be added again.
CREATE TABLE camel_oil_account (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phone VARCHAR(16) NOT NULL,
  phone_key VARCHAR(16) NULL,
  password TEXT NULL,
  token TEXT NULL,
  token_expire_at DATETIME NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'pending_login',
  daily_limit INT NOT NULL DEFAULT 10,
  daily_date VARCHAR(10) NOT NULL DEFAULT '',
  daily_order_count INT NOT NULL DEFAULT 0,
  daily_paid_count INT NOT NULL DEFAULT 0,
  total_order_count BIGINT NOT NULL DEFAULT 0,
  total_paid_amount BIGINT NOT NULL DEFAULT 0,
  last_used_at DATETIME NULL,
  last_login_at DATETIME NULL,
  status_changed_at DATETIME NULL,
  fail_count INT NOT NULL DEFAULT 0,
  failure_reason VARCHAR(255) NOT NULL DEFAULT '',
  remark VARCHAR(255) NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  deleted_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_camel_oil_account_phone ON camel_oil_account (phone_key);
CREATE INDEX idx_camel_oil_account_status ON camel_oil_account (status, daily_date, daily_order_count);

-- One row per status change of an account, written in the change's transaction. operator_id 0 = system.
CREATE TABLE camel_oil_account_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id BIGINT NOT NULL,
  from_status VARCHAR(16) NOT NULL,
  to_status VARCHAR(16) NOT NULL,
  reason VARCHAR(255) NOT NULL DEFAULT '',
  operator_id BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL
);
CREATE INDEX idx_camel_oil_account_history_account ON camel_oil_account_history (account_id, id);

-- A merchant calling /merchant/v1/camel-oil. app_secret (HMAC of requests) and webhook_secret
-- (callback signatures) are sealed; a rotation keeps the old app secret in prev_app_secret
-- until prev_secret_until. notify_url is set by the super-admin only. ip_allow_list: JSON array.
CREATE TABLE camel_oil_merchant (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name VARCHAR(64) NOT NULL,
  app_key VARCHAR(64) NOT NULL,
  app_secret TEXT NOT NULL,
  prev_app_secret TEXT NULL,
  prev_secret_until DATETIME NULL,
  webhook_secret TEXT NOT NULL,
  notify_url VARCHAR(512) NOT NULL DEFAULT '',
  rate_limit INT NOT NULL DEFAULT 100,
  ip_allow_list VARCHAR(2000) NOT NULL DEFAULT '[]',
  status VARCHAR(16) NOT NULL DEFAULT 'active',
  version BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_camel_oil_merchant_app_key ON camel_oil_merchant (app_key);

-- An order exists only once the platform gave a pay URL. status: pending_pay, paid, expired.
-- notify_status: pending, delivered, failed (mirrors the outbox delivery). next_check_at is the
-- poll job's schedule; check_count drives its backoff.
CREATE TABLE camel_oil_order (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_no VARCHAR(32) NOT NULL,
  merchant_id BIGINT NOT NULL,
  merchant_order_no VARCHAR(64) NOT NULL,
  account_id BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  platform_order_no VARCHAR(64) NOT NULL DEFAULT '',
  pay_url VARCHAR(1024) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL DEFAULT 'pending_pay',
  expire_at DATETIME NULL,
  paid_at DATETIME NULL,
  attach VARCHAR(255) NOT NULL DEFAULT '',
  notify_status VARCHAR(16) NOT NULL DEFAULT 'pending',
  notify_count INT NOT NULL DEFAULT 0,
  next_check_at DATETIME NULL,
  check_count INT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_camel_oil_order_no ON camel_oil_order (order_no);
CREATE UNIQUE INDEX uk_camel_oil_order_merchant_no ON camel_oil_order (merchant_id, merchant_order_no);
CREATE INDEX idx_camel_oil_order_poll ON camel_oil_order (status, next_check_at);
CREATE INDEX idx_camel_oil_order_account ON camel_oil_order (account_id, status);
CREATE INDEX idx_camel_oil_order_created ON camel_oil_order (created_at);

CREATE TABLE camel_oil_order_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id BIGINT NOT NULL,
  from_status VARCHAR(16) NOT NULL DEFAULT '',
  to_status VARCHAR(16) NOT NULL,
  reason VARCHAR(255) NOT NULL DEFAULT '',
  operator_id BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL
);
CREATE INDEX idx_camel_oil_order_history_order ON camel_oil_order_history (order_id, id);
