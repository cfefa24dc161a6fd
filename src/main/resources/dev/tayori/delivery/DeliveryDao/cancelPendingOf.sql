-- On unsubscribe or bounce, mail not yet handed to a sender is cancelled at once, not at send time.
UPDATE deliveries SET state = 'cancelled', finished_at = :at, last_error = :reason
WHERE subscriber_id = :subscriberId AND state = 'planned'
