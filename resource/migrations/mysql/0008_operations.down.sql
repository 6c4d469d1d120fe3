-- Rolls back 0008_operations.
DROP INDEX idx_card_batches_stats_disabled ON card_batches;
DROP INDEX idx_cards_stats_disabled ON cards;
DROP INDEX idx_cards_stats_expires ON cards;
DROP INDEX idx_cards_stats_activated ON cards;
DROP INDEX idx_cards_stats_created ON cards;
DROP TABLE IF EXISTS banners;
DROP TABLE IF EXISTS stats_state;
DROP TABLE IF EXISTS stats_days;
DROP TABLE IF EXISTS stats_activity_hourly;
DROP TABLE IF EXISTS stats_activity_daily;
DROP TABLE IF EXISTS stats_quota_daily;
DROP TABLE IF EXISTS stats_card_daily;
