-- Quota ledger (issue: quota ledger). Amounts are BIGINT units (1 unit = 1 分 by default).
--
-- One balance row per user. available and frozen change only through the ledger, which writes
-- the entries below in the same transaction; the guarded UPDATE (available >= amount) is the
-- final word on whether a debit happens. The system account (user_id 0) has entries only: a
-- single hot row every recharge touched would serialise the whole platform.
CREATE TABLE quota_accounts (
  user_id INTEGER PRIMARY KEY NOT NULL,
  available BIGINT NOT NULL DEFAULT 0,
  frozen BIGINT NOT NULL DEFAULT 0,
  updated_at DATETIME NULL
);

INSERT INTO quota_accounts (user_id, available, frozen, updated_at) SELECT id, 0, 0, created_at FROM users;

-- One row per operation. idem_key is unique: an operation retried with its key finds this row
-- and answers what the first run answered (result), or 409 when the fingerprint of the request
-- differs.
CREATE TABLE quota_movements (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idem_key VARCHAR(191) NULL,
  fingerprint CHAR(64) NOT NULL DEFAULT '',
  type VARCHAR(32) NOT NULL,
  ref VARCHAR(128) NOT NULL DEFAULT '',
  operator_id BIGINT NOT NULL DEFAULT 0,
  amount BIGINT NOT NULL DEFAULT 0,
  result BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_quota_movements_idem ON quota_movements (idem_key);
CREATE INDEX idx_quota_movements_ref ON quota_movements (ref);

-- Double entry: the entries of one movement sum to zero. bucket is the part of the account an
-- entry moves (available or frozen); balance_after is that part after the entry. Never updated
-- or deleted.
CREATE TABLE quota_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  movement_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  bucket VARCHAR(16) NOT NULL,
  amount BIGINT NOT NULL,
  balance_after BIGINT NOT NULL DEFAULT 0,
  type VARCHAR(32) NOT NULL,
  counterparty_id BIGINT NOT NULL DEFAULT 0,
  operator_id BIGINT NOT NULL DEFAULT 0,
  ref VARCHAR(128) NOT NULL DEFAULT '',
  remark VARCHAR(255) NOT NULL DEFAULT '',
  idem_key VARCHAR(191) NULL,
  created_at DATETIME NULL
);
CREATE INDEX idx_quota_entries_movement ON quota_entries (movement_id);
CREATE INDEX idx_quota_entries_user ON quota_entries (user_id, id);
CREATE INDEX idx_quota_entries_user_type ON quota_entries (user_id, type, created_at);
CREATE INDEX idx_quota_entries_ref ON quota_entries (ref);
CREATE INDEX idx_quota_entries_created ON quota_entries (created_at);

-- Quota held for a module's pending work (a card batch being generated, a relay request, an
-- order at the upstream): frozen until committed (collected) or released. Open rows past their
-- deadline are what the modules' sweepers list.
CREATE TABLE quota_reservations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  collected BIGINT NOT NULL DEFAULT 0,
  type VARCHAR(32) NOT NULL,
  ref VARCHAR(128) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL DEFAULT 'open',
  deadline DATETIME NULL,
  created_at DATETIME NULL,
  settled_at DATETIME NULL
);
CREATE INDEX idx_quota_reservations_ref ON quota_reservations (ref);
CREATE INDEX idx_quota_reservations_open ON quota_reservations (status, deadline);
CREATE INDEX idx_quota_reservations_user ON quota_reservations (user_id, status);

-- Withdrawal requests: the amount is reserved (frozen) from the request on; approval collects
-- it (paid offline, payment_ref names the payment), rejection or cancellation releases it.
-- status: review (held by a risk rule), pending, paid, rejected, cancelled.
CREATE TABLE quota_withdrawals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  account VARCHAR(255) NOT NULL,
  remark VARCHAR(255) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL,
  reservation_id BIGINT NOT NULL DEFAULT 0,
  payment_ref VARCHAR(128) NOT NULL DEFAULT '',
  reason VARCHAR(255) NOT NULL DEFAULT '',
  decided_by BIGINT NOT NULL DEFAULT 0,
  decided_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_quota_withdrawals_user ON quota_withdrawals (user_id, id);
CREATE INDEX idx_quota_withdrawals_status ON quota_withdrawals (status, id);

-- Operations a risk rule held for review (seed 001 §9.2): the amount stays reserved until a
-- reviewer approves it (all or part; the rest is released) or rejects it.
-- kind: transfer or withdrawal; status: pending, approved, rejected.
CREATE TABLE quota_reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind VARCHAR(16) NOT NULL,
  user_id BIGINT NOT NULL,
  to_user_id BIGINT NOT NULL DEFAULT 0,
  amount BIGINT NOT NULL,
  approved_amount BIGINT NOT NULL DEFAULT 0,
  rules VARCHAR(255) NOT NULL DEFAULT '',
  remark VARCHAR(255) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL,
  reservation_id BIGINT NOT NULL DEFAULT 0,
  withdrawal_id BIGINT NOT NULL DEFAULT 0,
  movement_id BIGINT NOT NULL DEFAULT 0,
  note VARCHAR(255) NOT NULL DEFAULT '',
  reviewer_id BIGINT NOT NULL DEFAULT 0,
  decided_at DATETIME NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE INDEX idx_quota_reviews_status ON quota_reviews (status, id);
CREATE INDEX idx_quota_reviews_user ON quota_reviews (user_id, id);

-- What the reconciliation job found: an account whose balance differs from the sum of its
-- entries (kind account), or a ledger whose entries do not sum to zero (kind global).
CREATE TABLE quota_alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind VARCHAR(16) NOT NULL,
  user_id BIGINT NOT NULL DEFAULT 0,
  bucket VARCHAR(16) NOT NULL DEFAULT '',
  expected BIGINT NOT NULL DEFAULT 0,
  actual BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL
);
CREATE INDEX idx_quota_alerts_created ON quota_alerts (created_at);

-- Facts of the ledger fixed at first boot (unitsPerYuan): a later boot configured otherwise
-- refuses to start instead of rescaling every balance by accident.
CREATE TABLE quota_meta (
  k VARCHAR(64) NOT NULL PRIMARY KEY,
  v BIGINT NOT NULL,
  created_at DATETIME NULL
);
