-- DERP relay rental (issue 13, spec/derp.md §3). Money in fen (1 quota unit), traffic in bytes.
-- Customers are `users` rows of the built-in role `member`; their prepaid balance is their ledger
-- account, so no table here holds a balance. Secrets (serial codes, SSH secrets, cert keys) are
-- only a lookup hash plus AES-GCM sealed text. Every state column is changed by a guarded
-- `UPDATE … WHERE id=? AND state=?`; `now` is always a parameter, never NOW().

INSERT INTO roles (code, name, level, remark) VALUES ('member', 'role.member', 3, '');

CREATE TABLE derp_plans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name VARCHAR(64) NOT NULL,
  days INT NOT NULL,
  price BIGINT NOT NULL DEFAULT 0,
  traffic_bytes BIGINT NOT NULL DEFAULT 0,
  max_devices INT NOT NULL DEFAULT 20,
  status VARCHAR(16) NOT NULL DEFAULT 'disabled',
  sort INT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);

-- Seeded disabled at price 0: the super-admin prices a plan before it can be sold.
INSERT INTO derp_plans (name, days, price, traffic_bytes, max_devices, status, sort) VALUES
  ('3天', 3, 0, 0, 20, 'disabled', 1),
  ('5天', 5, 0, 0, 20, 'disabled', 2),
  ('30天', 30, 0, 0, 20, 'disabled', 3),
  ('180天', 180, 0, 0, 20, 'disabled', 4),
  ('360天', 360, 0, 0, 20, 'disabled', 5);

CREATE TABLE derp_tiers (
  code VARCHAR(16) NOT NULL,
  name VARCHAR(32) NOT NULL,
  discount_bps INT NOT NULL DEFAULT 0,
  commission_bps INT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (code)
);

INSERT INTO derp_tiers (code, name, discount_bps, commission_bps) VALUES
  ('gold', '黄金', 1000, 1000),
  ('platinum', '白金', 1500, 1500),
  ('diamond', '铂金', 2000, 2000);

-- A distributor is an agent or agent-admin with a tier. DELETE sets status 'removed' instead of
-- dropping the row, so its customers keep their parent and its invite code is never reissued.
CREATE TABLE derp_distributors (
  user_id BIGINT NOT NULL,
  tier VARCHAR(16) NOT NULL,
  invite_code VARCHAR(32) NOT NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'active',
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (user_id)
);
CREATE UNIQUE INDEX uk_derp_distributors_invite ON derp_distributors (invite_code);

CREATE TABLE derp_serial_batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id BIGINT NOT NULL,
  count INT NOT NULL,
  distributor_id BIGINT NULL,
  order_id BIGINT NULL,
  source VARCHAR(16) NOT NULL DEFAULT 'admin',
  remark VARCHAR(255) NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL DEFAULT 0,
  expires_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_derp_serial_batches_dist ON derp_serial_batches (distributor_id, id);
CREATE INDEX idx_derp_serial_batches_order ON derp_serial_batches (order_id);

