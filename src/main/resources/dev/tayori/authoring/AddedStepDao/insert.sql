-- A step number is taken once: a second add of the same number (another node, a double click)
-- changes nothing, and the caller refuses it.
INSERT INTO added_steps (sequence_id, step, added_at, past_readers, reopened)
VALUES (:sequenceId, :step, :at, :pastReaders, 0)
ON CONFLICT (sequence_id, step) DO NOTHING
