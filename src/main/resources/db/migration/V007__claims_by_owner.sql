-- "Which rows did this claim just take": without an index that read scanned the whole deliveries
-- table once per batch (35 ms a claim at 100,000 rows, holding up every sender). Only rows being
-- sent are in it, so it stays as small as the batches in flight.
CREATE INDEX deliveries_claimed ON deliveries (lease_owner) WHERE state = 'sending';