-- Never plaintext: code_hash = LookupHash, code_enc = Seal, for the export only.
CREATE TABLE derp_serials (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code_hash VARCHAR(64) NOT NULL,
  code_enc VARCHAR(255) NOT NULL,
  code_last4 VARCHAR(4) NOT NULL,
  plan_id BIGINT NOT NULL,
  batch_id BIGINT NOT NULL,
  distributor_id BIGINT NULL,
  order_id BIGINT NULL,
  source VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'unused',
  expires_at DATETIME NOT NULL,
  used_by BIGINT NULL,
  used_at DATETIME NULL,
  used_as VARCHAR(16) NOT NULL DEFAULT '',
  rental_id BIGINT NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_derp_serials_hash ON derp_serials (code_hash);
CREATE INDEX idx_derp_serials_status ON derp_serials (status, expires_at);
CREATE INDEX idx_derp_serials_batch ON derp_serials (batch_id, id);
CREATE INDEX idx_derp_serials_dist ON derp_serials (distributor_id, status);

-- Tier and bps are snapshotted at order time. idem_key is NULL without an Idempotency-Key, so
-- the (buyer_id, idem_key) unique index only binds keyed orders.
CREATE TABLE derp_orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_no VARCHAR(32) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  buyer_id BIGINT NOT NULL,
  distributor_id BIGINT NOT NULL DEFAULT 0,
  plan_id BIGINT NOT NULL DEFAULT 0,
  count INT NOT NULL DEFAULT 1,
  list_price BIGINT NOT NULL DEFAULT 0,
  tier VARCHAR(16) NOT NULL DEFAULT '',
  discount_bps INT NOT NULL DEFAULT 0,
  unit_price BIGINT NOT NULL DEFAULT 0,
  amount BIGINT NOT NULL DEFAULT 0,
  commission_bps INT NOT NULL DEFAULT 0,
  commission BIGINT NOT NULL DEFAULT 0,
  commission_to BIGINT NOT NULL DEFAULT 0,
  refunded BIGINT NOT NULL DEFAULT 0,
  pay_method VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  rental_id BIGINT NULL,
  serial_id BIGINT NULL,
  batch_id BIGINT NULL,
  idem_key VARCHAR(128) NULL,
  remark VARCHAR(255) NOT NULL DEFAULT '',
  review_reason VARCHAR(255) NOT NULL DEFAULT '',
  reviewed_by BIGINT NOT NULL DEFAULT 0,
  reviewed_at DATETIME NULL,
  completed_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_derp_orders_no ON derp_orders (order_no);
CREATE UNIQUE INDEX uk_derp_orders_idem ON derp_orders (buyer_id, idem_key);
CREATE INDEX idx_derp_orders_status ON derp_orders (status, created_at);
CREATE INDEX idx_derp_orders_dist ON derp_orders (distributor_id, created_at);
CREATE INDEX idx_derp_orders_rental ON derp_orders (rental_id);

CREATE TABLE derp_rentals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rental_no VARCHAR(32) NOT NULL,
  user_id BIGINT NOT NULL,
  distributor_id BIGINT NOT NULL DEFAULT 0,
  plan_id BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  suspend_reason VARCHAR(16) NOT NULL DEFAULT '',
  hold_reason VARCHAR(64) NOT NULL DEFAULT '',
  started_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  traffic_quota_bytes BIGINT NOT NULL DEFAULT 0,
  traffic_used_bytes BIGINT NOT NULL DEFAULT 0,
  traffic_notice_at DATETIME NULL,
  max_devices INT NOT NULL DEFAULT 20,
  omit_default_regions TINYINT NOT NULL DEFAULT 1,
  learn_until DATETIME NULL,
  placement_degraded TINYINT NOT NULL DEFAULT 0,
  acl_version INT NOT NULL DEFAULT 0,
  auto_renew TINYINT NOT NULL DEFAULT 0,
  deregistered_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_derp_rentals_no ON derp_rentals (rental_no);
CREATE INDEX idx_derp_rentals_state ON derp_rentals (state, expires_at);
CREATE INDEX idx_derp_rentals_user ON derp_rentals (user_id, id);
CREATE INDEX idx_derp_rentals_dist ON derp_rentals (distributor_id, id);

-- One row per activation, renewal or extend: the term history the reminders and finance read.
CREATE TABLE derp_rental_periods (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rental_id BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  order_id BIGINT NULL,
  serial_id BIGINT NULL,
  plan_id BIGINT NOT NULL DEFAULT 0,
  days INT NOT NULL DEFAULT 0,
  traffic_bytes BIGINT NOT NULL DEFAULT 0,
  starts_at DATETIME NOT NULL,
  ends_at DATETIME NOT NULL,
  actor_id BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_derp_rental_periods_rental ON derp_rental_periods (rental_id, id);

-- The snapshot kept at deregistration (the rental row stays too; this freezes what it served).
CREATE TABLE derp_rental_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rental_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  distributor_id BIGINT NOT NULL DEFAULT 0,
  plan_id BIGINT NOT NULL DEFAULT 0,
  started_at DATETIME NULL,
  expires_at DATETIME NULL,
  deregistered_at DATETIME NULL,
  traffic_used_bytes BIGINT NOT NULL DEFAULT 0,
  snapshot TEXT NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_derp_rental_history_rental ON derp_rental_history (rental_id);
CREATE INDEX idx_derp_rental_history_dist ON derp_rental_history (distributor_id, id);

CREATE TABLE derp_servers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name VARCHAR(64) NOT NULL,
  region VARCHAR(8) NOT NULL,
  region_name VARCHAR(64) NOT NULL DEFAULT '',
  public_ipv4 VARCHAR(45) NOT NULL,
  public_ipv6 VARCHAR(45) NOT NULL DEFAULT '',
  domestic_addr VARCHAR(128) NOT NULL DEFAULT '',
  provider VARCHAR(64) NOT NULL DEFAULT '',
  cloud_account VARCHAR(64) NOT NULL DEFAULT '',
  ssh_host VARCHAR(128) NOT NULL,
  ssh_port INT NOT NULL DEFAULT 22,
  ssh_user VARCHAR(64) NOT NULL DEFAULT 'root',
  ssh_auth VARCHAR(16) NOT NULL,
  ssh_secret_enc TEXT NOT NULL,
  ssh_hostkey_sha256 VARCHAR(64) NOT NULL DEFAULT '',
  hostkey_tofu TINYINT NOT NULL DEFAULT 0,
  cert_pem TEXT NOT NULL,
  cert_key_enc TEXT NOT NULL,
  cert_pin VARCHAR(80) NOT NULL,
  bandwidth_mbps INT NOT NULL DEFAULT 0,
  monthly_quota_bytes BIGINT NOT NULL DEFAULT 0,
  billing_day INT NOT NULL DEFAULT 1,
  month_used_bytes BIGINT NOT NULL DEFAULT 0,
  total_used_bytes BIGINT NOT NULL DEFAULT 0,
  host_iface VARCHAR(32) NOT NULL DEFAULT '',
  host_rx_last BIGINT NOT NULL DEFAULT 0,
  host_tx_last BIGINT NOT NULL DEFAULT 0,
  port_base INT NOT NULL DEFAULT 20000,
  port_count INT NOT NULL DEFAULT 1000,
  max_containers INT NOT NULL DEFAULT 50,
  container_count INT NOT NULL DEFAULT 0,
  state VARCHAR(16) NOT NULL DEFAULT 'active',
  health VARCHAR(16) NOT NULL DEFAULT 'unknown',
  host_state VARCHAR(16) NOT NULL DEFAULT 'pending',
  ok_streak INT NOT NULL DEFAULT 0,
  fail_streak INT NOT NULL DEFAULT 0,
  last_latency_ms INT NOT NULL DEFAULT 0,
  rate_bps BIGINT NOT NULL DEFAULT 0,
  last_error VARCHAR(512) NOT NULL DEFAULT '',
  prepared_at DATETIME NULL,
  removed_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_derp_servers_ipv4 ON derp_servers (public_ipv4);
CREATE INDEX idx_derp_servers_state ON derp_servers (state, region);

-- The logic sets desired; only the host worker sets state.
CREATE TABLE derp_containers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rental_id BIGINT NOT NULL,
  server_id BIGINT NOT NULL,
  ha_index INT NOT NULL,
  port INT NOT NULL,
  token_gen INT NOT NULL DEFAULT 1,
  spec_hash VARCHAR(16) NOT NULL DEFAULT '',
  desired VARCHAR(16) NOT NULL DEFAULT 'running',
  state VARCHAR(16) NOT NULL DEFAULT 'pending',
  op_gen INT NOT NULL DEFAULT 0,
  last_error VARCHAR(512) NOT NULL DEFAULT '',
  rx_last BIGINT NOT NULL DEFAULT 0,
  tx_last BIGINT NOT NULL DEFAULT 0,
  rx_total BIGINT NOT NULL DEFAULT 0,
  tx_total BIGINT NOT NULL DEFAULT 0,
  counter_started_at VARCHAR(64) NOT NULL DEFAULT '',
  rate_bps BIGINT NOT NULL DEFAULT 0,
  rate_high_streak INT NOT NULL DEFAULT 0,
  probe_ok TINYINT NOT NULL DEFAULT 0,
  latency_ms INT NOT NULL DEFAULT 0,
  down_since DATETIME NULL,
  removed_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_derp_containers_rental ON derp_containers (rental_id, ha_index);
CREATE INDEX idx_derp_containers_server ON derp_containers (server_id, state);

-- The PK is the port guard: two placements racing for one port collide on the insert.
CREATE TABLE derp_port_slots (
  server_id BIGINT NOT NULL,
  port INT NOT NULL,
  container_id BIGINT NULL,
  state VARCHAR(16) NOT NULL,
  until_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (server_id, port)
);
CREATE INDEX idx_derp_port_slots_container ON derp_port_slots (container_id);

CREATE TABLE derp_host_ops (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  server_id BIGINT NOT NULL,
  container_id BIGINT NULL,
  op VARCHAR(16) NOT NULL,
  target_gen INT NOT NULL DEFAULT 0,
  state VARCHAR(16) NOT NULL DEFAULT 'pending',
  attempts INT NOT NULL DEFAULT 0,
  next_run_at DATETIME NOT NULL,
  lease_owner VARCHAR(64) NOT NULL DEFAULT '',
  lease_until DATETIME NULL,
  last_error VARCHAR(512) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_derp_host_ops_due ON derp_host_ops (state, next_run_at);
CREATE INDEX idx_derp_host_ops_server ON derp_host_ops (server_id, state);
CREATE INDEX idx_derp_host_ops_container ON derp_host_ops (container_id, id);

CREATE TABLE derp_devices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rental_id BIGINT NOT NULL,
  node_key VARCHAR(80) NOT NULL,
  name VARCHAR(64) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL,
  source VARCHAR(16) NOT NULL,
  ips VARCHAR(255) NOT NULL DEFAULT '',
  last_seen_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_derp_devices_key ON derp_devices (rental_id, node_key);
CREATE INDEX idx_derp_devices_status ON derp_devices (status, updated_at);

-- The ACL generation log. `trigger` is a reserved word in MySQL, hence gen_trigger.
CREATE TABLE derp_acl_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rental_id BIGINT NOT NULL,
  version INT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  body TEXT NULL,
  generated_at DATETIME NOT NULL,
  valid_until DATETIME NOT NULL,
  gen_trigger VARCHAR(32) NOT NULL,
  actor_id BIGINT NOT NULL DEFAULT 0,
  actor_ip VARCHAR(64) NOT NULL DEFAULT '',
  actor_geo VARCHAR(128) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL DEFAULT 'current',
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_derp_acl_versions ON derp_acl_versions (rental_id, version);
CREATE INDEX idx_derp_acl_versions_due ON derp_acl_versions (status, valid_until);

CREATE TABLE derp_acl_downloads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rental_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL DEFAULT 0,
  distributor_id BIGINT NOT NULL DEFAULT 0,
  version INT NOT NULL DEFAULT 0,
  user_id BIGINT NOT NULL,
  username VARCHAR(64) NOT NULL DEFAULT '',
  ip VARCHAR(64) NOT NULL DEFAULT '',
  geo VARCHAR(128) NOT NULL DEFAULT '',
  machine_code VARCHAR(64) NOT NULL DEFAULT '',
  browser VARCHAR(64) NOT NULL DEFAULT '',
  user_agent VARCHAR(512) NOT NULL DEFAULT '',
  format VARCHAR(16) NOT NULL DEFAULT 'json',
  result VARCHAR(16) NOT NULL,
  reason VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_derp_acl_downloads_rental ON derp_acl_downloads (rental_id, id);
CREATE INDEX idx_derp_acl_downloads_dist ON derp_acl_downloads (distributor_id, created_at);
CREATE INDEX idx_derp_acl_downloads_created ON derp_acl_downloads (created_at);

-- Raw probe results (pruned after 14 d); container_id 0 is the server's own SSH probe.
CREATE TABLE derp_probes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  server_id BIGINT NOT NULL,
  container_id BIGINT NOT NULL DEFAULT 0,
  kind VARCHAR(16) NOT NULL,
  ok TINYINT NOT NULL DEFAULT 0,
  latency_ms INT NOT NULL DEFAULT 0,
  error VARCHAR(255) NOT NULL DEFAULT '',
  probed_at DATETIME NOT NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_derp_probes_server ON derp_probes (server_id, probed_at);
CREATE INDEX idx_derp_probes_time ON derp_probes (probed_at);

CREATE TABLE derp_probes_hourly (
  server_id BIGINT NOT NULL,
  container_id BIGINT NOT NULL DEFAULT 0,
  bucket_ts DATETIME NOT NULL,
  rounds INT NOT NULL DEFAULT 0,
  ok_rounds INT NOT NULL DEFAULT 0,
  p50_ms INT NOT NULL DEFAULT 0,
  p95_ms INT NOT NULL DEFAULT 0,
  max_ms INT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (server_id, container_id, bucket_ts)
);

-- The PK insert comes first; totals move only when it took effect (no double count per bucket).
CREATE TABLE derp_traffic_samples (
  container_id BIGINT NOT NULL,
  bucket_ts DATETIME NOT NULL,
  rx_bytes BIGINT NOT NULL DEFAULT 0,
  tx_bytes BIGINT NOT NULL DEFAULT 0,
  rate_bps BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (container_id, bucket_ts)
);
CREATE INDEX idx_derp_traffic_samples_time ON derp_traffic_samples (bucket_ts);

CREATE TABLE derp_traffic_hourly (
  container_id BIGINT NOT NULL,
  bucket_ts DATETIME NOT NULL,
  rental_id BIGINT NOT NULL DEFAULT 0,
  rx_bytes BIGINT NOT NULL DEFAULT 0,
  tx_bytes BIGINT NOT NULL DEFAULT 0,
  peak_bps BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (container_id, bucket_ts)
);
CREATE INDEX idx_derp_traffic_hourly_rental ON derp_traffic_hourly (rental_id, bucket_ts);

CREATE TABLE derp_server_months (
  server_id BIGINT NOT NULL,
  month VARCHAR(7) NOT NULL,
  used_bytes BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (server_id, month)
);

CREATE TABLE derp_alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind VARCHAR(32) NOT NULL,
  severity VARCHAR(16) NOT NULL DEFAULT 'warning',
  server_id BIGINT NOT NULL DEFAULT 0,
  container_id BIGINT NOT NULL DEFAULT 0,
  rental_id BIGINT NOT NULL DEFAULT 0,
  message VARCHAR(512) NOT NULL DEFAULT '',
  dedup_key VARCHAR(128) NULL,
  state VARCHAR(16) NOT NULL DEFAULT 'open',
  acked_by BIGINT NOT NULL DEFAULT 0,
  acked_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_derp_alerts_dedup ON derp_alerts (dedup_key);
CREATE INDEX idx_derp_alerts_state ON derp_alerts (state, id);

-- System notices, written in the state-change transaction: dedup_key makes each exactly once.
CREATE TABLE derp_notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dedup_key VARCHAR(128) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  user_id BIGINT NOT NULL DEFAULT 0,
  rental_id BIGINT NOT NULL DEFAULT 0,
  template VARCHAR(64) NOT NULL DEFAULT '',
  params TEXT NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_derp_notices_dedup ON derp_notices (dedup_key);
CREATE INDEX idx_derp_notices_rental ON derp_notices (rental_id, id);
