-- Rollback of 0005_quota: every quota table (the balances go with them).
DROP TABLE IF EXISTS quota_meta;
DROP TABLE IF EXISTS quota_alerts;
DROP TABLE IF EXISTS quota_reviews;
DROP TABLE IF EXISTS quota_withdrawals;
DROP TABLE IF EXISTS quota_reservations;
DROP TABLE IF EXISTS quota_entries;
DROP TABLE IF EXISTS quota_movements;
DROP TABLE IF EXISTS quota_accounts;
