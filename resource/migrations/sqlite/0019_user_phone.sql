-- Security monitoring (issue 16): a user's mobile number, where SMS alerts reach it (seed 001
-- §12.2). Optional and not unique (one on-call phone may serve two accounts); '' = no SMS.
ALTER TABLE users ADD COLUMN phone VARCHAR(20) NOT NULL DEFAULT '';
