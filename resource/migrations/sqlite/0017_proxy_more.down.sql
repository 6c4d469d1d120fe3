-- Rollback of 0017_proxy_more.
DROP TABLE IF EXISTS proxy_return;
DROP TABLE IF EXISTS proxy_stats_daily;
DROP TABLE IF EXISTS proxy_region;
ALTER TABLE proxy_order DROP COLUMN auto_renew;
