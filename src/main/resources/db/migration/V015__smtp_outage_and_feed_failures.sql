-- What the dashboard warns about that no other table holds (issue 14 item 5, health/): kept in the
-- database so that every node and every restart shows the same warning with the same "since".
--
-- The SMTP server could not be used (unreachable, or our login refused) by a sending run: one row,
-- from the first failed run until a run opens a session again. "since" is the first failure's instant;
-- later failures only change the server and the reason shown.
CREATE TABLE smtp_outage (
    id     SMALLINT PRIMARY KEY CHECK (id = 1),
    server TEXT     NOT NULL,
    reason TEXT     NOT NULL,
    since  BIGINT   NOT NULL
);

-- The article feed could not be read or parsed, per feed address (masked: a token in the address is
-- never stored): from the first failed read until a read of that feed succeeds. The dashboard shows
-- only the row of the feed set now, so an address the operator has since replaced is not warned about.
-- reason is a content/FeedProblem name; http_status the answer's status when the reason is HTTP_ERROR.
CREATE TABLE feed_failures (
    feed        TEXT    PRIMARY KEY,
    reason      TEXT    NOT NULL,
    http_status INTEGER,
    since       BIGINT  NOT NULL
);
