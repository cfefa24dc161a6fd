-- One row per newsletter slot that came due: sent as an issue, or skipped with the reason shown to
-- the operator. The unique slot makes planning a slot twice impossible.
CREATE TABLE issues (
    id           INTEGER PRIMARY KEY,
    campaign_id  TEXT    NOT NULL,
    number       INTEGER,                -- issue numbers count sent issues only; NULL when skipped
    slot_at      BIGINT  NOT NULL,       -- the scheduled instant (e.g. Tuesday 07:00 JST)
    state        TEXT    NOT NULL CHECK (state IN ('planned', 'skipped')),
    reason       TEXT,
    created_at   BIGINT  NOT NULL,
    -- planning a mailing to a long list is resumable: the subscriber id reached so far, and whether
    -- every subscriber has been planned. A crash mid-way resumes here instead of leaving readers out.
    message_id_prefix TEXT,
    planned_to_id     BIGINT  NOT NULL DEFAULT 0,
    planning_done     BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (campaign_id, slot_at),
    UNIQUE (campaign_id, number)
);

-- What an issue features, frozen when the issue is planned: every subscriber reads the same issue
-- even if the blog or its feed changes while the mailing is going out.
CREATE TABLE issue_articles (
    issue_id   BIGINT  NOT NULL REFERENCES issues (id),
    position   INTEGER NOT NULL,
    url        TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    published  BIGINT  NOT NULL,
    excerpt    TEXT    NOT NULL,
    reread     BOOLEAN NOT NULL,          -- true for the "もう一度読みたい" pick
    PRIMARY KEY (issue_id, position)
);
CREATE INDEX issue_articles_url ON issue_articles (url);

-- What tayori knows about a campaign beyond its file: when this installation first saw it (slots
-- before that were never ours to send, so they are not "missed"), and whether the operator paused it.
CREATE TABLE campaign_state (
    campaign_id   TEXT   PRIMARY KEY,
    first_seen_at BIGINT NOT NULL,
    paused_at     BIGINT,
    paused_by     TEXT
);
