-- Online payment (issue 17): see the MySQL file for the columns' meaning.
CREATE TABLE payment_orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
  updated_at DATETIME NULL
);
CREATE UNIQUE INDEX uk_payment_orders_out ON payment_orders (out_trade_no);
CREATE UNIQUE INDEX uk_payment_orders_trade ON payment_orders (channel, trade_no);
CREATE INDEX idx_payment_orders_user ON payment_orders (user_id, id);
CREATE INDEX idx_payment_orders_status ON payment_orders (status, created_at);

CREATE TABLE payment_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id BIGINT NOT NULL DEFAULT 0,
  out_trade_no VARCHAR(64) NOT NULL DEFAULT '',
  step VARCHAR(16) NOT NULL,
  result VARCHAR(16) NOT NULL,
  detail VARCHAR(1000) NOT NULL DEFAULT '',
  created_at DATETIME NULL
);
CREATE INDEX idx_payment_logs_order ON payment_logs (order_id, id);
