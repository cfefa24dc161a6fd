-- The outage, if there is one (the table holds at most one row).
SELECT server, reason, since FROM smtp_outage
