-- A process starts under its node name: a row of its own, or the row of an earlier run of the same
-- name taken over (a restarted node keeps its name, and its history is the new run's).
INSERT INTO nodes (name, instance, command, started_at, last_tick_at, last_run_at, files_fingerprint, stopped_at)
VALUES (:name, :instance, :command, :now, :now, NULL, :files, NULL)
ON CONFLICT (name) DO UPDATE SET instance = excluded.instance, command = excluded.command,
    started_at = excluded.started_at, last_tick_at = excluded.last_tick_at, last_run_at = NULL,
    files_fingerprint = excluded.files_fingerprint, stopped_at = NULL
