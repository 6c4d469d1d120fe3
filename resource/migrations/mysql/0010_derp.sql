-- DERP relay rental (issue 13, spec/derp.md §3). Money in fen (1 quota unit), traffic in bytes.
-- Customers are `users` rows of the built-in role `member`; their prepaid balance is their ledger
-- account, so no table here holds a balance. Secrets (serial codes, SSH secrets, cert keys) are
-- only a lookup hash plus AES-GCM sealed text. Every state column is changed by a guarded
-- `UPDATE … WHERE id=? AND state=?`; `now` is always a parameter, never NOW().

INSERT INTO roles (code, name, level, remark) VALUES ('member', 'role.member', 3, '');

CREATE TABLE derp_plans (
  id BIGINT NOT NULL AUTO_INCREMENT,
  name VARCHAR(64) NOT NULL,
  days INT NOT NULL,
  price BIGINT NOT NULL DEFAULT 0,
  traffic_bytes BIGINT NOT NULL DEFAULT 0,
  max_devices INT NOT NULL DEFAULT 20,
  status VARCHAR(16) NOT NULL DEFAULT 'disabled',
  sort INT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

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
  PRIMARY KEY (user_id),
  UNIQUE KEY uk_derp_distributors_invite (invite_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE derp_serial_batches (
  id BIGINT NOT NULL AUTO_INCREMENT,
  plan_id BIGINT NOT NULL,
  count INT NOT NULL,
  distributor_id BIGINT NULL,
  order_id BIGINT NULL,
  source VARCHAR(16) NOT NULL DEFAULT 'admin',
  remark VARCHAR(255) NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL DEFAULT 0,
  expires_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_derp_serial_batches_dist (distributor_id, id),
  KEY idx_derp_serial_batches_order (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Never plaintext: code_hash = LookupHash, code_enc = Seal, for the export only.
CREATE TABLE derp_serials (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_derp_serials_hash (code_hash),
  KEY idx_derp_serials_status (status, expires_at),
  KEY idx_derp_serials_batch (batch_id, id),
  KEY idx_derp_serials_dist (distributor_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Tier and bps are snapshotted at order time. idem_key is NULL without an Idempotency-Key, so
-- the (buyer_id, idem_key) unique index only binds keyed orders.
CREATE TABLE derp_orders (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_derp_orders_no (order_no),
  UNIQUE KEY uk_derp_orders_idem (buyer_id, idem_key),
  KEY idx_derp_orders_status (status, created_at),
  KEY idx_derp_orders_dist (distributor_id, created_at),
  KEY idx_derp_orders_rental (rental_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE derp_rentals (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_derp_rentals_no (rental_no),
  KEY idx_derp_rentals_state (state, expires_at),
  KEY idx_derp_rentals_user (user_id, id),
  KEY idx_derp_rentals_dist (distributor_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per activation, renewal or extend: the term history the reminders and finance read.
CREATE TABLE derp_rental_periods (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_derp_rental_periods_rental (rental_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The snapshot kept at deregistration (the rental row stays too; this freezes what it served).
CREATE TABLE derp_rental_history (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_derp_rental_history_rental (rental_id),
  KEY idx_derp_rental_history_dist (distributor_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE derp_servers (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_derp_servers_ipv4 (public_ipv4),
  KEY idx_derp_servers_state (state, region)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The logic sets desired; only the host worker sets state.
CREATE TABLE derp_containers (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_derp_containers_rental (rental_id, ha_index),
  KEY idx_derp_containers_server (server_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The PK is the port guard: two placements racing for one port collide on the insert.
CREATE TABLE derp_port_slots (
  server_id BIGINT NOT NULL,
  port INT NOT NULL,
  container_id BIGINT NULL,
  state VARCHAR(16) NOT NULL,
  until_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (server_id, port),
  KEY idx_derp_port_slots_container (container_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE derp_host_ops (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_derp_host_ops_due (state, next_run_at),
  KEY idx_derp_host_ops_server (server_id, state),
  KEY idx_derp_host_ops_container (container_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE derp_devices (
  id BIGINT NOT NULL AUTO_INCREMENT,
  rental_id BIGINT NOT NULL,
  node_key VARCHAR(80) NOT NULL,
  name VARCHAR(64) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL,
  source VARCHAR(16) NOT NULL,
  ips VARCHAR(255) NOT NULL DEFAULT '',
  last_seen_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_derp_devices_key (rental_id, node_key),
  KEY idx_derp_devices_status (status, updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ACL generation log. `trigger` is a reserved word in MySQL, hence gen_trigger.
CREATE TABLE derp_acl_versions (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_derp_acl_versions (rental_id, version),
  KEY idx_derp_acl_versions_due (status, valid_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE derp_acl_downloads (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_derp_acl_downloads_rental (rental_id, id),
  KEY idx_derp_acl_downloads_dist (distributor_id, created_at),
  KEY idx_derp_acl_downloads_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Raw probe results (pruned after 14 d); container_id 0 is the server's own SSH probe.
CREATE TABLE derp_probes (
  id BIGINT NOT NULL AUTO_INCREMENT,
  server_id BIGINT NOT NULL,
  container_id BIGINT NOT NULL DEFAULT 0,
  kind VARCHAR(16) NOT NULL,
  ok TINYINT NOT NULL DEFAULT 0,
  latency_ms INT NOT NULL DEFAULT 0,
  error VARCHAR(255) NOT NULL DEFAULT '',
  probed_at DATETIME NOT NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_derp_probes_server (server_id, probed_at),
  KEY idx_derp_probes_time (probed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

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
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The PK insert comes first; totals move only when it took effect (no double count per bucket).
CREATE TABLE derp_traffic_samples (
  container_id BIGINT NOT NULL,
  bucket_ts DATETIME NOT NULL,
  rx_bytes BIGINT NOT NULL DEFAULT 0,
  tx_bytes BIGINT NOT NULL DEFAULT 0,
  rate_bps BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (container_id, bucket_ts),
  KEY idx_derp_traffic_samples_time (bucket_ts)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE derp_traffic_hourly (
  container_id BIGINT NOT NULL,
  bucket_ts DATETIME NOT NULL,
  rental_id BIGINT NOT NULL DEFAULT 0,
  rx_bytes BIGINT NOT NULL DEFAULT 0,
  tx_bytes BIGINT NOT NULL DEFAULT 0,
  peak_bps BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (container_id, bucket_ts),
  KEY idx_derp_traffic_hourly_rental (rental_id, bucket_ts)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE derp_server_months (
  server_id BIGINT NOT NULL,
  month VARCHAR(7) NOT NULL,
  used_bytes BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (server_id, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE derp_alerts (
  id BIGINT NOT NULL AUTO_INCREMENT,
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
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_derp_alerts_dedup (dedup_key),
  KEY idx_derp_alerts_state (state, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- System notices, written in the state-change transaction: dedup_key makes each exactly once.
CREATE TABLE derp_notices (
  id BIGINT NOT NULL AUTO_INCREMENT,
  dedup_key VARCHAR(128) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  user_id BIGINT NOT NULL DEFAULT 0,
  rental_id BIGINT NOT NULL DEFAULT 0,
  template VARCHAR(64) NOT NULL DEFAULT '',
  params TEXT NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_derp_notices_dedup (dedup_key),
  KEY idx_derp_notices_rental (rental_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
