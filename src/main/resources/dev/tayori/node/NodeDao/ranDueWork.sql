-- A run of due work started here: a sign of life too. With a clustered scheduler only one node runs
-- each minute's work, so this says which one did.
UPDATE nodes SET last_run_at = :now, last_tick_at = :now
WHERE name = :name AND instance = :instance AND stopped_at IS NULL
