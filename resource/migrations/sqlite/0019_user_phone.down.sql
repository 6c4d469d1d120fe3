-- Rollback of 0019_user_phone.
ALTER TABLE users DROP COLUMN phone;
