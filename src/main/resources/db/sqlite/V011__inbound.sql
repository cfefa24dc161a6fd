-- The inbound mailbox (issue 13): bounces, complaints, auto-replies, blank-mail sign-ups and mailto
-- unsubscribes that tayori read and acted on.
--
-- One row per message tayori handled, under its key (the Message-ID, or a hash of the headers for a
-- message without one), written before anything is done about it: a second poll, or a POP3 mailbox
-- that keeps every message, finds the key and does nothing again.
CREATE TABLE inbound_messages (
    message_key TEXT    NOT NULL PRIMARY KEY,
    kind        TEXT    NOT NULL,
    handled_at  BIGINT  NOT NULL,
    outcome     TEXT    NOT NULL
);

-- What the operator sees per reader and per campaign: each bounce, complaint and auto-reply (from
-- the mailbox or the bounce webhook), and each bounce an operator undid. subscriber_id and
-- delivery_id are empty when the report named nobody we know; matched_by says how the reader was
-- found (verp, message-id, recipient, webhook, operator).
CREATE TABLE inbound_events (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('hard', 'soft', 'delayed', 'complaint', 'auto-reply', 'unbounce')),
    subscriber_id BIGINT  REFERENCES subscribers (id),
    delivery_id   BIGINT  REFERENCES deliveries (id),
    campaign_id   TEXT,
    recipient     TEXT    NOT NULL,
    status_code   TEXT    NOT NULL,
    diagnostic    TEXT    NOT NULL,
    matched_by    TEXT    NOT NULL,
    message_id    TEXT,
    received_at   BIGINT  NOT NULL
);
CREATE INDEX inbound_events_subscriber ON inbound_events (subscriber_id, received_at);
CREATE INDEX inbound_events_campaign ON inbound_events (campaign_id, kind);
CREATE INDEX inbound_events_delivery ON inbound_events (delivery_id);
