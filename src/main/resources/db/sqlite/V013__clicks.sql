-- Click counts (issue 14, README "Click counts"), only written with tracking.clicks: true.
--
-- The key that signs the /r/ tokens in mail: one row, made on first use, kept in the database so
-- links in mail already sent keep working after a restart or on another node.
CREATE TABLE click_keys (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    secret TEXT    NOT NULL
);

-- Every link tayori has put behind /r/, once each: a token names one of these by id, so /r/ can
-- only ever lead to a link that was in a mail (never an open redirect).
CREATE TABLE click_links (
    id  INTEGER PRIMARY KEY,
    url TEXT    NOT NULL UNIQUE
);

-- One row per counted click: which mail (delivery) and which link, and when. No address, IP or
-- user agent is kept: the delivery names the reader, and erasure leaves the counts anonymous.
CREATE TABLE clicks (
    id          INTEGER PRIMARY KEY,
    delivery_id BIGINT  NOT NULL REFERENCES deliveries (id),
    link_id     BIGINT  NOT NULL REFERENCES click_links (id),
    clicked_at  BIGINT  NOT NULL
);
CREATE INDEX clicks_by_delivery ON clicks (delivery_id);
