-- Per kind, for `campaigns stats`: reports about this campaign's mail (those matched to a delivery).
SELECT kind, COUNT(*) AS n FROM inbound_events WHERE campaign_id = :campaignId GROUP BY kind
