-- The session a cookie names, while it lasts: any process answers for a session another one opened.
SELECT csrf, expires_at FROM admin_sessions WHERE session_hash = :hash AND expires_at > :now
