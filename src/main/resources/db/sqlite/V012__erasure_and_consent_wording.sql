-- Issue 14: the consent wording each form version showed, and erasure at a reader's request.

-- The text a reader agreed to, per form version: the consent record keeps the version, this keeps
-- what the version said. Filled at start (ConsentWordings.remember) with the wording the form shows.
CREATE TABLE consent_wordings (
    form_version  TEXT   PRIMARY KEY,
    wording       TEXT   NOT NULL,
    first_seen_at BIGINT NOT NULL
);

-- A row of an erased reader stays as an anonymous placeholder, so that deliveries and bounce events
-- still count in the reports (their foreign keys are NOT NULL); erased_at tells it from a reader.
ALTER TABLE subscribers ADD COLUMN erased_at BIGINT;

-- Secrets this installation made for itself (the suppression list's HMAC key): random, made once at
-- first use, never printed.
CREATE TABLE installation_secrets (
    name       TEXT   PRIMARY KEY,
    secret     TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

-- Erased addresses, as HMAC-SHA256 of the lower-cased address under the installation key: enough to
-- refuse importing them again, not enough to read them back.
CREATE TABLE suppressions (
    address_hash TEXT   PRIMARY KEY,
    added_at     BIGINT NOT NULL
);

-- Accountability without the address: when an erasure happened and by which way.
CREATE TABLE erasures (
    id        INTEGER PRIMARY KEY,
    erased_at BIGINT NOT NULL,
    via       TEXT   NOT NULL CHECK (via IN ('cli', 'api', 'admin'))
);
