-- Mail sent since :since, the base of the bounce and complaint rates.
SELECT COUNT(*) FROM deliveries WHERE state = 'sent' AND sent_at >= :since
