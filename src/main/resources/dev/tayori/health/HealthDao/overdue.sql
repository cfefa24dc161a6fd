-- Mail recorded to go out that is still waiting well after it was due (the caller's :before is
-- now minus the grace period): the sign of a stopped sender or an unreachable SMTP server.
SELECT COUNT(*) AS waiting, MIN(due_at) AS oldest FROM deliveries WHERE state = 'planned' AND due_at < :before
