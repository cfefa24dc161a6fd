-- An imported reader, confirmed by the consent the operator recorded elsewhere. RETURNING gives the new
-- id, and no row at all when the address is already known (ON CONFLICT DO NOTHING): the generated-key
-- API would instead report the last id inserted before, and the import would write the consent and
-- tags onto somebody else. Portable: SQLite 3.35+ and PostgreSQL both support this form.
-- Positional (JDBC) parameters: prepared once per import, not once per row as a DAO call is.
-- email, email_key, name, time_zone, unsubscribe_token, created_at, confirmed_at
INSERT INTO subscribers (email, email_key, name, status, time_zone, unsubscribe_token, created_at, confirmed_at)
VALUES (?, ?, ?, 'confirmed', ?, ?, ?, ?)
ON CONFLICT (email_key) DO NOTHING
RETURNING id
