-- Mail written in the browser (issue 12). It lives here, not in files, so that several tayori
-- nodes on one database send the same words. Campaign files stay the starting point: a mail with
-- no row here, or with live_revision NULL, is sent from its file's template as before.
--
-- One row per mail: a lesson (campaign, step from 1), an announcement's single mail or the
-- newsletter's own words (step 0). The draft is what the editor saved and nobody receives yet.
CREATE TABLE authored_mails (
    campaign_id     TEXT    NOT NULL,
    step            INTEGER NOT NULL CHECK (step >= 0),
    draft_subject   TEXT,
    draft_preheader TEXT,
    draft_body      TEXT,
    draft_saved_at  BIGINT,
    live_revision   INTEGER,
    PRIMARY KEY (campaign_id, step)
);

-- Every publish, numbered 1, 2, 3... per mail and never changed or removed: history only grows.
-- A restore is a new revision with an older one's words (restored_from); going back to the file's
-- version is a revision too ('file', without words), so the history says when it happened.
-- Mail already sent is not touched by any of this: deliveries keep no copy of the words, and a
-- delivery row that is sent is never sent again.
CREATE TABLE authored_revisions (
    campaign_id   TEXT    NOT NULL,
    step          INTEGER NOT NULL,
    revision      INTEGER NOT NULL CHECK (revision >= 1),
    kind          TEXT    NOT NULL CHECK (kind IN ('published', 'restored', 'file')),
    subject       TEXT,
    preheader     TEXT,
    body          TEXT,
    note          TEXT    NOT NULL,
    published_at  BIGINT  NOT NULL,
    restored_from INTEGER,
    PRIMARY KEY (campaign_id, step, revision)
);

-- Announcements made in the browser, which have no campaign file; their words are the revisions of
-- (campaign_id, 0). Listed with the file campaigns, so planners, scheduler and admin see them.
CREATE TABLE authored_announcements (
    campaign_id TEXT   PRIMARY KEY,
    name        TEXT   NOT NULL,
    segment     TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);
