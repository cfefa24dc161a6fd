-- The heartbeat, with the files the node has live now (an edit it reloaded changes them). Only this
-- run of the name, and only while it has not stopped: a beat that comes late must not make a stopped
-- node look alive, and a second process under the same name must not keep the first one's row alive.
UPDATE nodes SET last_tick_at = :now, files_fingerprint = :files
WHERE name = :name AND instance = :instance AND stopped_at IS NULL
