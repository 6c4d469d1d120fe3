-- Card platform (issue 9): projects and their plans and keys, authorizations and applications,
-- card batches, cards, device bindings, verification history and export audit. The whole
-- module's schema lands here at once, so later parts (batches, cards, the OpenAPI) add logic,
-- not migrations.
--
-- Secrets are never stored in the clear: what must be read back (app secrets, webhook secrets,
-- private signing keys, card keys for export) is sealed with AES-256-GCM under a subkey of the
-- master key (infra.Seal, "v1:..." text); what must only be found again (card keys) is stored
-- as a keyed hash (infra.LookupHash, 64 hex). Uniqueness of "one live row per pair" uses a
-- nullable *_key column under a unique index, set while the row is live and NULL after: NULLs
-- never collide on MySQL, TiDB or SQLite, and history rows stay.

-- A project is one third-party software product whose cards Kami sells. status: active or
-- disabled. app_key is public (X-Kami-App-Key); app_secret signs requests (HMAC-SHA256), so it
-- is sealed, not hashed. A rotation moves the current secret to prev_app_secret, valid until
-- prev_secret_until (the setting projects.secretGrace), so two secrets verify meanwhile.
-- callback_events is a JSON array of event names. The settings columns:
--   max_unbinds: unbinds one card allows over its life (0: none); unbind_cooldown: seconds
--   between two unbinds of a card; verify_after_auth_end: 1 = cards of an agent whose
--   authorization ended still verify, 0 = they answer NOT_AUTHORIZED; rate_per_app and
--   rate_per_ip: OpenAPI requests per minute for the whole project and per caller IP (0: no
--   limit). row_version counts updates, for guarded writes.
CREATE TABLE projects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name VARCHAR(64) NOT NULL,
  description VARCHAR(1000) NOT NULL DEFAULT '',
  version VARCHAR(32) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL DEFAULT 'active',
  app_key VARCHAR(64) NOT NULL,
  app_secret TEXT NOT NULL,
  prev_app_secret TEXT NULL,
  prev_secret_until DATETIME NULL,
  secret_rotated_at DATETIME NULL,
  webhook_secret TEXT NOT NULL,
  callback_url VARCHAR(512) NOT NULL DEFAULT '',
  callback_events VARCHAR(255) NOT NULL DEFAULT '[]',
  max_unbinds INT NOT NULL DEFAULT 3,
  unbind_cooldown INT NOT NULL DEFAULT 3600,
  verify_after_auth_end TINYINT NOT NULL DEFAULT 1,
  rate_per_app INT NOT NULL DEFAULT 6000,
  rate_per_ip INT NOT NULL DEFAULT 120,
  row_version BIGINT NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_projects_name ON projects (name);
CREATE UNIQUE INDEX uk_projects_app_key ON projects (app_key);
CREATE INDEX idx_projects_status ON projects (status, id);

