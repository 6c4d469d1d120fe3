-- Proxy, second step (issue 14): what the remaining admin API and jobs need.

-- An order's auto-renew wish, carried to the instances it delivers (proxy.auto_renew).
ALTER TABLE proxy_order ADD COLUMN auto_renew TINYINT NOT NULL DEFAULT 0;

-- The upstream region tree (area/v2), kept by proxy.region_sync; raw_hash skips unchanged rows.
CREATE TABLE proxy_region (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code VARCHAR(32) NOT NULL,
  parent_code VARCHAR(32) NOT NULL DEFAULT '',
  name VARCHAR(128) NOT NULL DEFAULT '',
  name_en VARCHAR(128) NOT NULL DEFAULT '',
  raw_hash VARCHAR(64) NOT NULL DEFAULT '',
  synced_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_region_code ON proxy_region (code);
CREATE INDEX idx_proxy_region_parent ON proxy_region (parent_code, code);

-- Daily order totals per agent, product and kind (proxy.stats_rollup), day in kami.timeZone.
CREATE TABLE proxy_stats_daily (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  day DATE NOT NULL,
  agent_id BIGINT NOT NULL,
  product_no VARCHAR(64) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  orders INT NOT NULL DEFAULT 0,
  success INT NOT NULL DEFAULT 0,
  sale_amount BIGINT NOT NULL DEFAULT 0,
  charged_amount BIGINT NOT NULL DEFAULT 0,
  cost_amount BIGINT NOT NULL DEFAULT 0,
  flow_bytes BIGINT NOT NULL DEFAULT 0,
  instances INT NOT NULL DEFAULT 0,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_proxy_stats_daily ON proxy_stats_daily (day, agent_id, product_no, kind);

-- Flow returned to the upstream by the super-admin (proxy/return/v2) and what it credited.
CREATE TABLE proxy_return (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agent_id BIGINT NOT NULL,
  product_no VARCHAR(64) NOT NULL,
  flow_mb BIGINT NOT NULL,
  return_amount BIGINT NOT NULL DEFAULT 0,
  return_amount_raw VARCHAR(32) NOT NULL DEFAULT '',
  credit_amount BIGINT NOT NULL DEFAULT 0,
  remark VARCHAR(255) NOT NULL DEFAULT '',
  operator_id BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL
);
CREATE INDEX idx_proxy_return_agent ON proxy_return (agent_id, id);
