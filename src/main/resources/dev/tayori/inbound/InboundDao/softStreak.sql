-- Temporary failures in a row: those about mail that left after the last mail that arrived (sent
-- before :reference, the bounced mail's own sending time, and no bounce came back for it) and after
-- the operator last undid a bounce. Several reports about one mail (a delay, then a failure) count once.
SELECT COUNT(DISTINCT COALESCE(e.delivery_id, -e.id))
FROM inbound_events e
LEFT JOIN deliveries d ON d.id = e.delivery_id
WHERE e.subscriber_id = :subscriberId
  AND e.kind = 'soft'
  AND COALESCE(d.sent_at, e.received_at) > (
      SELECT COALESCE(MAX(ok.sent_at), -1) FROM deliveries ok
      WHERE ok.subscriber_id = :subscriberId AND ok.state = 'sent' AND ok.sent_at < :reference
        AND NOT EXISTS (SELECT 1 FROM inbound_events b WHERE b.delivery_id = ok.id AND b.kind IN ('soft', 'hard')))
  AND e.received_at > (
      SELECT COALESCE(MAX(u.received_at), -1) FROM inbound_events u
      WHERE u.subscriber_id = :subscriberId AND u.kind = 'unbounce')
