-- Where a token's link id leads: only links tayori itself put in a mail.
SELECT url FROM click_links WHERE id = :id
