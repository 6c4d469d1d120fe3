-- Rollback of 0006_cards: projects, plans, authorizations and cards, dependents first.
DROP TABLE IF EXISTS card_exports;
DROP TABLE IF EXISTS card_verifications;
DROP TABLE IF EXISTS card_devices;
DROP TABLE IF EXISTS cards;
DROP TABLE IF EXISTS card_batches;
DROP TABLE IF EXISTS authorization_applications;
DROP TABLE IF EXISTS authorizations;
DROP TABLE IF EXISTS project_plans;
DROP TABLE IF EXISTS project_signing_keys;
DROP TABLE IF EXISTS projects;
