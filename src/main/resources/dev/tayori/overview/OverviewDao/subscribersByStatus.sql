-- The dashboard's readers by status; an erased reader's row stays only as an anonymous placeholder
-- for the reports' counts (erasure/) and is nobody the operator has.
SELECT status, COUNT(*) AS n FROM subscribers WHERE erased_at IS NULL GROUP BY status
