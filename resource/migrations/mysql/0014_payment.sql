-- Online payment (issue 17): top-up orders paid through a provider (Alipay, WeChat Pay) and
-- the payment log of every step. out_trade_no is ours (unique, sent to the provider);
-- trade_no is the provider's, unique once set, so one provider payment credits one order at
-- most. status: pending, paid, closed, refunded. amount is units (1 unit = 1 分 by default,
-- the amount the provider charges). movement_id is the ledger credit of the payment,
-- refund_movement_id the ledger debit of its refund.
CREATE TABLE payment_orders (
  id BIGINT NOT NULL AUTO_INCREMENT,
  user_id BIGINT NOT NULL,
  channel VARCHAR(16) NOT NULL,
  out_trade_no VARCHAR(64) NOT NULL,
  trade_no VARCHAR(64) NULL,
  amount BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL DEFAULT 'pending',
  pay_url VARCHAR(1024) NOT NULL DEFAULT '',
  movement_id BIGINT NOT NULL DEFAULT 0,
  refund_movement_id BIGINT NOT NULL DEFAULT 0,
  paid_at DATETIME NULL,
  closed_at DATETIME NULL,
  refunded_at DATETIME NULL,
  expires_at DATETIME NOT NULL,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_payment_orders_out (out_trade_no),
  UNIQUE KEY uk_payment_orders_trade (channel, trade_no),
  KEY idx_payment_orders_user (user_id, id),
  KEY idx_payment_orders_status (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per step of an order: created, notify (accepted or refused, and why), query,
-- paid, closed, refund. order_id is 0 for a notify naming no known order.
CREATE TABLE payment_logs (
  id BIGINT NOT NULL AUTO_INCREMENT,
  order_id BIGINT NOT NULL DEFAULT 0,
  out_trade_no VARCHAR(64) NOT NULL DEFAULT '',
  step VARCHAR(16) NOT NULL,
  result VARCHAR(16) NOT NULL,
  detail VARCHAR(1000) NOT NULL DEFAULT '',
  created_at DATETIME NULL,
  PRIMARY KEY (id),
  KEY idx_payment_logs_order (order_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
