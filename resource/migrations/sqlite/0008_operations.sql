-- Operations (issue 11, statistics and banners). The statistics are daily aggregates the
-- stats.refresh job writes from the raw tables, so a dashboard request never scans cards or
-- ledger entries. day is the calendar day in kami.timeZone as 'YYYY-MM-DD' (text sorts and
-- compares the same on every dialect).

-- Cards per day, owner (the operator who generated and paid for them) and project: created
-- (created that day), activated, expired (validity ended that day) and disabled that day.
CREATE TABLE stats_card_daily (
  day CHAR(10) NOT NULL,
  owner_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  created BIGINT NOT NULL DEFAULT 0,
  activated BIGINT NOT NULL DEFAULT 0,
  expired BIGINT NOT NULL DEFAULT 0,
  disabled BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (day, owner_id, project_id)
);
CREATE INDEX idx_stats_card_daily_owner ON stats_card_daily (owner_id, day);

-- Ledger flows per day, user and entry type, on the available part of the account (what a
-- user spends and receives): amount_in the sum of credits, amount_out of debits (positive),
-- entries how many. user_id 0 is the system account.
CREATE TABLE stats_quota_daily (
  day CHAR(10) NOT NULL,
  user_id BIGINT NOT NULL,
  type VARCHAR(32) NOT NULL,
  amount_in BIGINT NOT NULL DEFAULT 0,
  amount_out BIGINT NOT NULL DEFAULT 0,
  entries BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (day, user_id, type)
);
CREATE INDEX idx_stats_quota_daily_user ON stats_quota_daily (user_id, day);

-- User activity per day: successful logins, logged operations, and online_seconds, the time
-- online estimated from session activity: every 5-minute slot with a login or an operation of
-- the user counts 300 seconds.
CREATE TABLE stats_activity_daily (
  day CHAR(10) NOT NULL,
  user_id BIGINT NOT NULL,
  logins BIGINT NOT NULL DEFAULT 0,
  operations BIGINT NOT NULL DEFAULT 0,
  online_seconds BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (day, user_id)
);
CREATE INDEX idx_stats_activity_daily_user ON stats_activity_daily (user_id, day);

-- The same by hour of the day (0-23, display zone), for the hour x weekday heatmap.
CREATE TABLE stats_activity_hourly (
  day CHAR(10) NOT NULL,
  hour INT NOT NULL,
  user_id BIGINT NOT NULL,
  logins BIGINT NOT NULL DEFAULT 0,
  operations BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (day, hour, user_id)
);
CREATE INDEX idx_stats_activity_hourly_user ON stats_activity_hourly (user_id, day);

-- The refresh job's book: a day is recomputed by every run until a run that started at least
-- stats.lateGrace after the day ended has recomputed it; then frozen = 1 and later runs leave
-- it, unless a late ledger entry (an id above the last run's high-water id, stats_state
-- quota_entries) lands in it, which unfreezes it for one more recomputation.
CREATE TABLE stats_days (
  day CHAR(10) NOT NULL,
  frozen TINYINT NOT NULL DEFAULT 0,
  refreshed_at DATETIME NULL,
  PRIMARY KEY (day)
);

CREATE TABLE stats_state (
  k VARCHAR(64) NOT NULL,
  v BIGINT NOT NULL DEFAULT 0,
  updated_at DATETIME NULL,
  PRIMARY KEY (k)
);

-- Carousel banners of the panel's home page (seed 001 §6.2). The image is stored through the
-- banner storage (a folder under dataDir) as storage_key; etag is the quoted SHA-256 prefix of
-- its bytes. status: active (in the public list) or disabled. Lower sort first.
CREATE TABLE banners (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title VARCHAR(128) NOT NULL DEFAULT '',
  link VARCHAR(512) NOT NULL DEFAULT '',
  sort INT NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL DEFAULT 'active',
  storage_key VARCHAR(128) NOT NULL,
  content_type VARCHAR(32) NOT NULL,
  size BIGINT NOT NULL DEFAULT 0,
  width INT NOT NULL DEFAULT 0,
  height INT NOT NULL DEFAULT 0,
  etag VARCHAR(80) NOT NULL,
  created_by BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_banners_status ON banners (status, sort, id);

-- The refresh job reads one day of cards by each fact's time; without these a recomputation of
-- today would scan the whole cards table on every run.
CREATE INDEX idx_cards_stats_created ON cards (created_at);
CREATE INDEX idx_cards_stats_activated ON cards (activated_at);
CREATE INDEX idx_cards_stats_expires ON cards (expires_at);
CREATE INDEX idx_cards_stats_disabled ON cards (disabled_at);
CREATE INDEX idx_card_batches_stats_disabled ON card_batches (disabled_at);