-- Ed25519 response-signing keys of a project. kid is the X-Kami-Kid header; public_key is the
-- standard base64 of the 32-byte key; private_key is the sealed 32-byte seed. status: active
-- (signs; one per project), retiring (no longer signs, still published by /openapi/v1/keys
-- until retire_at, the setting projects.signingKeyGrace after its rotation) or retired.
CREATE TABLE project_signing_keys (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id BIGINT NOT NULL,
  kid VARCHAR(32) NOT NULL,
  public_key VARCHAR(64) NOT NULL,
  private_key TEXT NOT NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'active',
  retire_at DATETIME NULL,
  created_at DATETIME NULL,
  retired_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_project_signing_keys_kid ON project_signing_keys (kid);
CREATE INDEX idx_project_signing_keys_project ON project_signing_keys (project_id, status);

-- What a card of a project is sold as: duration_seconds of validity from activation (0:
-- permanent), price in quota units per card, max_devices bound at once. status: active or
-- disabled (no new batches; existing cards keep their copy of the terms). A plan that cards
-- reference is disabled, never deleted.
CREATE TABLE project_plans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id BIGINT NOT NULL,
  name VARCHAR(64) NOT NULL,
  duration_seconds BIGINT NOT NULL DEFAULT 0,
  price BIGINT NOT NULL DEFAULT 0,
  max_devices INT NOT NULL DEFAULT 1,
  status VARCHAR(16) NOT NULL DEFAULT 'active',
  sort INT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_project_plans_name ON project_plans (project_id, name);
CREATE INDEX idx_project_plans_project ON project_plans (project_id, status, sort);

-- A user (agent or agent-admin) allowed to generate cards of a project (seed 001 §2.2).
-- status: active, revoked (an admin ended it), expired (its expires_at passed; the job marks
-- it, and Check treats a passed expires_at as ended before that). source: grant or
-- application (application_id names it). active_key is "<project_id>:<user_id>" while active
-- and NULL after, so at most one live authorization exists per pair and ended ones stay as
-- history. warned_at: when the "expires in 3 days" notice went out (once per expiry).
CREATE TABLE authorizations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  granted_by BIGINT NOT NULL DEFAULT 0,
  source VARCHAR(16) NOT NULL DEFAULT 'grant',
  application_id BIGINT NOT NULL DEFAULT 0,
  status VARCHAR(16) NOT NULL DEFAULT 'active',
  active_key VARCHAR(64) NULL,
  expires_at DATETIME NULL,
  warned_at DATETIME NULL,
  ended_at DATETIME NULL,
  ended_by BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_authorizations_active ON authorizations (active_key);
CREATE INDEX idx_authorizations_pair ON authorizations (project_id, user_id, status);
CREATE INDEX idx_authorizations_user ON authorizations (user_id, status, id);
CREATE INDEX idx_authorizations_due ON authorizations (status, expires_at);

-- An agent's request to be authorized for a project, decided by its parent admin (or the
-- super-admin). status: pending, approved (authorization_id names the result), rejected
-- (note says why). approver_id is the applicant's parent when it applied, whose queue it is.
-- pending_key is "<project_id>:<applicant_id>" while pending: one open request per pair.
CREATE TABLE authorization_applications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id BIGINT NOT NULL,
  applicant_id BIGINT NOT NULL,
  approver_id BIGINT NOT NULL DEFAULT 0,
  reason VARCHAR(500) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL DEFAULT 'pending',
  pending_key VARCHAR(64) NULL,
  note VARCHAR(255) NOT NULL DEFAULT '',
  decided_by BIGINT NOT NULL DEFAULT 0,
  decided_at DATETIME NULL,
  authorization_id BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_authorization_applications_pending ON authorization_applications (pending_key);
CREATE INDEX idx_authorization_applications_approver ON authorization_applications (approver_id, status, id);
CREATE INDEX idx_authorization_applications_applicant ON authorization_applications (applicant_id, id);
CREATE INDEX idx_authorization_applications_status ON authorization_applications (status, id);

-- One generation of cards: count cards of a plan, paid by owner_id (the operator who
-- generated them) with cost = count x price units through a ledger reservation
-- (reservation_id) committed in the batch's transaction. The plan's terms are copied
-- (plan_name, price, duration_seconds, max_devices) so a later plan edit changes no sold card.
-- status: pending (reserved, cards being written), active, disabled (every card of it answers
-- DISABLED), failed (nothing charged: the reservation was released). generated_count counts the
-- cards written so far. idem_key: the request's Idempotency-Key, once per batch.
CREATE TABLE card_batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id BIGINT NOT NULL,
  plan_id BIGINT NOT NULL,
  owner_id BIGINT NOT NULL,
  plan_name VARCHAR(64) NOT NULL DEFAULT '',
  duration_seconds BIGINT NOT NULL DEFAULT 0,
  max_devices INT NOT NULL DEFAULT 1,
  count INT NOT NULL,
  generated_count INT NOT NULL DEFAULT 0,
  price BIGINT NOT NULL DEFAULT 0,
  cost BIGINT NOT NULL DEFAULT 0,
  reservation_id BIGINT NOT NULL DEFAULT 0,
  remark VARCHAR(255) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL DEFAULT 'pending',
  idem_key VARCHAR(191) NULL,
  disabled_at DATETIME NULL,
  disabled_by BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_card_batches_idem ON card_batches (idem_key);
CREATE INDEX idx_card_batches_owner ON card_batches (owner_id, id);
CREATE INDEX idx_card_batches_project ON card_batches (project_id, id);
CREATE INDEX idx_card_batches_status ON card_batches (status, id);

