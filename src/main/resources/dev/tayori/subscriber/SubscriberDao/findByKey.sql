-- email_key is the whole address in lower case (EmailAddress.key()), so lookups match however it was typed.
SELECT * FROM subscribers WHERE email_key = :emailKey
