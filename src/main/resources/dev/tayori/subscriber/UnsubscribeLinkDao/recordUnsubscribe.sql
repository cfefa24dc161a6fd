-- The unsubscribe counts for the mail whose link was used, only if that mail went to this very
-- reader (a mark copied from another reader's mail counts for nobody), and once per mail.
INSERT INTO mail_unsubscribes (delivery_id, scope, via, at)
SELECT d.id, CAST(:scope AS TEXT), CAST(:via AS TEXT), CAST(:at AS BIGINT) FROM deliveries d
WHERE d.id = :deliveryId AND d.subscriber_id = :subscriberId
ON CONFLICT (delivery_id) DO NOTHING
