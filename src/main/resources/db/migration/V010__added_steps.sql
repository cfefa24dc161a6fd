-- Lessons added to a sequence in the browser (issue 12), after the file's last lesson. Their words
-- are revisions in authored_mails/authored_revisions like any lesson's; this row says the step
-- exists. past_readers records the operator's choice when adding it: whether readers who had
-- already finished the sequence get it too ('included') or not ('left_out'), and how many were
-- given it then. Readers still on their way get it at its place either way.
CREATE TABLE added_steps (
    sequence_id  TEXT    NOT NULL,
    step         INTEGER NOT NULL CHECK (step >= 2),
    added_at     BIGINT  NOT NULL,
    past_readers TEXT    NOT NULL CHECK (past_readers IN ('included', 'left_out')),
    reopened     INTEGER NOT NULL,
    PRIMARY KEY (sequence_id, step)
);
