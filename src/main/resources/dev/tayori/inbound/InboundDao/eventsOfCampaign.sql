-- A campaign's bounces, complaints and auto-replies (reports matched to one of its mails), newest
-- first, for its report page; at most :limit, since a long list is read on a phone.
SELECT * FROM inbound_events WHERE campaign_id = :campaignId ORDER BY received_at DESC, id DESC LIMIT :limit
