-- Attempts older than the limit's minute are of no use: the addresses are not kept longer.
DELETE FROM sign_in_attempts WHERE attempted_at <= :before
