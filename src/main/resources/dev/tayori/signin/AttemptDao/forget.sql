-- A refused attempt does not count (as an address locked out gets in a minute after its last
-- counted one, however often it tried meanwhile).
DELETE FROM sign_in_attempts WHERE attempt = :attempt
