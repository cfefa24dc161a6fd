-- Instants are epoch milliseconds (BIGINT). Keys and states are plain text so that the rows read
-- well in any SQL console, on SQLite and on PostgreSQL alike.

CREATE TABLE subscribers (
    id                INTEGER PRIMARY KEY,
    email             TEXT    NOT NULL,
    -- the address with its domain in lower case: the local part is case-sensitive by RFC 5321,
    -- the domain is not, so Hanako@Example.JP and Hanako@example.jp are one subscriber.
    email_key         TEXT    NOT NULL UNIQUE,
    name              TEXT    NOT NULL DEFAULT '',
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced')),
    time_zone         TEXT    NOT NULL,
    unsubscribe_token TEXT    NOT NULL UNIQUE,
    created_at        BIGINT  NOT NULL,
    confirmed_at      BIGINT,
    unsubscribed_at   BIGINT,
    unsubscribe_source TEXT,
    bounced_at        BIGINT,
    bounce_reason     TEXT
);

-- Every consent (and its withdrawal) as it happened, kept for 特定電子メール法: when, how, from where.
CREATE TABLE consent_records (
    id            INTEGER PRIMARY KEY,
    subscriber_id BIGINT  NOT NULL REFERENCES subscribers (id),
    event         TEXT    NOT NULL,  -- requested, confirmed, recorded-by-operator, withdrawn
    at            BIGINT  NOT NULL,
    source        TEXT    NOT NULL,  -- the form, the import, the operator's words
    origin        TEXT    NOT NULL,  -- an IP address, a file, a host and user
    user_agent    TEXT,
    form_version  TEXT
);
CREATE INDEX consent_records_subscriber ON consent_records (subscriber_id);

CREATE TABLE confirmations (
    id            INTEGER PRIMARY KEY,
    subscriber_id BIGINT  NOT NULL REFERENCES subscribers (id),
    token         TEXT    NOT NULL UNIQUE,
    created_at    BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL,
    used_at       BIGINT
);
CREATE INDEX confirmations_subscriber ON confirmations (subscriber_id);

CREATE TABLE enrollments (
    id            INTEGER PRIMARY KEY,
    subscriber_id BIGINT  NOT NULL REFERENCES subscribers (id),
    sequence_id   TEXT    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('active', 'finished', 'stopped')),
    enrolled_at   BIGINT  NOT NULL,
    next_step     INTEGER NOT NULL,
    next_due_at   BIGINT,
    last_step_at  BIGINT,
    UNIQUE (subscriber_id, sequence_id)
);
-- "What is due now" reads only active enrollments, in due order.
CREATE INDEX enrollments_due ON enrollments (sequence_id, next_due_at) WHERE state = 'active';

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    subscriber_id   BIGINT  NOT NULL REFERENCES subscribers (id),
    campaign_id     TEXT    NOT NULL,
    item_key        TEXT    NOT NULL,  -- step:3, issue:12, confirm:45
    step            INTEGER,
    state           TEXT    NOT NULL CHECK (state IN ('planned', 'sending', 'sent', 'failed', 'cancelled')),
    message_id      TEXT    NOT NULL UNIQUE,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    planned_at      BIGINT  NOT NULL,
    due_at          BIGINT  NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    lease_owner     TEXT,
    lease_until     BIGINT,
    sent_at         BIGINT,
    finished_at     BIGINT,
    -- the idempotency key: one mail per subscriber, campaign and step or issue, ever.
    UNIQUE (subscriber_id, campaign_id, item_key)
);
CREATE INDEX deliveries_pending ON deliveries (next_attempt_at) WHERE state IN ('planned', 'sending');
CREATE INDEX deliveries_campaign ON deliveries (campaign_id, state);
