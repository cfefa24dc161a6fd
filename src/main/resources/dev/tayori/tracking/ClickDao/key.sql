-- The key the /r/ tokens are signed with.
SELECT secret FROM click_keys WHERE id = 1
