DROP TABLE IF EXISTS payment_logs;
DROP TABLE IF EXISTS payment_orders;
