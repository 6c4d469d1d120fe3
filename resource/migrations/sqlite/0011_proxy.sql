-- Proxy-IP resale over the IPIPV open API v2 (issue 14, spec/proxy.md). Money in fen (1 quota
-- unit), flow in bytes. Upstream raw values are kept beside parsed ones so a parse rule can be
-- audited; rows an operator edits carry `version` for guarded (stale edit → 409) updates.

-- The upstream catalogue as last synced; sale fields are Kami's. raw_hash lets an unchanged
-- sync write nothing; upstream_status goes offline when a product vanishes upstream.
CREATE TABLE proxy_product (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  product_no VARCHAR(64) NOT NULL,
  name VARCHAR(128) NOT NULL DEFAULT '',
  display_name VARCHAR(128) NOT NULL DEFAULT '',
  proxy_type INT NOT NULL,
  kind VARCHAR(8) NOT NULL,
  country_code VARCHAR(16) NOT NULL DEFAULT '',
  state_code VARCHAR(32) NOT NULL DEFAULT '',
  city_code VARCHAR(32) NOT NULL DEFAULT '',
  unit INT NOT NULL DEFAULT 0,
  duration INT NOT NULL DEFAULT 0,
  inventory INT NOT NULL DEFAULT 0,
  draw_type INT NOT NULL DEFAULT 0,
  assign_ip INT NOT NULL DEFAULT 0,
  ip_count INT NOT NULL DEFAULT 0,
  refund_duration INT NOT NULL DEFAULT 0,
  flow_base INT NOT NULL DEFAULT 1024,
  cap_ip_white_list INT NOT NULL DEFAULT 0,
  cap_pwd_draw INT NOT NULL DEFAULT 0,
  cap_user_flow_limit INT NOT NULL DEFAULT 0,
  cap_flow_use_log INT NOT NULL DEFAULT 0,
  upstream_enable INT NOT NULL DEFAULT 0,
  upstream_status VARCHAR(8) NOT NULL DEFAULT 'online',
  cost_price BIGINT NOT NULL DEFAULT 0,
  cost_price_raw VARCHAR(32) NOT NULL DEFAULT '',
  sale_price BIGINT NOT NULL DEFAULT 0,
  sellable TINYINT NOT NULL DEFAULT 0,
  sort INT NOT NULL DEFAULT 0,
  raw_hash VARCHAR(64) NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 0,
  synced_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_product_no ON proxy_product (product_no);
CREATE INDEX idx_proxy_product_kind ON proxy_product (kind, sellable);

CREATE TABLE proxy_product_area (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  product_no VARCHAR(64) NOT NULL,
  area_code VARCHAR(32) NOT NULL,
  country_code VARCHAR(16) NOT NULL DEFAULT '',
  state_code VARCHAR(32) NOT NULL DEFAULT '',
  city_code VARCHAR(32) NOT NULL DEFAULT '',
  status INT NOT NULL DEFAULT 1,
  region VARCHAR(128) NOT NULL DEFAULT '',
  raw_hash VARCHAR(64) NOT NULL DEFAULT '',
  synced_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_product_area ON proxy_product_area (product_no, area_code);

-- Local price history (seed 000: price changes are kept), one row per change of a product's
-- sale price or an agent override.
CREATE TABLE proxy_price_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  product_no VARCHAR(64) NOT NULL,
  agent_id BIGINT NOT NULL DEFAULT 0,
  old_price BIGINT NOT NULL DEFAULT 0,
  new_price BIGINT NOT NULL DEFAULT 0,
  operator_id BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL
);
CREATE INDEX idx_proxy_price_history ON proxy_price_history (product_no, id);

-- An agent's sale price override for a product (set by S or its agent-admin).
CREATE TABLE proxy_price (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agent_id BIGINT NOT NULL,
  product_no VARCHAR(64) NOT NULL,
  sale_price BIGINT NOT NULL,
  set_by BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_price ON proxy_price (agent_id, product_no);

-- An agent's upstream main account ({prefix}_{agentId}), created lazily by user/v2.
CREATE TABLE proxy_account (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agent_id BIGINT NOT NULL,
  app_username VARCHAR(64) NOT NULL,
  upstream_username VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_account_agent ON proxy_account (agent_id);
CREATE UNIQUE INDEX uk_proxy_account_name ON proxy_account (app_username);

-- Proxy users (sub-accounts) of an agent; the password is sealed under the master key.
CREATE TABLE proxy_user (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agent_id BIGINT NOT NULL,
  username VARCHAR(32) NOT NULL,
  app_username VARCHAR(64) NOT NULL,
  upstream_username VARCHAR(64) NOT NULL DEFAULT '',
  password TEXT NOT NULL,
  remark VARCHAR(100) NOT NULL DEFAULT '',
  status INT NOT NULL DEFAULT 1,
  flow_limit BIGINT NOT NULL DEFAULT -1,
  version BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_user_name ON proxy_user (username);
CREATE INDEX idx_proxy_user_agent ON proxy_user (agent_id, id);

-- Per-product flow limits of a proxy user; pushed = the upstream has limit_bytes.
CREATE TABLE proxy_user_limit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL,
  product_no VARCHAR(64) NOT NULL,
  limit_bytes BIGINT NOT NULL DEFAULT -1,
  pushed TINYINT NOT NULL DEFAULT 0,
  pushed_at DATETIME NULL,
  last_error VARCHAR(255) NOT NULL DEFAULT '',
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_user_limit ON proxy_user_limit (user_id, product_no);
CREATE INDEX idx_proxy_user_limit_pushed ON proxy_user_limit (pushed);

-- Orders. req_id, app_order_no and request_body are fixed at insert and reused on every send
-- (the upstream dedupes on app_order_no). reservation_id is the core ledger's reserve.
CREATE TABLE proxy_order (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  app_order_no VARCHAR(32) NOT NULL,
  req_id VARCHAR(32) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  agent_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL DEFAULT 0,
  product_no VARCHAR(64) NOT NULL DEFAULT '',
  quantity INT NOT NULL DEFAULT 0,
  cycle_times INT NOT NULL DEFAULT 0,
  unit_price BIGINT NOT NULL DEFAULT 0,
  sale_amount BIGINT NOT NULL DEFAULT 0,
  charged_amount BIGINT NOT NULL DEFAULT 0,
  refund_amount BIGINT NOT NULL DEFAULT 0,
  cost_amount BIGINT NOT NULL DEFAULT 0,
  success_count INT NOT NULL DEFAULT 0,
  reservation_id BIGINT NOT NULL DEFAULT 0,
  upstream_path VARCHAR(64) NOT NULL DEFAULT '',
  request_body TEXT NOT NULL,
  upstream_order_no VARCHAR(64) NOT NULL DEFAULT '',
  upstream_status INT NOT NULL DEFAULT 0,
  instance_nos TEXT NULL,
  last_error VARCHAR(255) NOT NULL DEFAULT '',
  sends INT NOT NULL DEFAULT 0,
  checks INT NOT NULL DEFAULT 0,
  next_check_at DATETIME NULL,
  version BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  finished_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_order_app_no ON proxy_order (app_order_no);
CREATE INDEX idx_proxy_order_agent ON proxy_order (agent_id, id);
CREATE INDEX idx_proxy_order_due ON proxy_order (status, next_check_at);
CREATE INDEX idx_proxy_order_upstream ON proxy_order (upstream_order_no);

-- Static instances (and the open renew/release order, for INSTANCE_BUSY).
CREATE TABLE proxy_instance (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  instance_no VARCHAR(64) NOT NULL,
  agent_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL DEFAULT 0,
  order_id BIGINT NOT NULL DEFAULT 0,
  product_no VARCHAR(64) NOT NULL DEFAULT '',
  proxy_type INT NOT NULL DEFAULT 0,
  protocol VARCHAR(16) NOT NULL DEFAULT '',
  ip VARCHAR(45) NOT NULL DEFAULT '',
  port INT NOT NULL DEFAULT 0,
  username VARCHAR(64) NOT NULL DEFAULT '',
  password TEXT NOT NULL,
  country_code VARCHAR(16) NOT NULL DEFAULT '',
  city_code VARCHAR(32) NOT NULL DEFAULT '',
  status INT NOT NULL DEFAULT 0,
  expires_at DATETIME NULL,
  auto_renew TINYINT NOT NULL DEFAULT 0,
  busy_order_id BIGINT NOT NULL DEFAULT 0,
  remark VARCHAR(100) NOT NULL DEFAULT '',
  released_at DATETIME NULL,
  reminded_for DATETIME NULL,
  renewed_for DATETIME NULL,
  version BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_instance_no ON proxy_instance (instance_no);
CREATE INDEX idx_proxy_instance_agent ON proxy_instance (agent_id, id);
CREATE INDEX idx_proxy_instance_expiry ON proxy_instance (status, expires_at);

-- IP whitelist of an agent per product, the mirror of the upstream's set.
CREATE TABLE proxy_whitelist (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agent_id BIGINT NOT NULL,
  product_no VARCHAR(64) NOT NULL,
  ip VARCHAR(45) NOT NULL,
  created_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_whitelist ON proxy_whitelist (agent_id, product_no, ip);

-- Flow pools of an agent per dynamic product (proxy/info/v2), last snapshot kept when stale.
CREATE TABLE proxy_pool (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agent_id BIGINT NOT NULL,
  product_no VARCHAR(64) NOT NULL,
  total_bytes BIGINT NOT NULL DEFAULT 0,
  used_bytes BIGINT NOT NULL DEFAULT 0,
  balance_bytes BIGINT NOT NULL DEFAULT 0,
  stale TINYINT NOT NULL DEFAULT 0,
  synced_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_pool ON proxy_pool (agent_id, product_no);

-- Flow use logs (proxy/flow/use/log/v2), insert-ignore on the natural key.
CREATE TABLE proxy_flow_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agent_id BIGINT NOT NULL,
  product_no VARCHAR(64) NOT NULL,
  used_at DATETIME NOT NULL,
  used_bytes BIGINT NOT NULL DEFAULT 0,
  total_bytes BIGINT NOT NULL DEFAULT 0,
  balance_bytes BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX uk_proxy_flow_log ON proxy_flow_log (agent_id, product_no, used_at);
CREATE INDEX idx_proxy_flow_log_time ON proxy_flow_log (used_at);

-- Every callback, written before it is processed (status pending/done/ignored/failed).
CREATE TABLE proxy_callback_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type VARCHAR(16) NOT NULL DEFAULT '',
  ref_no VARCHAR(64) NOT NULL DEFAULT '',
  op VARCHAR(8) NOT NULL DEFAULT '',
  ip VARCHAR(45) NOT NULL DEFAULT '',
  query VARCHAR(512) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL DEFAULT 'pending',
  attempts INT NOT NULL DEFAULT 0,
  last_error VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  processed_at DATETIME NULL
);
CREATE INDEX idx_proxy_callback_log_status ON proxy_callback_log (status, id);
CREATE INDEX idx_proxy_callback_log_time ON proxy_callback_log (created_at);

-- Every upstream call (passwords masked); purged after 30 days.
CREATE TABLE proxy_call_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  path VARCHAR(64) NOT NULL,
  req_id VARCHAR(32) NOT NULL DEFAULT '',
  app_order_no VARCHAR(32) NOT NULL DEFAULT '',
  ms INT NOT NULL DEFAULT 0,
  http_status INT NOT NULL DEFAULT 0,
  code INT NOT NULL DEFAULT 0,
  msg VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);
CREATE INDEX idx_proxy_call_log_time ON proxy_call_log (created_at);
CREATE INDEX idx_proxy_call_log_order ON proxy_call_log (app_order_no);

-- One row per job run with its counts (JSON) and outcome.
CREATE TABLE proxy_sync_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job VARCHAR(32) NOT NULL,
  status VARCHAR(16) NOT NULL,
  counts TEXT NULL,
  error VARCHAR(255) NOT NULL DEFAULT '',
  started_at DATETIME NULL,
  finished_at DATETIME NULL
);
CREATE INDEX idx_proxy_sync_log_job ON proxy_sync_log (job, id);

-- Consistency findings (fixed / needs_decision / resolved), unique per kind and subject.
CREATE TABLE proxy_discrepancy (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind VARCHAR(32) NOT NULL,
  subject VARCHAR(64) NOT NULL,
  detail TEXT NULL,
  status VARCHAR(16) NOT NULL,
  resolution VARCHAR(16) NOT NULL DEFAULT '',
  remark VARCHAR(255) NOT NULL DEFAULT '',
  resolved_by BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  resolved_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_discrepancy ON proxy_discrepancy (kind, subject);
CREATE INDEX idx_proxy_discrepancy_status ON proxy_discrepancy (status, id);
