-- AI API relay (issue 12, contract relay.md §6): tokens, channels and their keys, prices, groups,
-- per-request logs, hourly statistics and channel events. The module's whole schema lands at once
-- so later parts add logic, not migrations.
--
-- Secrets: a token key is only found again, so it is stored as infra LookupHash("relay/token")
-- (64 hex) plus a display hint; a channel key must be read back to call the upstream, so it is
-- sealed with AES-256-GCM under the subkey "relay/channel-key". Ratios are decimal strings
-- (DECIMAL(20,9) here) so billing never touches float64. Statuses are small integers because the
-- contract's wire format is (tokens 1 on / 0 off; channels and keys 1 on, 0 off by hand, 2 off by
-- automation: automation moves only 1 <-> 2, so a manual 0 survives probes).

CREATE TABLE relay_tokens (
  id BIGINT NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL,
  name VARCHAR(64) NOT NULL,
  key_hash CHAR(64) NOT NULL,
  key_hint VARCHAR(16) NOT NULL,
  status TINYINT NOT NULL DEFAULT 1,
  expires_at DATETIME NULL,
  quota_limit BIGINT NOT NULL DEFAULT 0,
  used_quota BIGINT NOT NULL DEFAULT 0,
  allowed_models TEXT NOT NULL,
  allowed_ips TEXT NOT NULL,
  rpm_limit INT NOT NULL DEFAULT 0,
  last_used_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  deleted_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_relay_tokens_key (key_hash),
  KEY idx_relay_tokens_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- base_url is the SDK base URL with its version path, trailing '/' trimmed. models, group_codes:
-- JSON arrays; model_mapping: JSON object requested -> upstream name. version guards PUTs.
CREATE TABLE relay_channels (
  id BIGINT NOT NULL AUTO_INCREMENT,
  name VARCHAR(64) NOT NULL,
  type VARCHAR(16) NOT NULL DEFAULT 'openai',
  base_url VARCHAR(512) NOT NULL,
  models TEXT NOT NULL,
  model_mapping TEXT NOT NULL,
  group_codes TEXT NOT NULL,
  priority INT NOT NULL DEFAULT 0,
  weight INT NOT NULL DEFAULT 1,
  auto_ban TINYINT NOT NULL DEFAULT 1,
  test_model VARCHAR(128) NOT NULL DEFAULT '',
  first_byte_timeout_s INT NOT NULL DEFAULT 0,
  idle_timeout_s INT NOT NULL DEFAULT 0,
  remark VARCHAR(255) NOT NULL DEFAULT '',
  status TINYINT NOT NULL DEFAULT 1,
  status_reason VARCHAR(255) NOT NULL DEFAULT '',
  status_changed_at DATETIME NULL,
  trips INT NOT NULL DEFAULT 0,
  probe_successes INT NOT NULL DEFAULT 0,
  response_time_ms INT NOT NULL DEFAULT 0,
  tested_at DATETIME NULL,
  version INT NOT NULL DEFAULT 1,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- secret: nonce||ciphertext||tag (keyring.Seal text). probe_successes counts consecutive
-- successful probe runs of an auto-disabled key (2 bring it back).
CREATE TABLE relay_channel_keys (
  id BIGINT NOT NULL AUTO_INCREMENT,
  channel_id BIGINT NOT NULL,
  secret TEXT NOT NULL,
  hint VARCHAR(16) NOT NULL,
  status TINYINT NOT NULL DEFAULT 1,
  status_reason VARCHAR(255) NOT NULL DEFAULT '',
  probe_successes INT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_relay_channel_keys_channel (channel_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One price row per requested model, in ledger units (1 unit = 1 fen by default; One API's
-- 500,000-per-dollar ratios must be converted). model_price > 0 selects per-call billing.
CREATE TABLE relay_prices (
  id BIGINT NOT NULL AUTO_INCREMENT,
  model VARCHAR(128) NOT NULL,
  model_ratio DECIMAL(20,9) NOT NULL DEFAULT 0,
  completion_ratio DECIMAL(20,9) NOT NULL DEFAULT 1,
  cache_ratio DECIMAL(20,9) NOT NULL DEFAULT 1,
  model_price DECIMAL(20,9) NOT NULL DEFAULT 0,
  tokenizer VARCHAR(16) NOT NULL DEFAULT 'o200k_base',
  owned_by VARCHAR(64) NOT NULL DEFAULT '',
  enabled TINYINT NOT NULL DEFAULT 1,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_relay_prices_model (model)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE relay_groups (
  id BIGINT NOT NULL AUTO_INCREMENT,
  code VARCHAR(32) NOT NULL,
  name VARCHAR(64) NOT NULL,
  ratio DECIMAL(20,9) NOT NULL DEFAULT 1,
  agent_assignable TINYINT NOT NULL DEFAULT 0,
  remark VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_relay_groups_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO relay_groups (code, name, ratio, agent_assignable, remark) VALUES ('default', 'Default', 1, 1, '');

-- A user without a row is in the group 'default'.
CREATE TABLE relay_user_groups (
  user_id BIGINT NOT NULL,
  group_code VARCHAR(32) NOT NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (user_id),
  KEY idx_relay_user_groups_group (group_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per admitted request, inserted pending with its reservation in one transaction and
-- settled once by a guarded UPDATE (settle_state = 'pending'). The price inputs are copied so a
-- charge can be replayed. reservation_id is the ledger's reservation.
CREATE TABLE relay_logs (
  id BIGINT NOT NULL AUTO_INCREMENT,
  request_id CHAR(32) NOT NULL,
  user_id BIGINT NOT NULL,
  token_id BIGINT NOT NULL,
  token_name VARCHAR(64) NOT NULL DEFAULT '',
  group_code VARCHAR(32) NOT NULL DEFAULT 'default',
  model VARCHAR(128) NOT NULL,
  upstream_model VARCHAR(128) NOT NULL DEFAULT '',
  channel_id BIGINT NOT NULL DEFAULT 0,
  channel_name VARCHAR(64) NOT NULL DEFAULT '',
  key_id BIGINT NOT NULL DEFAULT 0,
  is_stream TINYINT NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL DEFAULT 'pending',
  http_status INT NOT NULL DEFAULT 0,
  error_code VARCHAR(64) NOT NULL DEFAULT '',
  error_message VARCHAR(512) NOT NULL DEFAULT '',
  prompt_tokens BIGINT NOT NULL DEFAULT 0,
  completion_tokens BIGINT NOT NULL DEFAULT 0,
  cached_tokens BIGINT NOT NULL DEFAULT 0,
  usage_source VARCHAR(16) NOT NULL DEFAULT '',
  model_ratio DECIMAL(20,9) NOT NULL DEFAULT 0,
  completion_ratio DECIMAL(20,9) NOT NULL DEFAULT 1,
  cache_ratio DECIMAL(20,9) NOT NULL DEFAULT 1,
  group_ratio DECIMAL(20,9) NOT NULL DEFAULT 1,
  model_price DECIMAL(20,9) NOT NULL DEFAULT 0,
  pre_quota BIGINT NOT NULL DEFAULT 0,
  quota BIGINT NOT NULL DEFAULT 0,
  uncollected BIGINT NOT NULL DEFAULT 0,
  reservation_id BIGINT NOT NULL DEFAULT 0,
  settle_state VARCHAR(16) NOT NULL DEFAULT 'pending',
  final TINYINT NOT NULL DEFAULT 0,
  attempts INT NOT NULL DEFAULT 0,
  ttfb_ms INT NOT NULL DEFAULT 0,
  latency_ms INT NOT NULL DEFAULT 0,
  client_ip VARCHAR(45) NOT NULL DEFAULT '',
  node_id VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  settled_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_relay_logs_request (request_id),
  KEY idx_relay_logs_user (user_id, created_at),
  KEY idx_relay_logs_token (token_id, created_at),
  KEY idx_relay_logs_channel (channel_id, created_at),
  KEY idx_relay_logs_settle (settle_state, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- hour: 'YYYY-MM-DD HH' in kami.timeZone; rebuilt idempotently by relay.stats.rollup.
CREATE TABLE relay_stats_hourly (
  hour VARCHAR(13) NOT NULL,
  user_id BIGINT NOT NULL,
  model VARCHAR(128) NOT NULL,
  channel_id BIGINT NOT NULL,
  requests BIGINT NOT NULL DEFAULT 0,
  success BIGINT NOT NULL DEFAULT 0,
  failed BIGINT NOT NULL DEFAULT 0,
  prompt_tokens BIGINT NOT NULL DEFAULT 0,
  completion_tokens BIGINT NOT NULL DEFAULT 0,
  quota BIGINT NOT NULL DEFAULT 0,
  updated_at DATETIME NULL,
  PRIMARY KEY (hour, user_id, model, channel_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind: auto_disabled, manual_disabled, auto_enabled, manual_enabled, probe_ok, probe_fail,
-- model_missing. key_id 0 = the channel itself.
CREATE TABLE relay_channel_events (
  id BIGINT NOT NULL AUTO_INCREMENT,
  channel_id BIGINT NOT NULL,
  key_id BIGINT NOT NULL DEFAULT 0,
  kind VARCHAR(32) NOT NULL,
  model VARCHAR(128) NOT NULL DEFAULT '',
  reason VARCHAR(512) NOT NULL DEFAULT '',
  operator_id BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_relay_channel_events_channel (channel_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
