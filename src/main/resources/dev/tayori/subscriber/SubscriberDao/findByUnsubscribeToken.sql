-- The token in every List-Unsubscribe URL; unique, so it names one subscriber.
SELECT * FROM subscribers WHERE unsubscribe_token = :token
