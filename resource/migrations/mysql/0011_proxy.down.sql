-- Rollback of 0011_proxy: drops every proxy_* table.
DROP TABLE IF EXISTS proxy_discrepancy;
DROP TABLE IF EXISTS proxy_sync_log;
DROP TABLE IF EXISTS proxy_call_log;
DROP TABLE IF EXISTS proxy_callback_log;
DROP TABLE IF EXISTS proxy_flow_log;
DROP TABLE IF EXISTS proxy_pool;
DROP TABLE IF EXISTS proxy_whitelist;
DROP TABLE IF EXISTS proxy_instance;
DROP TABLE IF EXISTS proxy_order;
DROP TABLE IF EXISTS proxy_user_limit;
DROP TABLE IF EXISTS proxy_user;
DROP TABLE IF EXISTS proxy_account;
DROP TABLE IF EXISTS proxy_price;
DROP TABLE IF EXISTS proxy_price_history;
DROP TABLE IF EXISTS proxy_product_area;
DROP TABLE IF EXISTS proxy_product;