-- One card key. key_hash = LookupHash of the normalized key (upper case, no spaces or "-"),
-- unique per project: the OpenAPI finds a card by (project, hash). key_sealed is the key
-- sealed for export; key_mask what lists and webhooks show ("ABCD-****-WXYZ"). status:
-- unused, active (first verification: activated_at, expires_at = activated_at +
-- duration_seconds, NULL for permanent), expired, disabled (re-enabling returns it to the
-- state its dates say). bound_devices is the live count of card_devices rows, raised by a
-- guarded UPDATE (bound_devices < max_devices) so racing verifications never overbind;
-- unbind_count and last_unbind_at enforce the project's unbind limit and cooldown. version
-- guards every other state change (activation happens once however many verifications race).
CREATE TABLE cards (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id BIGINT NOT NULL,
  batch_id BIGINT NOT NULL,
  plan_id BIGINT NOT NULL,
  owner_id BIGINT NOT NULL,
  key_hash CHAR(64) NOT NULL,
  key_sealed VARCHAR(255) NOT NULL,
  key_mask VARCHAR(40) NOT NULL DEFAULT '',
  status VARCHAR(16) NOT NULL DEFAULT 'unused',
  duration_seconds BIGINT NOT NULL DEFAULT 0,
  max_devices INT NOT NULL DEFAULT 1,
  bound_devices INT NOT NULL DEFAULT 0,
  activated_at DATETIME NULL,
  expires_at DATETIME NULL,
  last_verified_at DATETIME NULL,
  unbind_count INT NOT NULL DEFAULT 0,
  last_unbind_at DATETIME NULL,
  disabled_at DATETIME NULL,
  version BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME NULL,
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_cards_key ON cards (project_id, key_hash);
CREATE INDEX idx_cards_batch ON cards (batch_id, id);
CREATE INDEX idx_cards_owner ON cards (owner_id, status, id);
CREATE INDEX idx_cards_project ON cards (project_id, status, id);
CREATE INDEX idx_cards_due ON cards (status, expires_at);

-- Devices a card is bound to. device_hash = SHA-256 hex of the fingerprint (fixed width for
-- the index); device is the fingerprint as sent (1-128 printable characters, not a secret:
-- webhooks carry it). One row per (card, device): a device bound again after an unbind reuses
-- its row (unbound_at back to NULL). Bound = unbound_at IS NULL.
CREATE TABLE card_devices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  card_id BIGINT NOT NULL,
  device_hash CHAR(64) NOT NULL,
  device VARCHAR(128) NOT NULL DEFAULT '',
  bound_at DATETIME NULL,
  unbound_at DATETIME NULL,
  last_seen_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_card_devices_device ON card_devices (card_id, device_hash);
CREATE INDEX idx_card_devices_bound ON card_devices (card_id, unbound_at);

-- Verification history (lean: one row per verify call that found a card). result is the
-- OpenAPI result (VALID, EXPIRED, ...); id order is time order, so the card detail pages by
-- (card_id, id); retention deletes by created_at.
CREATE TABLE card_verifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  card_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  device_hash CHAR(64) NOT NULL DEFAULT '',
  result VARCHAR(24) NOT NULL,
  ip VARCHAR(45) NOT NULL DEFAULT '',
  client_version VARCHAR(32) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);
CREATE INDEX idx_card_verifications_card ON card_verifications (card_id, id);
CREATE INDEX idx_card_verifications_project ON card_verifications (project_id, created_at);
CREATE INDEX idx_card_verifications_created ON card_verifications (created_at);

-- Export audit: who exported which batch, when, in what format, how many rows.
CREATE TABLE card_exports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id BIGINT NOT NULL,
  project_id BIGINT NOT NULL,
  operator_id BIGINT NOT NULL,
  format VARCHAR(8) NOT NULL,
  row_count INT NOT NULL DEFAULT 0,
  ip VARCHAR(45) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);
CREATE INDEX idx_card_exports_batch ON card_exports (batch_id, id);
CREATE INDEX idx_card_exports_operator ON card_exports (operator_id, id);
CREATE INDEX idx_card_exports_created ON card_exports (created_at);
