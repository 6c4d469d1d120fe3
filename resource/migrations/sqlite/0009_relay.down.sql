-- Rollback of 0009_relay: the relay's tables, newest first.
DROP TABLE IF EXISTS relay_channel_events;
DROP TABLE IF EXISTS relay_stats_hourly;
DROP TABLE IF EXISTS relay_logs;
DROP TABLE IF EXISTS relay_user_groups;
DROP TABLE IF EXISTS relay_groups;
DROP TABLE IF EXISTS relay_prices;
DROP TABLE IF EXISTS relay_channel_keys;
DROP TABLE IF EXISTS relay_channels;
DROP TABLE IF EXISTS relay_tokens;
