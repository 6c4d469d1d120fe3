-- Rollback of 0012_camel_oil.
DROP TABLE IF EXISTS camel_oil_order_history;
DROP TABLE IF EXISTS camel_oil_order;
DROP TABLE IF EXISTS camel_oil_merchant;
DROP TABLE IF EXISTS camel_oil_account_history;
DROP TABLE IF EXISTS camel_oil_account;
