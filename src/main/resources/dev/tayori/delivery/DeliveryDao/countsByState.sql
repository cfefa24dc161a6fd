-- The numbers behind `campaigns stats` and the list: how many rows are in each state.
SELECT state, COUNT(*) AS n FROM deliveries WHERE campaign_id = :campaignId GROUP BY state
