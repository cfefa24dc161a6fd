-- Signing out: the session ends for every process at once.
DELETE FROM admin_sessions WHERE session_hash = :hash
