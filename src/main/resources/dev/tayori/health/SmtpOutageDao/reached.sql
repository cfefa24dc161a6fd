-- A run opened a session with the server: the outage is over, whoever recorded it.
DELETE FROM smtp_outage
