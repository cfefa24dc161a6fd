SELECT * FROM deliveries WHERE lease_owner = :owner AND state = 'sending' ORDER BY id
