-- Tags an operator sets by hand or by import, for segments such as tag:seminar-2026.
CREATE TABLE subscriber_tags (
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id),
    tag           TEXT   NOT NULL,
    PRIMARY KEY (subscriber_id, tag)
);
CREATE INDEX subscriber_tags_tag ON subscriber_tags (tag);

-- When an announcement goes out and to whom. One row per announcement: scheduling again moves it;
-- once planned it cannot be sent a second time (its deliveries are keyed by the announcement).
CREATE TABLE announcement_schedules (
    campaign_id       TEXT    PRIMARY KEY,
    send_at           BIGINT  NOT NULL,
    segment           TEXT    NOT NULL,
    state             TEXT    NOT NULL CHECK (state IN ('scheduled', 'planned', 'skipped')),
    reason            TEXT,
    scheduled_at      BIGINT  NOT NULL,
    message_id_prefix TEXT    NOT NULL,
    planned_to_id     BIGINT  NOT NULL DEFAULT 0,
    planning_done     BOOLEAN NOT NULL DEFAULT FALSE
);
