-- Bounces (hard and soft) or complaints received since :since, by kind.
SELECT COUNT(*) FROM inbound_events WHERE kind = :kind AND received_at >= :since
