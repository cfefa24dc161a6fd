-- The attempts from one address in the last minute, this one included, on every process.
SELECT COUNT(*) FROM sign_in_attempts WHERE address = :address AND attempted_at > :since
