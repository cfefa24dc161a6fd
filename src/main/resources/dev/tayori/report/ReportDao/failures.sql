-- Mail of the mailing that did not arrive, oldest first: mail our SMTP server could not hand over
-- (failed, with the error kept on the row) and mail that came back (hard and soft bounce reports,
-- with the report's words). The address is the reader's own; erasedAt tells an erased reader, whose
-- address and words are gone and who is shown as anonymous.
SELECT f.deliveryId, f.email, f.erasedAt, f.kind, f.at, f.status, f.reason FROM (
    SELECT d.id AS deliveryId, s.email AS email, s.erased_at AS erasedAt, 'failed' AS kind,
           COALESCE(d.finished_at, d.planned_at) AS at, '' AS status, COALESCE(d.last_error, '') AS reason
    FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
    WHERE d.campaign_id = :campaignId AND <mailing> AND d.state = 'failed'
    UNION ALL
    SELECT d.id AS deliveryId, s.email AS email, s.erased_at AS erasedAt, e.kind AS kind,
           e.received_at AS at, e.status_code AS status, e.diagnostic AS reason
    FROM inbound_events e JOIN deliveries d ON d.id = e.delivery_id JOIN subscribers s ON s.id = d.subscriber_id
    WHERE d.campaign_id = :campaignId AND <mailing> AND e.kind IN ('hard', 'soft')
) AS f
ORDER BY f.at, f.deliveryId
LIMIT :limit
