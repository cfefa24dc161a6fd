-- Confirmations started from one way in (a consent record "requested" is written with each one):
-- the count every process shares, so a cap on them holds across nodes without a table of its own.
SELECT COUNT(*) FROM consent_records WHERE event = 'requested' AND source = :source AND at > :since
