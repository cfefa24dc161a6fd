-- A new sign-in. The cookie's value itself is never stored, only its hash.
INSERT INTO admin_sessions (session_hash, csrf, created_at, expires_at) VALUES (:hash, :csrf, :at, :expiresAt)
