-- email_key is the address with a lower-cased domain, so lookups match however the domain was typed.
SELECT * FROM subscribers WHERE email_key = :emailKey
