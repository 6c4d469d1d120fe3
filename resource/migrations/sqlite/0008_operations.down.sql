-- Rolls back 0008_operations.
DROP INDEX IF EXISTS idx_card_batches_stats_disabled;
DROP INDEX IF EXISTS idx_cards_stats_disabled;
DROP INDEX IF EXISTS idx_cards_stats_expires;
DROP INDEX IF EXISTS idx_cards_stats_activated;
DROP INDEX IF EXISTS idx_cards_stats_created;
DROP TABLE IF EXISTS banners;
DROP TABLE IF EXISTS stats_state;
DROP TABLE IF EXISTS stats_days;
DROP TABLE IF EXISTS stats_activity_hourly;
DROP TABLE IF EXISTS stats_activity_daily;
DROP TABLE IF EXISTS stats_quota_daily;
DROP TABLE IF EXISTS stats_card_daily;
